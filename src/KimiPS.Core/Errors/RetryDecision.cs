namespace KimiPS.Core;

/// <summary>What the retry layer does after a failure: retry after <see cref="Delay"/>, or give up.</summary>
internal readonly struct RetryDecision
{
    public RetryDecision(bool retry, TimeSpan delay, string reason)
    {
        Retry = retry;
        Delay = delay;
        Reason = reason;
    }

    public bool Retry { get; }
    /// <summary>The wait before the next attempt; zero when not retrying.</summary>
    public TimeSpan Delay { get; }
    /// <summary>Why, in words for the debug stream ("rate limited; server asked for 3 s").</summary>
    public string Reason { get; }

    public static RetryDecision Stop(string reason) => new(false, TimeSpan.Zero, reason);

    public override string ToString() => Retry
        ? "retry in " + TimeText.Seconds(Delay) + " s: " + Reason
        : "no retry: " + Reason;
}
