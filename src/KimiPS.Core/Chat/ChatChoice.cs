namespace KimiPS.Core;

/// <summary>One of the <c>n</c> answers.</summary>
public sealed class ChatChoice
{
    public int Index { get; internal set; }
    public string? Content { get; internal set; }
    public string? ReasoningContent { get; internal set; }
    public string? FinishReason { get; internal set; }
    public IReadOnlyList<ToolCall> ToolCalls { get; internal set; } = Array.Empty<ToolCall>();
    /// <summary>Kimi reports usage per choice; null when the server did not.</summary>
    public ChatUsage? Usage { get; internal set; }

    /// <summary>This answer as an assistant turn, ready to append to a conversation (reasoning and tool calls kept).</summary>
    public ChatMessage ToMessage() => new("assistant", Content)
    {
        ReasoningContent = ReasoningContent,
        ToolCalls = ToolCalls.Count == 0 ? null : new List<ToolCall>(ToolCalls),
    };

    /// <inheritdoc />
    public override string ToString() => Content ?? "";
}
