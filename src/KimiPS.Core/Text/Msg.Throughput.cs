namespace KimiPS.Core;

// Messages of Throughput (see Msg.cs: how the table is organized and how to add a message).
internal static partial class Msg
{
    internal static readonly LocalizedText PAtLeastOne = new(
        "must be at least 1",
        "至少为 1");

    internal static readonly LocalizedText ThrottleLimitFix = new(
        "Use -ThrottleLimit 1 or more.",
        "请使用 -ThrottleLimit 1 或更大的值。");

    internal static readonly LocalizedText PAtLeastOneWhenSet = new(
        "must be at least 1 when set",
        "设置时至少为 1");

    internal static readonly LocalizedText RateLimitSettingFix = new(
        "Set {0} to 1 or more, or leave it empty for no client-side limit.",
        "请将 {0} 设为 1 或更大的值，或留空表示客户端不做限制。");

    internal static readonly LocalizedText ConcurrencyStays = new(
        "concurrency stays at {0}",
        "并发保持为 {0}");

    internal static readonly LocalizedText ConcurrencyChange = new(
        "concurrency {0} -> {1}",
        "并发 {0} -> {1}");

    internal static readonly LocalizedText NewRequestsPaused = new(
        ", new requests paused for {0} s",
        "，新请求暂停 {0} 秒");

    internal static readonly LocalizedText BackingOff429 = new(
        "Backing off after a 429 ({0}): {1}{2}.",
        "收到 429（{0}）后退避：{1}{2}。");
}
