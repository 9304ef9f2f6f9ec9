using System.Globalization;
using System.Text.RegularExpressions;

namespace KimiPS.Core;

/// <summary>
/// The wait a server asked for, from (in this order) <c>retry-after-ms</c>, <c>Retry-After</c>, and
/// Kimi's "please try again after N seconds" text — the only hint Kimi documents for its
/// concurrency/RPM limits (reference §6.2). The order follows openai-python (anchors §2.1).
/// </summary>
internal static class RetryHints
{
    /// <summary>Anything longer is certainly above MaxRetryDelay; clamping keeps TimeSpan from overflowing.</summary>
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <summary>Only the head of a message is searched: the hint sits in one sentence, not in a dump.</summary>
    private const int MaxScannedChars = 2000;

    // "please try again after 3 seconds", "after 1.5 seconds", "after 20s"; and the Chinese page's "请在 3 秒后重试".
    private static readonly Regex AfterSeconds = new(
        @"after\s+(?<n>\d{1,9}(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b|(?<n>\d{1,9}(?:\.\d+)?)\s*秒后",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    private static readonly string[] HttpDateFormats =
    {
        "r",                                   // RFC 1123: Sun, 06 Nov 1994 08:49:37 GMT
        "dddd, dd-MMM-yy HH:mm:ss 'GMT'",      // RFC 850
        "ddd MMM d HH:mm:ss yyyy",             // asctime
    };

    public static TimeSpan? ServerDelay(IReadOnlyDictionary<string, string> headers, string? message) =>
        ServerDelay(headers, message, DateTimeOffset.UtcNow);

    /// <param name="headers">Response headers (retry-after-ms, Retry-After).</param>
    /// <param name="message">The server's error message ("please try again after N seconds").</param>
    /// <param name="now">The clock an HTTP-date is measured against (injected by tests).</param>
    /// <remarks>
    /// A source that is missing, unparsable, negative or zero is skipped and the next one is tried.
    /// Zero is skipped too: "retry now" carries no information, and our own backoff must not be
    /// replaced by an immediate retry.
    /// </remarks>
    public static TimeSpan? ServerDelay(IReadOnlyDictionary<string, string>? headers, string? message, DateTimeOffset now) =>
        FromMilliseconds(HeaderLookup.Find(headers, "retry-after-ms"))
        ?? FromRetryAfter(HeaderLookup.Find(headers, "Retry-After"), now)
        ?? FromMessage(message);

    internal static TimeSpan? FromMilliseconds(string? value) =>
        TryNumber(value, out var ms) ? Positive(ms / 1000.0) : null;

    internal static TimeSpan? FromRetryAfter(string? value, DateTimeOffset now)
    {
        if (value is null) return null;
        // Delta seconds is an integer in RFC 9110; fractions are accepted, as openai-python does.
        if (TryNumber(value, out var seconds)) return Positive(seconds);
        if (DateTimeOffset.TryParseExact(value, HttpDateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var date))
            return Positive((date - now).TotalSeconds);
        return null;
    }

    internal static TimeSpan? FromMessage(string? message)
    {
        if (string.IsNullOrEmpty(message)) return null;
        var text = message!.Length > MaxScannedChars ? message.Substring(0, MaxScannedChars) : message;
        try
        {
            var match = AfterSeconds.Match(text);
            return match.Success && TryNumber(match.Groups["n"].Value, out var seconds) ? Positive(seconds) : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static bool TryNumber(string? value, out double number)
    {
        number = 0;
        if (value is null) return false;
        // AllowDecimalPoint without AllowExponent or signs beyond a leading minus: "1e9" and "Infinity" are not waits.
        return double.TryParse(value.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                   CultureInfo.InvariantCulture, out number)
               && !double.IsNaN(number) && !double.IsInfinity(number);
    }

    private static TimeSpan? Positive(double seconds)
    {
        if (!(seconds > 0)) return null;
        return seconds >= Longest.TotalSeconds ? Longest : TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }
}
