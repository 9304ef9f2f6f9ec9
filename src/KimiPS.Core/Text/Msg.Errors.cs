namespace KimiPS.Core;

// Messages of Errors (see Msg.cs: how the table is organized and how to add a message).
internal static partial class Msg
{
    internal static readonly LocalizedText ParameterProblem = new(
        "Parameter '{0}' {1}.",
        "参数“{0}”{1}。");

    internal static readonly LocalizedText NotConnected = new(
        "No Kimi API key is configured.",
        "尚未配置 Kimi API Key。");

    internal static readonly LocalizedText NotConnectedAction = new(
        "Run Connect-Kimi -ApiKey (Read-Host -AsSecureString), or set the MOONSHOT_API_KEY environment variable.",
        "请运行 Connect-Kimi -ApiKey (Read-Host -AsSecureString)，或设置环境变量 MOONSHOT_API_KEY。");

    internal static readonly LocalizedText ConnectFailed = new(
        "Could not connect to {0}:{1}: {2}",
        "无法连接到 {0}:{1}：{2}");

    internal static readonly LocalizedText ConnectProxyFailed = new(
        "Could not connect to the proxy {0}:{1} (used for {2}:{3}): {4}",
        "无法连接到代理 {0}:{1}（用于访问 {2}:{3}）：{4}");

    internal static readonly LocalizedText ConnectThroughProxyFailed = new(
        "Could not connect to {0}:{1} through the proxy {2}:{3}: {4}",
        "无法通过代理 {2}:{3} 连接到 {0}:{1}：{4}");

    internal static readonly LocalizedText ConnectProxyAction = new(
        "Check that the proxy is running and its address (Connect-Kimi -Proxy, or the HTTPS_PROXY / NO_PROXY environment variables), and -ProxyCredential if it asks for one.",
        "请确认代理正在运行、地址正确（Connect-Kimi -Proxy，或环境变量 HTTPS_PROXY / NO_PROXY）；如果代理要求身份验证，请提供 -ProxyCredential。");

    internal static readonly LocalizedText RequestTimedOut = new(
        "The request did not complete within {0} s in total, retries included (RequestTimeout; Connect-Kimi -TimeoutSec).",
        "请求未能在 {0} 秒内完成（含重试，RequestTimeout；Connect-Kimi -TimeoutSec）。");

    internal static readonly LocalizedText StreamIdle = new(
        "The stream sent no data for {0} s (-IdleTimeoutSec {0}).",
        "流式输出已 {0} 秒没有收到任何数据（-IdleTimeoutSec {0}）。");

    internal static readonly LocalizedText StreamIdleAction = new(
        "Ask again; if the model thinks for long before answering, raise -IdleTimeoutSec (Invoke-KimiChat for one call, Connect-Kimi for the session).",
        "请重新提问；如果模型在回答前需要长时间思考，请调大 -IdleTimeoutSec（Invoke-KimiChat 对单次调用生效，Connect-Kimi 对整个会话生效）。");

    internal static readonly LocalizedText ResponseDeclaresTooLarge = new(
        "the response declares {0} MiB, more than the {1} MiB allowed (MaxResponseBytes)",
        "响应声明的大小为 {0} MiB，超过了允许的 {1} MiB（MaxResponseBytes）");

    internal static readonly LocalizedText ResponseTooLarge = new(
        "the response is larger than the {0} MiB allowed (MaxResponseBytes); it was not read further",
        "响应超过了允许的 {0} MiB（MaxResponseBytes），未再继续读取");

    internal static readonly LocalizedText ResponseTooLargeAction = new(
        "No Kimi answer is that large: check BaseUri (a proxy or gateway may be answering). If such answers are expected, raise KimiClientOptions.MaxResponseBytes.",
        "Kimi 的回答不会这么大：请检查 BaseUri（可能是代理或网关在应答）。如果确实需要这么大的响应，请调大 KimiClientOptions.MaxResponseBytes。");

    internal static readonly LocalizedText RedirectRefusedText = new(
        "HTTP {0}: the server redirected the request {1}",
        "HTTP {0}：服务器将请求重定向{1}");

    internal static readonly LocalizedText RedirectRefusedAction = new(
        "KimiPS follows no redirect to another origin: the prompt and files would go there. If you trust the new address, set BaseUri to it (Connect-Kimi -BaseUri).",
        "KimiPS 不跟随跨源重定向，否则 prompt 和文件会被发往那里。如果你信任新地址，请将 BaseUri 设为该地址（Connect-Kimi -BaseUri）。");

    internal static readonly LocalizedText RetryQuota = new(
        "the account's balance or quota is exhausted; retrying cannot help",
        "账户余额或额度已用完，重试无济于事");

    internal static readonly LocalizedText RetryNotRetryable = new(
        "{0} is not retryable",
        "{0} 不可重试");

    internal static readonly LocalizedText RetryGaveUp = new(
        "gave up after {0} attempt{1} (MaxRetries is {2})",
        "尝试 {0} 次后放弃（MaxRetries 为 {2}）");

    internal static readonly LocalizedText RetryServerWaitTooLong = new(
        "the server asked to wait {0} s, more than MaxRetryDelay ({1} s)",
        "服务器要求等待 {0} 秒，超过了 MaxRetryDelay（{1} 秒）");

    internal static readonly LocalizedText NotRetriedServerWait = new(
        "Not retried: the server asked to wait {0} s, longer than the {1} s KimiPS waits for a retry.",
        "未重试：服务器要求等待 {0} 秒，超过了 KimiPS 为重试等待的上限 {1} 秒。");

