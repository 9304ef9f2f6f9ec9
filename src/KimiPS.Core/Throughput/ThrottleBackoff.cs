using System.Globalization;

namespace KimiPS.Core;

/// <summary>
/// What the queue does when an item fails with a 429 that asks it to slow down (<see cref="ThrottleSignal"/>): cut
/// the AIMD limit, pause new starts for the server's Retry-After, and decide whether the item runs again.
/// Not thread-safe: <see cref="OrderedWorkQueue{TIn, TOut}"/> calls it under its lock.
/// </summary>
internal sealed class ThrottleBackoff
{
    public ThrottleBackoff(int maxConcurrency) => Limit = new AdaptiveConcurrencyLimit(maxConcurrency);

    /// <summary>How many items may be in flight; halved here, grown back by the queue's successes.</summary>
    public AdaptiveConcurrencyLimit Limit { get; }

    /// <summary>New starts wait until this time, by the queue's clock.</summary>
    public TimeSpan PausedUntil { get; private set; }

    /// <summary>
    /// Most requests of one item beyond its first, after 429s: the connection's MaxRetries, so that a request that keeps
    /// getting 429 is sent MaxRetries + 1 times in all, as without -ThrottleLimit (its client leaves 429s to this
    /// scheduler: <see cref="KimiClientOptions.ThrottlesRetriedByScheduler"/>).
    /// </summary>
    public int MaxReRuns { get; set; } = 2;

    /// <summary>
    /// Pause of new starts after a 429 that named no wait. Short, because the HTTP layer has already backed off
    /// before the 429 reached us; long enough that the halved window takes hold before anything new starts.
    /// </summary>
    public TimeSpan DefaultPause { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A 429 that asks for a longer wait than this is not waited for here (like MaxRetryDelay's default): the item fails.</summary>
    public TimeSpan MaxPause { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// An item that last started in <paramref name="startGeneration"/>, after <paramref name="attempts"/> requests, failed
    /// with <paramref name="throttle"/> at <paramref name="now"/>. Returns whether to run it again (else it fails with
    /// that error); <paramref name="warning"/> is the message for the owner, once per cut.
    /// </summary>
    public bool OnThrottled(KimiException throttle, long startGeneration, int attempts, TimeSpan now, out string? warning)
    {
        var before = Limit.Current;
        var cut = Limit.OnThrottled(startGeneration);
        var pause = ThrottleSignal.RetryAfter(throttle) ?? DefaultPause;
        var canWait = pause <= MaxPause;
        if (canWait && now + pause > PausedUntil)
            PausedUntil = now + pause;

        warning = cut ? Warning(throttle, before, canWait ? pause : TimeSpan.Zero) : null; // one warning per burst
        // IsRetryable false: the HTTP layer judged that waiting will not help (for example a Retry-After beyond
        // MaxRetryDelay). The cut above still applies: the server did say we were too fast.
        return throttle.IsRetryable && canWait && attempts <= MaxReRuns;
    }

    private string Warning(KimiException throttle, int before, TimeSpan pause)
    {
        var change = before == Limit.Current
            ? $"concurrency stays at {before}"
            : $"concurrency {before} -> {Limit.Current}";
        var paused = pause > TimeSpan.Zero
            ? ", new requests paused for " + TimeText.Seconds(pause) + " s"
            : "";
        return $"Backing off after a 429 ({throttle.ErrorId}): {change}{paused}.";
    }
}
