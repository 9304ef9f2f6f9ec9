namespace KimiPS.Core;

/// <summary>Recognises the errors that mean "slow down" after the HTTP layer's own retries gave up.</summary>
internal static class ThrottleSignal
{
    /// <summary>
    /// The 429 that asks us to slow down (KimiRateLimitReached, KimiEngineOverloaded), or null. KimiQuotaExceeded is
    /// also a 429 on the wire but is never a throttle: waiting does not bring back a used-up quota.
    /// </summary>
    public static KimiException? AsThrottle(Exception error)
    {
        // Work that went through Task.Wait/Result hands us the 429 wrapped once.
        if (error is AggregateException { InnerExceptions.Count: 1 } aggregate)
            error = aggregate.InnerExceptions[0];
        return error is KimiException { ErrorId: KimiErrorIds.RateLimitReached or KimiErrorIds.EngineOverloaded } throttle
            ? throttle
            : null;
    }

    /// <summary>The wait the server asked for, when it said.</summary>
    public static TimeSpan? RetryAfter(KimiException throttle) => (throttle as KimiApiException)?.RetryAfter;
}
