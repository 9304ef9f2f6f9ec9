namespace KimiPS.Core;

/// <summary>One turn of a conversation.</summary>
public sealed class ChatMessage
{
    public ChatMessage() { }

    public ChatMessage(string role, string? content)
    {
        Role = role;
        Content = content;
    }

    /// <summary>system, user, assistant or tool.</summary>
    public string Role { get; set; } = "user";
    /// <summary>The text. Ignored when <see cref="Parts"/> is set.</summary>
    public string? Content { get; set; }
    /// <summary>Text, image and video parts (vision models). Media URLs must be base64 data URLs or <c>ms://file_id</c>.</summary>
    public IList<ChatContentPart>? Parts { get; set; }
    /// <summary>The model's thinking on an assistant turn; replayed as sent (required on tool-call turns).</summary>
    public string? ReasoningContent { get; set; }
    /// <summary>Tool calls made by the assistant in this turn.</summary>
    public IList<ToolCall>? ToolCalls { get; set; }
    /// <summary>On a tool message: the id of the call it answers.</summary>
    public string? ToolCallId { get; set; }
    /// <summary>On a tool message, the function name; on a partial assistant message, the role-play name.</summary>
    public string? Name { get; set; }
    /// <summary>Partial Mode: the last assistant message is a prefix the model continues.</summary>
    public bool Partial { get; set; }

    public static ChatMessage System(string text) => new("system", text);
    public static ChatMessage User(string text) => new("user", text);
    public static ChatMessage Assistant(string text) => new("assistant", text);

    /// <summary>A tool result answering <paramref name="toolCallId"/>.</summary>
    public static ChatMessage Tool(string toolCallId, string name, string result) =>
        new("tool", result) { ToolCallId = toolCallId, Name = name };

    /// <summary>A user turn with text and media parts.</summary>
    public static ChatMessage UserParts(params ChatContentPart[] parts) =>
        new("user", null) { Parts = new List<ChatContentPart>(parts) };

    /// <inheritdoc />
    public override string ToString() => $"{Role}: {Content}";
}
