using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Creates a conversation that Invoke-KimiChat -Conversation extends turn by turn.</summary>
/// <remarks>
/// New-KimiConversation returns an empty chat history, optionally starting with a system prompt and tied to a
/// model. Pass it to Invoke-KimiChat -Conversation: each call sends the history and appends the new question and
/// the answer (including the model's reasoning and tool calls, which Kimi needs replayed). Save it with
/// Export-KimiConversation and load it again with Import-KimiConversation. Nothing is sent to the API.
/// </remarks>
/// <example>
/// <code>PS> $c = New-KimiConversation -SystemPrompt 'Answer in French.' -Model kimi-k3
/// PS> Invoke-KimiChat 'What is a hash table?' -Conversation $c</code>
/// <para>Starts a conversation with instructions and a model, and asks the first question.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "KimiConversation")]
[OutputType(typeof(KimiConversation))]
public sealed class NewKimiConversationCommand : PSCmdlet
{
    /// <summary>Instructions kept as the conversation's first (system) message.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? SystemPrompt { get; set; }

    /// <summary>The model for this conversation; Invoke-KimiChat uses it when it gets no -Model.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KimiModelCompleter))]
    public string? Model { get; set; }

    protected override void EndProcessing() => WriteObject(new KimiConversation(SystemPrompt, Model));
}
