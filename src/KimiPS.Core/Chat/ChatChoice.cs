namespace KimiPS.Core;

/// <summary>One of the <c>n</c> answers.</summary>
public sealed class ChatChoice
{
    public int Index { get; set; }
    public string? Content { get; set; }
    public string? ReasoningContent { get; set; }
    public string? FinishReason { get; set; }
    public IReadOnlyList<ToolCall> ToolCalls { get; set; } = Array.Empty<ToolCall>();
    /// <summary>Kimi reports usage per choice; null when the server did not.</summary>
    public ChatUsage? Usage { get; set; }

    /// <summary>This answer as an assistant turn, ready to append to a conversation (reasoning and tool calls kept).</summary>
    public ChatMessage ToMessage() => new("assistant", Content)
    {
        ReasoningContent = ReasoningContent,
        ToolCalls = ToolCalls.Count == 0 ? null : new List<ToolCall>(ToolCalls),
    };

    /// <inheritdoc />
    public override string ToString() => Content ?? "";
}
