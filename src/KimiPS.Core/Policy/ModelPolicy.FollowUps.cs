namespace KimiPS.Core;

internal static partial class ModelPolicy
{
    /// <summary>The steering message of Kimi's migration guide for tool_choice "required" (seed 002).</summary>
    internal const string SelectToolPrompt = "Please select a tool to handle the current issue.";

    internal static string CallToolPrompt(string name) => $"Please call the tool '{name}' to handle the current issue.";

    /// <summary>Whether a round that stopped at the token limit can be continued with Partial Mode: budget left, and one choice (one prefix cannot continue several).</summary>
    public static bool CanContinue(PreparedChat prepared, ChatCompletion soFar, int continuationsDone) =>
        soFar.FinishReason == "length" && continuationsDone < prepared.Wire.AutoContinue && soFar.Choices.Count == 1;

    /// <summary>
    /// Turns <paramref name="request"/> (the engine's own copy, changed in place) into the continuation of a round
    /// that stopped at the token limit, with Partial Mode (reference/kimi-api.md §3.3). <paramref name="soFar"/> is
    /// the whole answer so far, prefix included; its text becomes the new prefix (the client prepends it to the
    /// next round's answer again). Call only when <see cref="CanContinue"/> said yes.
    /// </summary>
    public static void ContinueAfterLength(PreparedChat prepared, ChatRequest request, ChatCompletion soFar)
    {
        var previous = RemoveTrailingPartial(request);
        request.Messages.Add(new ChatMessage("assistant", soFar.Content ?? "")
        {
            Partial = true,
            Name = previous?.Name, // a role-play name stays the output prefix
            // Thinking models continue from their earlier reasoning (Kimi's partial-mode guide): the reasoning of
            // every round so far, because a round that only continues the text returns none of its own.
            ReasoningContent = prepared.ThinkingOn ? Join(previous?.ReasoningContent, soFar.ReasoningContent) : null,
        });
    }

    /// <summary>
    /// After a round sent with an emulated tool_choice that called no tool: adds the model's answer and a user
    /// message asking for a tool (seed 002) to <paramref name="request"/>, in place. False (nothing changed) when
    /// nothing is emulated or a tool was called. The engine asks once only.
    /// </summary>
    public static bool AskForTool(PreparedChat prepared, ChatRequest request, ChatCompletion result)
    {
        if (prepared.ToolChoiceEmulation == ToolChoiceEmulation.None || result.ToolCalls.Count > 0) return false;

        // The answer already starts with a partial prefix (the client prepended it): the prefix turn is replaced by it.
        RemoveTrailingPartial(request);
        var answer = result.ToMessage();
        if (!string.IsNullOrEmpty(answer.Content) || answer.ToolCalls is { Count: > 0 }) request.Messages.Add(answer);
        request.Messages.Add(ChatMessage.User(SteeringPrompt(prepared)));
        return true;
    }

    /// <summary>The user message that asks for the tool call an emulated tool_choice wants.</summary>
    internal static string SteeringPrompt(PreparedChat prepared) =>
        prepared.ToolChoiceEmulation == ToolChoiceEmulation.Named && prepared.RequiredToolName is { } name
            ? CallToolPrompt(name)
            : SelectToolPrompt;

    /// <summary>Text of consecutive rounds of one answer, joined as they were produced.</summary>
    internal static string? Join(string? earlier, string? later) =>
        string.IsNullOrEmpty(earlier) ? later : string.IsNullOrEmpty(later) ? earlier : earlier + later;

    /// <summary>Drops a Partial Mode prefix turn at the end of <paramref name="request"/>; returns it (null when there was none).</summary>
    internal static ChatMessage? RemoveTrailingPartial(ChatRequest request)
    {
        var count = request.Messages.Count;
        if (count == 0 || !request.Messages[count - 1].Partial) return null;
        var last = request.Messages[count - 1];
        request.Messages.RemoveAt(count - 1);
        return last;
    }
}
