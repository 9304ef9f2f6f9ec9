namespace KimiPS.Core;

internal sealed partial class ChatStreamDecoder
{
    /// <summary>
    /// The whole answer so far. Usage is the request's (top-level <c>usage</c>) when the server sent it,
    /// else the sum of the per-choice usages.
    /// </summary>
    public ChatCompletion BuildCompletion()
    {
        var choices = new List<ChatChoice>(1 + (_others?.Count ?? 0));
        if (_first is not null || _contentPrefix is not null)
            choices.Add(BuildChoice(_first ?? new ChoiceAccumulator(0), _contentPrefix));
        if (_others is not null)
        {
            foreach (var other in _others)
            {
                if (other is not null) choices.Add(BuildChoice(other, null));
            }
        }

        var usage = _usage;
        if (usage is null)
        {
            foreach (var choice in choices) usage = ChatUsage.Add(usage, choice.Usage);
        }

        return new ChatCompletion
        {
            Id = _id ?? "",
            Model = _model ?? "",
            Created = _created,
            RequestId = _requestId,
            Choices = choices,
            Usage = usage,
        };
    }

    private static ChatChoice BuildChoice(ChoiceAccumulator choice, string? prefix) => new()
    {
        Index = choice.Index,
        // Partial Mode: the server continues after the prefix, so the answer starts with it.
        Content = prefix + choice.Content?.ToString(),
        ReasoningContent = choice.Reasoning?.ToString(),
        FinishReason = choice.FinishReason,
        ToolCalls = choice.BuildToolCalls(),
        Usage = choice.Usage,
    };
}
