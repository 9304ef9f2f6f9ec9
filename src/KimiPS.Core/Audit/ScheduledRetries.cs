namespace KimiPS.Core;

/// <summary>
/// The usage of requests the -ThrottleLimit scheduler runs again after a 429. The HTTP layer counts each such 429
/// as a retry when it hands it over (the scheduler decides later whether to send it again); when the scheduler gives
/// up, the owner of its results calls <see cref="GaveUp"/>, once per failed item, and the request counts as failed.
/// </summary>
internal static class ScheduledRetries
{
    /// <summary>
    /// Counts <paramref name="error"/>, a failed item's error, as a failed request when it is a 429 the scheduler gave
    /// up on, and logs how it ended. Returns a warning when its log line could not be written, else null.
    /// </summary>
    public static string? GaveUp(Exception error, IKimiRequestObserver? observer)
    {
        if (ThrottleSignal.AsThrottle(error) is not { } throttle) return null;
        var record = Interlocked.Exchange(ref throttle.RequeuedRecord, null);
        return record is not null && observer is SessionObserver session ? session.OnGaveUp(record) : null;
    }
}
