namespace KimiPS.Core;

/// <summary>A whole answer. The top-level text, reasoning, finish reason and tool calls are those of choice 0.</summary>
public sealed class ChatCompletion
{
    public string Id { get; internal set; } = "";
    public string Model { get; internal set; } = "";
    public DateTimeOffset? Created { get; internal set; }
    public string? Content => First?.Content;
    public string? ReasoningContent => First?.ReasoningContent;
    public string? FinishReason => First?.FinishReason;
    /// <summary>Whole-request usage; for an answer of several requests (continuations, web searches, tool rounds), the sum over all of them.</summary>
    public ChatUsage? Usage { get; internal set; }
    public IReadOnlyList<ChatChoice> Choices { get; internal set; } = Array.Empty<ChatChoice>();
    public IReadOnlyList<ToolCall> ToolCalls => First?.ToolCalls ?? Array.Empty<ToolCall>();
    /// <summary><c>Msh-Request-Id</c> (or a gateway's trace id): quote it to support.</summary>
    public string? RequestId { get; internal set; }
    /// <summary>How many extra requests the client made for this answer (Partial Mode continuations, tool_choice emulation, web searches, tool rounds).</summary>
    public int FollowUps { get; internal set; }
    /// <summary>True when Invoke-KimiChat rendered this answer live on the host: its default view is then a short footer, not the text again.</summary>
    public bool ShownLive { get; internal set; }

    private ChatChoice? First => Choices.Count > 0 ? Choices[0] : null;

    /// <summary>Choice 0 as an assistant turn for a conversation.</summary>
    public ChatMessage ToMessage() => First?.ToMessage() ?? new ChatMessage("assistant", "");

    /// <inheritdoc />
    /// <remarks>Control sequences are removed (<see cref="TerminalText.Clean"/>): this is what a console prints. <see cref="Content"/> keeps them.</remarks>
    public override string ToString() => TerminalText.Clean(Content);
}
