namespace KimiPS.Core;

/// <summary>
/// One piece of a streamed answer. <see cref="ToString"/> is the text delta. The last chunk of a stream carries
/// the whole answer in <see cref="Completion"/> (and no new text).
/// </summary>
public sealed class ChatChunk
{
    public int ChoiceIndex { get; internal set; }
    public string? Content { get; internal set; }
    public string? ReasoningContent { get; internal set; }
    public string? FinishReason { get; internal set; }
    /// <summary>Usage of this choice (when it finishes) or, on the last chunk, of the whole request.</summary>
    public ChatUsage? Usage { get; internal set; }
    /// <summary>Tool calls, each surfaced once, complete, on the chunk where its choice finishes.</summary>
    public IReadOnlyList<ToolCall>? ToolCalls { get; internal set; }
    /// <summary>The whole answer; set on the last chunk only.</summary>
    public ChatCompletion? Completion { get; internal set; }

    /// <inheritdoc />
    /// <remarks>Control sequences are removed (<see cref="TerminalText.Clean"/>): this is what a console prints. <see cref="Content"/> keeps them.</remarks>
    public override string ToString() => TerminalText.Clean(Content);
}
