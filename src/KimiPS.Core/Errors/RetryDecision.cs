namespace KimiPS.Core;

/// <summary>What the retry layer does after a failure: retry after <see cref="Delay"/>, or give up.</summary>
internal readonly struct RetryDecision
{
    public RetryDecision(bool retry, TimeSpan delay, string reason, string? note = null)
    {
        Retry = retry;
        Delay = delay;
        Reason = reason;
        Note = note;
    }

    public bool Retry { get; }
    /// <summary>The wait before the next attempt; zero when not retrying.</summary>
    public TimeSpan Delay { get; }
    /// <summary>Why, in words for the debug stream ("rate limited; server asked for 3 s").</summary>
    public string Reason { get; }
    /// <summary>For a stop the error's own message would not explain (a server wait over the limit): a sentence added to it.</summary>
    public string? Note { get; }

    public static RetryDecision Stop(string reason, string? note = null) => new(false, TimeSpan.Zero, reason, note);

    public override string ToString() => Retry
        ? "retry in " + TimeText.Seconds(Delay) + " s: " + Reason
        : "no retry: " + Reason;
}
