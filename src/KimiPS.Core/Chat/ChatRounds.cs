namespace KimiPS.Core;

/// <summary>
/// Follow-up requests of one answer (DESIGN.md §3.3): Partial Mode continuation after
/// <c>finish_reason: length</c> (at most AutoContinue times) and the one extra round that emulates
/// <c>tool_choice: required</c>. Shared by the JSON and the streaming paths so both behave alike.
/// </summary>
internal sealed class ChatRounds
{
    private int _continuations;
    private bool _toolFollowUpDone;
    private ChatUsage? _usage;
    private int _followUps;
    private string? _earlierReasoning; // of the rounds this answer continues

    public ChatRounds(PreparedChat prepared)
    {
        Prepared = prepared;
        Prefix = prepared.PartialPrefix;
    }

    public PreparedChat Prepared { get; }

    /// <summary>The text the next response continues (the client prepends it; the server does not repeat it).</summary>
    public string? Prefix { get; private set; }

    /// <summary>The next request, or null when <paramref name="completion"/> is the answer.</summary>
    public ChatRequest? Next(ChatRequest wire, ChatCompletion completion)
    {
        _usage = ChatUsage.Add(_usage, completion.Usage);
        var next = ModelPolicy.ContinueAfterLength(Prepared, wire, completion, _continuations);
        if (next is not null)
        {
            _continuations++;
            Prefix = completion.Content;
            _earlierReasoning = ModelPolicy.Join(_earlierReasoning, completion.ReasoningContent);
        }
        else if (!_toolFollowUpDone && (next = ModelPolicy.ToolChoiceFollowUp(Prepared, wire, completion)) is not null)
        {
            _toolFollowUpDone = true;
            Prefix = null;
            _earlierReasoning = null; // the follow-up is a new answer, not a continuation
        }
        if (next is not null) _followUps++;
        return next;
    }

    /// <summary>The final answer: its text already includes the continued rounds (as prefix); its reasoning gets theirs here; usage is summed.</summary>
    public ChatCompletion Result(ChatCompletion last)
    {
        if (_earlierReasoning is not null && last.Choices.Count > 0)
            last.Choices[0].ReasoningContent = ModelPolicy.Join(_earlierReasoning, last.Choices[0].ReasoningContent);
        last.Usage = _usage;
        last.FollowUps = _followUps;
        return last;
    }
}
