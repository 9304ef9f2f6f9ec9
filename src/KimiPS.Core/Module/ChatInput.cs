namespace KimiPS.Core;

/// <summary>What a piped object to Invoke-KimiChat is.</summary>
internal enum ChatInputKind
{
    /// <summary>Nothing (null or an empty string).</summary>
    None,
    /// <summary>Text: the prompt, or the material when -Prompt is also given.</summary>
    Text,
    /// <summary>An uploaded file (Send-KimiFile): its extracted content is fetched and becomes a system message.</summary>
    File,
    /// <summary>Extracted content (Get-KimiFileContent): becomes a system message.</summary>
    FileContent,
    /// <summary>A ready message: appended as given.</summary>
    Message,
    /// <summary>Anything else: an error that says how to turn it into text.</summary>
    Unsupported,
}

/// <summary>The inputs of one chat request, before they become messages (see <see cref="ChatInputBuilder"/>).</summary>
internal sealed class ChatInput
{
    /// <summary>-Prompt.</summary>
    public string? Prompt { get; set; }
    /// <summary>Text that came down the pipeline.</summary>
    public string? PipedText { get; set; }
    /// <summary>-SystemPrompt.</summary>
    public string? SystemPrompt { get; set; }
    /// <summary>The conversation's history (-Conversation), sent before this turn.</summary>
    public IList<ChatMessage>? History { get; set; }
    /// <summary>-Message, plus piped ChatMessage objects.</summary>
    public IList<ChatMessage> Messages { get; } = new List<ChatMessage>();
    /// <summary>Documents, each becomes a system message.</summary>
    public IList<KimiFileContent> Files { get; } = new List<KimiFileContent>();
    /// <summary>Uploaded files whose content must still be fetched before <see cref="ChatInputBuilder.Build"/>.</summary>
    public IList<KimiFile> PendingFiles { get; } = new List<KimiFile>();
    /// <summary>-Image parts, attached to the user message.</summary>
    public IList<ChatContentPart> Images { get; } = new List<ChatContentPart>();
    /// <summary>-Prefix: Partial Mode, the start of the answer the model must continue.</summary>
    public string? Prefix { get; set; }
}

/// <summary>The messages of one request, and the part of them that is new (what a conversation keeps).</summary>
internal sealed class ChatTurn
{
    public ChatTurn(IList<ChatMessage> request, IList<ChatMessage> newMessages)
    {
        Request = request;
        NewMessages = newMessages;
    }

    /// <summary>Everything to send, in order.</summary>
    public IList<ChatMessage> Request { get; }
    /// <summary>The messages this turn adds to a conversation: -Message, documents and the user message (not -SystemPrompt, not -Prefix).</summary>
    public IList<ChatMessage> NewMessages { get; }
}
