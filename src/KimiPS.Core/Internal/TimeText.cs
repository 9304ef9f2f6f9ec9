using System.Globalization;

namespace KimiPS.Core;

/// <summary>Durations in messages: seconds, up to milliseconds, culture-invariant ("1.5", not "1,5").</summary>
internal static class TimeText
{
    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
