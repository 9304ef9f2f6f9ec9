namespace KimiPS.Core;

/// <summary>The single retry policy of the client (DESIGN.md §3.4): when to retry and how long to wait.</summary>
internal static class Backoff
{
    /// <summary>A floor for nonsense settings (zero or negative delays): a retry is never immediate.</summary>
    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// The wait before retry number <paramref name="retryNumber"/> (1-based): d = min(cap, base × 2^(n−1)),
    /// then a uniform draw from [d/2, d).
    /// </summary>
    /// <remarks>
    /// "Equal jitter", not full jitter: full jitter draws from [0, d], so it can return ~0 and send the
    /// first retry at once — the openai-dotnet bug (#857) that hammered throttled endpoints. Keeping
    /// the lower half still spreads clients apart, while every retry waits at least d/2.
    /// </remarks>
    public static TimeSpan Next(int retryNumber, TimeSpan baseDelay, TimeSpan cap, Random random)
    {
        if (random is null) throw new ArgumentNullException(nameof(random));
        // Clamp the exponent: 2^30 × any sane base is already far past any cap, and doubles cannot overflow here.
        var exponent = Math.Min(Math.Max(retryNumber, 1) - 1, 30);
        var ceiling = Math.Min((double)cap.Ticks, baseDelay.Ticks * Math.Pow(2, exponent));
        var d = Math.Max(ceiling, Floor.Ticks);
        var ticks = d / 2 + d / 2 * random.NextDouble();
        return TimeSpan.FromTicks(Math.Max((long)ticks, Floor.Ticks));
    }

    /// <summary>Whether to try again after <paramref name="error"/>, and after how long.</summary>
    /// <param name="error">The failure of the attempt just made.</param>
    /// <param name="attempt">Attempts made so far, 1-based (1 after the first failure).</param>
    /// <param name="maxRetries">Retries allowed after the first attempt (KimiClientOptions.MaxRetries).</param>
    /// <param name="maxRetryDelay">The longest server-requested wait we accept (KimiClientOptions.MaxRetryDelay).</param>
    /// <param name="baseDelay">First backoff step (KimiClientOptions.RetryBaseDelay).</param>
    /// <param name="cap">Cap on our own backoff (KimiClientOptions.MaxBackoff).</param>
    /// <param name="random">Jitter source; one per client, injected by tests.</param>
    public static RetryDecision Decide(KimiException error, int attempt, int maxRetries, TimeSpan maxRetryDelay,
        TimeSpan baseDelay, TimeSpan cap, Random random)
    {
        if (error is null) throw new ArgumentNullException(nameof(error));

        // Belt and braces: a billing 429 is terminal whatever a builder set. Retrying it is the
        // "retry storm" several Kimi clients had to fix (reference §6.2, §7).
        if (error.ErrorId == KimiErrorIds.QuotaExceeded)
            return RetryDecision.Stop(Msg.RetryQuota);
        if (!error.IsRetryable)
            return RetryDecision.Stop(Msg.RetryNotRetryable.Format(error.ErrorId));
        if (attempt > Math.Max(maxRetries, 0))
            return RetryDecision.Stop(Msg.RetryGaveUp.Format(attempt, (attempt == 1 ? "" : "s"), Math.Max(maxRetries, 0)));

        var serverWait = (error as KimiApiException)?.RetryAfter;
        if (serverWait is { } wait)
        {
            // Fail fast rather than sleep for minutes; the exception keeps RetryAfter so a script can decide.
            if (wait > maxRetryDelay)
                return RetryDecision.Stop(Msg.RetryServerWaitTooLong.Format(TimeText.Seconds(wait), TimeText.Seconds(maxRetryDelay)),
                    Msg.NotRetriedServerWait.Format(TimeText.Seconds(wait), TimeText.Seconds(maxRetryDelay)));
            // The server knows its window: honour its value exactly, neither shortened nor padded.
            return new RetryDecision(true, wait, Msg.RetryServerWait.Format(error.ErrorId, TimeText.Seconds(wait)));
        }

        var delay = Next(attempt, baseDelay, cap, random);
        return new RetryDecision(true, delay, Msg.RetryBackingOff.Format(error.ErrorId, TimeText.Seconds(delay), attempt, maxRetries));
    }

}
