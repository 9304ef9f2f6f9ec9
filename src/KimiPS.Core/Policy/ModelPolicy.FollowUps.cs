namespace KimiPS.Core;

internal static partial class ModelPolicy
{
    /// <summary>The steering message of Kimi's migration guide for tool_choice "required" (seed 002).</summary>
    internal const string SelectToolPrompt = "Please select a tool to handle the current issue.";

    internal static string CallToolPrompt(string name) => $"Please call the tool '{name}' to handle the current issue.";

    /// <summary>
    /// After a round that stopped at the token limit: the next round continues it with Partial Mode
    /// (reference/kimi-api.md §3.3). <paramref name="soFar"/> is the whole answer so far, prefix included;
    /// its text becomes the new prefix (the client prepends it to the next round's answer again).
    /// Null when the answer is complete, the caller's AutoContinue budget is spent, or there are several
    /// choices (one prefix cannot continue them all).
    /// </summary>
    public static ChatRequest? ContinueAfterLength(PreparedChat prepared, ChatRequest wire, ChatCompletion soFar, int continuationsDone)
    {
        if (soFar.FinishReason != "length" || continuationsDone >= prepared.Wire.AutoContinue || soFar.Choices.Count != 1)
            return null;

        var next = wire.Clone();
        var previous = RemoveTrailingPartial(next);
        next.Messages.Add(new ChatMessage("assistant", soFar.Content ?? "")
        {
            Partial = true,
            Name = previous?.Name, // a role-play name stays the output prefix
            // Thinking models continue from their earlier reasoning (Kimi's partial-mode guide): the reasoning of
            // every round so far, because a round that only continues the text returns none of its own.
            ReasoningContent = prepared.ThinkingOn ? Join(previous?.ReasoningContent, soFar.ReasoningContent) : null,
        });
        return next;
    }

    /// <summary>
    /// After a round sent with an emulated tool_choice that called no tool: the same request plus the
    /// model's answer and a user message asking for a tool (seed 002). Null when nothing is emulated or a
    /// tool was called. The client asks once only.
    /// </summary>
    public static ChatRequest? ToolChoiceFollowUp(PreparedChat prepared, ChatRequest wire, ChatCompletion result)
    {
        if (prepared.ToolChoiceEmulation == ToolChoiceEmulation.None || result.ToolCalls.Count > 0) return null;

        var next = wire.Clone();
        // The answer already starts with a partial prefix (the client prepended it): the prefix turn is replaced by it.
        RemoveTrailingPartial(next);
        var answer = result.ToMessage();
        if (!string.IsNullOrEmpty(answer.Content) || answer.ToolCalls is { Count: > 0 }) next.Messages.Add(answer);
        next.Messages.Add(ChatMessage.User(prepared.ToolChoiceEmulation == ToolChoiceEmulation.Named && prepared.RequiredToolName is { } name
            ? CallToolPrompt(name)
            : SelectToolPrompt));
        return next;
    }

    /// <summary>Text of consecutive rounds of one answer, joined as they were produced.</summary>
    internal static string? Join(string? earlier, string? later) =>
        string.IsNullOrEmpty(earlier) ? later : string.IsNullOrEmpty(later) ? earlier : earlier + later;

    private static ChatMessage? RemoveTrailingPartial(ChatRequest request)
    {
        var count = request.Messages.Count;
        if (count == 0 || !request.Messages[count - 1].Partial) return null;
        var last = request.Messages[count - 1];
        request.Messages.RemoveAt(count - 1);
        return last;
    }
}
