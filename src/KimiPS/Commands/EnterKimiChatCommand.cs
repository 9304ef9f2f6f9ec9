using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Holds an interactive chat with a Kimi model at the prompt, every answer shown as it is generated.</summary>
/// <remarks>
/// Enter-KimiChat reads each line you type through the host ($Host.UI.ReadLine()) and streams the answer onto the
/// screen as live text (the way Invoke-KimiChat -Stream shows it at the console), on a KimiConversation that keeps
/// every turn. Lines starting with / are commands: /model &lt;id&gt;, /thinking on|off, /file &lt;path&gt; (upload a
/// document, add its extracted text to the chat, delete the upload), /save &lt;path&gt; (the Export-KimiConversation
/// format), /rewind [n], /usage (this session's tokens), /help and /exit. Start a line with // to send text that
/// begins with a slash. In the console host, Ctrl+C stops the current answer and the chat goes on (the unfinished
/// turn is not kept); at the you&gt; prompt it ends the chat. What you type while an answer streams is kept and asked
/// next, once the answer ends (Ctrl+C drops it with the answer). A failed answer is shown as an error and the chat goes
/// on. Pass -Conversation to continue a conversation, and -PassThru to get it back when you leave.
/// </remarks>
/// <example>
/// <code>PS> Enter-KimiChat</code>
/// <para>Starts a chat with the connection's default model. Type /exit to leave.</para>
/// </example>
/// <example>
/// <code>PS> $c = Enter-KimiChat -SystemPrompt 'You are a terse PowerShell expert.' -PassThru
/// PS> $c | Export-KimiConversation -Path .\chat.json</code>
/// <para>Chats with a system prompt, then saves the conversation after you leave.</para>
/// </example>
/// <example>
/// <code>PS> Import-KimiConversation .\chat.json | Enter-KimiChat -Model kimi-k2.5</code>
/// <para>Continues a saved conversation with another model.</para>
/// </example>
[Cmdlet(VerbsCommon.Enter, "KimiChat")]
[OutputType(typeof(KimiConversation))]
public sealed class EnterKimiChatCommand : KimiApiCmdlet
{
    /// <summary>The conversation to continue (New-KimiConversation, Import-KimiConversation); it is extended turn by turn. Default: a new one.</summary>
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public KimiConversation? Conversation { get; set; }

    /// <summary>Instructions for the model. Kept in a new conversation; with -Conversation, sent with every request and not stored.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SystemPrompt { get; set; }

    /// <summary>The model id. Default: the conversation's model, else the connection's default. /model changes it during the chat.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KimiModelCompleter))]
    public string? Model { get; set; }

    /// <summary>Live answers show no reasoning (it is still kept in the conversation).</summary>
    [Parameter]
    public SwitchParameter HideReasoning { get; set; }

    /// <summary>Returns the conversation when the chat ends.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var conversation = Conversation ?? new KimiConversation(SystemPrompt, Model);
        var systemPrompt = Conversation is null ? null : SystemPrompt;
        var model = Model ?? conversation.Model ?? ActiveConnection.DefaultModel;
        new ChatSession(this, conversation, model, systemPrompt, HideReasoning).Run();
        if (PassThru) WriteObject(conversation);
    }
}
