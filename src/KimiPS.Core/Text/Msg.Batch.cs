namespace KimiPS.Core;

// Messages of Batch (see Msg.cs: how the table is organized and how to add a message).
internal static partial class Msg
{
    internal static readonly LocalizedText PIsValue = new(
        "is '{0}'",
        "为“{0}”");

    internal static readonly LocalizedText BatchWindowFix = new(
        "Use a window from 12h to 7d, such as 24h or 3d.",
        "请使用 12h 到 7d 之间的时间窗口，例如 24h 或 3d。");

    internal static readonly LocalizedText PPairs = new(
        "has {0} pairs",
        "有 {0} 个键值对");

    internal static readonly LocalizedText PairsFix = new(
        "Use at most 16 pairs.",
        "最多使用 16 个键值对。");

    internal static readonly LocalizedText PKeyTooLong = new(
        "has the key '{0}' longer than 64 characters",
        "中的键“{0}”超过 64 个字符");

    internal static readonly LocalizedText ShortenKey = new(
        "Shorten the key.",
        "请缩短该键。");

    internal static readonly LocalizedText PValueTooLong = new(
        "has a value over 512 characters for '{0}'",
        "中“{0}”的值超过 512 个字符");

    internal static readonly LocalizedText ShortenValue = new(
        "Shorten the value.",
        "请缩短该值。");
}
