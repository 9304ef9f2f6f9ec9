namespace KimiPS.Core;

internal static partial class ModelPolicy
{
    /// <summary>
    /// Copies the messages (the caller's objects are never changed), leaving out empty assistant turns and
    /// filling the reasoning Kimi requires on tool-call turns (reference/kimi-api.md §3.2, §7.3, §7.5).
    /// </summary>
    private static List<ChatMessage> PrepareMessages(IList<ChatMessage> source, bool reasoningRequired, Action<string> warn)
    {
        var result = new List<ChatMessage>(source.Count);
        for (var i = 0; i < source.Count; i++)
        {
            var m = source[i];
            var hasToolCalls = m.ToolCalls is { Count: > 0 };
            if (m.Role == "assistant" && !m.Partial && !hasToolCalls && string.IsNullOrEmpty(m.Content) && m.Parts is not { Count: > 0 })
            {
                // Kimi: "the message at position N with role 'assistant' must not be empty" (a placeholder or aborted turn).
                warn(Msg.EmptyAssistantDropped.Format(i));
                continue;
            }

            var copy = Copy(m);
            // With thinking on, Kimi rejects a tool-call turn without reasoning_content, and "" counts as missing;
            // a single space is what other clients send when the text was lost.
            if (reasoningRequired && hasToolCalls && string.IsNullOrEmpty(copy.ReasoningContent))
                copy.ReasoningContent = " ";
            result.Add(copy);
        }
        return result;
    }

    internal static ChatMessage Copy(ChatMessage m) => new(m.Role, m.Content)
    {
        Parts = m.Parts is { Count: > 0 } ? new List<ChatContentPart>(m.Parts) : null,
        ReasoningContent = m.ReasoningContent,
        ToolCalls = m.ToolCalls is { Count: > 0 } ? new List<ToolCall>(m.ToolCalls) : null,
        ToolCallId = m.ToolCallId,
        Name = m.Name,
        Partial = m.Partial,
    };
}
