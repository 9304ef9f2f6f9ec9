using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Counts the tokens of a prompt, messages or a conversation with the server's tokenizer.</summary>
/// <remarks>
/// Measure-KimiToken asks Kimi's estimate-token-count endpoint how many tokens a request would use, before
/// sending it. Use it to keep within a model's context length, to estimate cost, or to count the tokens of a
/// stream that was cut before its usage arrived. The count is the server's, for the model given (or the
/// connection's default model), not a local approximation.
/// </remarks>
/// <example>
/// <code>PS> Measure-KimiToken 'How many tokens is this sentence?'</code>
/// <para>Counts the tokens of one prompt.</para>
/// </example>
/// <example>
/// <code>PS> Get-Content .\report.md -Raw | Measure-KimiToken -Model kimi-k3</code>
/// <para>Counts the tokens of a document for kimi-k3.</para>
/// </example>
/// <example>
/// <code>PS> Measure-KimiToken -Conversation $c</code>
/// <para>Counts the tokens the conversation's history would send.</para>
/// </example>
[Cmdlet(VerbsDiagnostic.Measure, "KimiToken", DefaultParameterSetName = PromptSet)]
[OutputType(typeof(KimiTokenCount))]
public sealed class MeasureKimiTokenCommand : KimiApiCmdlet
{
    private const string PromptSet = "Prompt";
    private const string MessageSet = "Message";
    private const string ConversationSet = "Conversation";

    /// <summary>The text to count, as one user message.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PromptSet, HelpMessage = "The text to count.")]
    [AllowEmptyString]
    public string Prompt { get; set; } = "";

    /// <summary>Instructions counted as a system message before -Prompt.</summary>
    [Parameter(ParameterSetName = PromptSet)]
    public string? SystemPrompt { get; set; }

    /// <summary>Messages to count, as they would be sent.</summary>
    [Parameter(Mandatory = true, ParameterSetName = MessageSet, HelpMessage = "The messages to count.")]
    [AllowEmptyCollection]
    public ChatMessage[] Message { get; set; } = Array.Empty<ChatMessage>();

    /// <summary>A conversation whose messages are counted.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ConversationSet, HelpMessage = "The conversation to count.")]
    [ValidateNotNull]
    public KimiConversation Conversation { get; set; } = null!;

    /// <summary>The model whose tokenizer counts. Default: the conversation's, else the connection's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(KimiModelCompleter))]
    public string? Model { get; set; }

    /// <summary>Bad parameters fail once, before any input is counted (our errors, with the fix).</summary>
    protected override void BeginProcessing()
    {
        try
        {
            if (Model is not null) Model = ConnectionSettings.CheckModel(Model);
            if (SystemPrompt is not null && SystemPrompt.Trim().Length == 0)
                throw Errors.InvalidParameter(nameof(SystemPrompt), "is empty", "Pass the instructions to count, or omit -SystemPrompt.");
        }
        catch (KimiException ex)
        {
            ThrowTerminating(ex, Model is null ? SystemPrompt : Model);
        }
    }

    protected override void ProcessRecord()
    {
        // An empty piped prompt fails alone: the other inputs are still counted.
        if (ParameterSetName == PromptSet && string.IsNullOrWhiteSpace(Prompt))
        {
            Report(Errors.InvalidParameter(nameof(Prompt), "is empty", "Pass the text to count."), Prompt);
            return;
        }
        var messages = ParameterSetName switch
        {
            MessageSet => new List<ChatMessage>(Message),
            ConversationSet => new List<ChatMessage>(Conversation.Messages),
            _ => SystemPrompt is null
                ? new List<ChatMessage> { ChatMessage.User(Prompt) }
                : new List<ChatMessage> { ChatMessage.System(SystemPrompt), ChatMessage.User(Prompt) },
        };
        if (messages.Count == 0)
        {
            if (ParameterSetName == MessageSet)
                Report(Errors.InvalidParameter(nameof(Message), "has no messages to count", "Pass at least one ChatMessage."), Message);
            else
                Report(Errors.InvalidParameter(nameof(Conversation), "has no messages to count", "Add a turn with Invoke-KimiChat -Conversation first."), Conversation);
            return;
        }
        var model = Model ?? (ParameterSetName == ConversationSet ? Conversation.Model : null) ?? ActiveConnection.DefaultModel;
        object target = ParameterSetName == ConversationSet ? Conversation : ParameterSetName == MessageSet ? Message : Prompt;
        var request = new ChatRequest { Model = model, Messages = messages };
        var total = 0;
        if (Try(target, () => total = Call((client, ct) => client.EstimateTokenCount(request, ct))))
            WriteObject(new KimiTokenCount(model, total, messages.Count));
    }
}