    internal static readonly LocalizedText RetryServerWait = new(
        "{0}; the server asked to wait {1} s",
        "{0}；服务器要求等待 {1} 秒");

    internal static readonly LocalizedText RetryBackingOff = new(
        "{0}; backing off {1} s (retry {2} of {3})",
        "{0}；退避 {1} 秒（第 {2} 次重试，共 {3} 次）");

    internal static readonly LocalizedText ReasonTls = new(
        "the TLS handshake failed (certificate, protocol version, or a proxy that intercepts TLS)",
        "TLS 握手失败（证书、协议版本，或有代理拦截了 TLS）");

    internal static readonly LocalizedText ReasonFailed = new(
        "the connection failed.",
        "连接失败。");

    internal static readonly LocalizedText ReasonDns = new(
        "the host name could not be resolved (DNS)",
        "无法解析主机名（DNS）");

    internal static readonly LocalizedText ReasonRefused = new(
        "the connection was refused",
        "连接被拒绝");

    internal static readonly LocalizedText ReasonConnectTimeout = new(
        "the connection attempt timed out",
        "连接超时");

    internal static readonly LocalizedText ReasonUnreachable = new(
        "the network or host is unreachable",
        "网络或主机不可达");

    internal static readonly LocalizedText ReasonReset = new(
        "the connection was reset",
        "连接被重置");

    internal static readonly LocalizedText ReasonProxyDns = new(
        "the proxy's host name could not be resolved (DNS)",
        "无法解析代理的主机名（DNS）");

    internal static readonly LocalizedText ReasonRefusedOrFailed = new(
        "the connection was refused or could not be made",
        "连接被拒绝或无法建立");

    internal static readonly LocalizedText ReasonClosed = new(
        "the connection was closed",
        "连接已关闭");

    internal static readonly LocalizedText StreamInterruptedAction = new(
        "The partial answer is in PartialContent. Ask again, or continue it with Partial Mode (-Prefix).",
        "已收到的部分回答保存在 PartialContent 中。请重新提问，或使用 Partial Mode（-Prefix）让模型续写。");

    internal static readonly LocalizedText BatchNotFinished = new(
        "Batch {0} is {1} ({2} completed, {3} failed of {4}); its results are not ready.",
        "batch {0} 的状态为 {1}（共 {4} 个，已完成 {2} 个，失败 {3} 个）；其结果尚未就绪。");

    internal static readonly LocalizedText BatchNotFinishedFix = new(
        "Wait for it first: Wait-KimiBatch -Id {0} | Receive-KimiBatch.",
        "请先等待它完成：Wait-KimiBatch -Id {0} | Receive-KimiBatch。");

    internal static readonly LocalizedText BatchRequestMissing = new(
        "Request '{0}' of batch {1} ({2}) is in neither the output file nor the error file: the batch returned no result for it.",
        "batch {1}（{2}）的请求“{0}”既不在输出文件中，也不在错误文件中：batch 没有返回它的结果。");

    internal static readonly LocalizedText BatchFailedValidationFix = new(
        "The batch failed validation: fix the requests the other errors name, then start a new batch.",
        "batch 未通过校验：请修正其他错误指出的请求，然后启动一个新的 batch。");

    internal static readonly LocalizedText BatchSendAgainFix = new(
        "Send this request again (Invoke-KimiChat, or a new batch of the missing requests).",
        "请重新发送该请求（Invoke-KimiChat，或用缺失的请求组成一个新的 batch）。");

    internal static readonly LocalizedText BatchRequestExpired = new(
        "Request '{0}' did not run before the batch's completion window ended{1}.",
        "请求“{0}”在 batch 的时间窗口结束前没有运行{1}。");

    internal static readonly LocalizedText BatchRequestExpiredFix = new(
        "Send it again, in a new batch with a longer -CompletionWindow or with Invoke-KimiChat.",
        "请重新发送：放入 -CompletionWindow 更长的新 batch，或使用 Invoke-KimiChat。");

    internal static readonly LocalizedText BatchRequestCancelled = new(
        "Request '{0}' did not run: the batch was cancelled{1}.",
        "请求“{0}”没有运行：batch 已被取消{1}。");

    internal static readonly LocalizedText BatchRequestCancelledFix = new(
        "Send it again if you still need its answer.",
        "如果仍需要它的回答，请重新发送。");

    internal static readonly LocalizedText BatchInvalidManifest = new(
        "'{0}' is not a usable KimiPS batch manifest: {1}.",
        "“{0}”不是可用的 KimiPS batch 清单：{1}。");

    internal static readonly LocalizedText BatchInvalidManifestFix = new(
        "Pass the file that Start-KimiBatch -Path wrote for this batch.",
        "请提供 Start-KimiBatch -Path 为此 batch 写出的文件。");

    internal static readonly LocalizedText BatchWaitTimedOut = new(
        "Batch {0} is still {1} after {2} s (-TimeoutSec); it goes on running.",
        "{2} 秒后 batch {0} 仍为 {1}（-TimeoutSec）；它会继续运行。");

    internal static readonly LocalizedText BatchWaitTimedOutFix = new(
        "Wait again later (Wait-KimiBatch -Id {0}), or cancel it with Stop-KimiBatch -Id {1}.",
        "请稍后再等待（Wait-KimiBatch -Id {0}），或用 Stop-KimiBatch -Id {1} 取消它。");
}
