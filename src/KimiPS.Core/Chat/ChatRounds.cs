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
        }
        else if (!_toolFollowUpDone && (next = ModelPolicy.ToolChoiceFollowUp(Prepared, wire, completion)) is not null)
        {
            _toolFollowUpDone = true;
            Prefix = null;
        }
        if (next is not null) _followUps++;
        return next;
    }

    /// <summary>The final answer, with usage summed over every round.</summary>
    public ChatCompletion Result(ChatCompletion last)
    {
        last.Usage = _usage;
        last.FollowUps = _followUps;
        return last;
    }
}
