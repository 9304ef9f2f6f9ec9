namespace KimiPS.Core;

// Messages of Http (see Msg.cs: how the table is organized and how to add a message).
internal static partial class Msg
{
    internal static readonly LocalizedText PMustBeAbsolute = new(
        "must be an absolute URI",
        "必须是绝对 URI");

    internal static readonly LocalizedText BaseUriFix = new(
        "Use https://api.moonshot.cn/v1/ or https://api.moonshot.ai/v1/.",
        "请使用 https://api.moonshot.cn/v1/ 或 https://api.moonshot.ai/v1/。");

    internal static readonly LocalizedText BaseUriUserInfoFix = new(
        "Remove them from the URI; the API key goes in ApiKey (Connect-Kimi -ApiKey).",
        "请从 URI 中删除它们；API Key 应通过 ApiKey 提供（Connect-Kimi -ApiKey）。");

    internal static readonly LocalizedText PPlainHttp = new(
        "uses plain http:// to '{0}', which would send the API key in clear text",
        "对“{0}”使用明文 http://，会以明文发送 API Key");

    internal static readonly LocalizedText PlainHttpFix = new(
        "Use an https:// URI. Plain http:// is allowed only for loopback hosts (127.0.0.1, ::1, localhost).",
        "请使用 https:// URI。明文 http:// 只允许用于本机回环地址（127.0.0.1、::1、localhost）。");

    internal static readonly LocalizedText PScheme = new(
        "has the unsupported scheme '{0}'",
        "使用了不支持的协议“{0}”");

    internal static readonly LocalizedText UseHttps = new(
        "Use an https:// URI.",
        "请使用 https:// URI。");

    internal static readonly LocalizedText WouldPassRequestTimeout = new(
        "{0}, which would pass RequestTimeout ({1} s in total)",
        "{0}，会超过 RequestTimeout（总计 {1} 秒）");

    internal static readonly LocalizedText RetryingWarning = new(
        "{0}: retrying {1} {2} (attempt {3} of {4}).",
        "{0}：正在重试 {1} {2}（第 {3} 次尝试，共 {4} 次）。");

    internal static readonly LocalizedText RedirectOtherOrigin = new(
        "to another origin, {0}",
        "到另一个源 {0}");

    internal static readonly LocalizedText RedirectToGet = new(
        "to {0}, which would turn the {1} into a GET",
        "到 {0}，会把 {1} 变成 GET");

    internal static readonly LocalizedText RedirectTooMany = new(
        "more than {0} times",
        "超过 {0} 次");

    internal static readonly LocalizedText SchedulerRetries = new(
        "{0}, which the -ThrottleLimit scheduler retries",
        "{0}，由 -ThrottleLimit 调度器负责重试");
}
