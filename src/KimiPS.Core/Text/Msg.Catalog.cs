namespace KimiPS.Core;

// The error catalogue (ErrorTable): per error id, the summary ("what happened", no final full stop) and the
// recommended action. The Chinese actions follow the seeds' own columns (seed 000 解决方案, seed 001 详细描述),
// the vendor's words; the English ones render the same columns.
internal static partial class Msg
{
    internal static readonly LocalizedText KeyPlatformHint = new(
        "Keys are bound to a platform: keys from platform.moonshot.cn / kimi.com work only with api.moonshot.cn, and keys from platform.moonshot.ai / kimi.ai work only with api.moonshot.ai.",
        "API Key 与平台绑定：platform.moonshot.cn / kimi.com 的 Key 只能用于 api.moonshot.cn，platform.moonshot.ai / kimi.ai 的 Key 只能用于 api.moonshot.ai。");

    internal static readonly LocalizedText ListModelsHint = new(
        "Run Get-KimiModel to list the models your account can use.",
        "运行 Get-KimiModel 可列出你的账户可用的模型。");

    internal static readonly LocalizedText CurrentModels = new(
        "current models include kimi-k2.6, kimi-k3 and kimi-k2.7-code",
        "当前可用的模型包括 kimi-k2.6、kimi-k3 和 kimi-k2.7-code");

    internal static readonly LocalizedText ContentFilteredSummary = new(
        "The request was rejected by the content filter",
        "请求被内容过滤拒绝");

    internal static readonly LocalizedText ContentFilteredAction = new(
        "Rephrase the input to avoid sensitive content; the model's own output can also trigger the filter, so check the system prompt too.",
        "请修改敏感内容，避免违规表述；模型的输出也可能触发内容过滤，因此也请检查 system prompt 是否有敏感表述。");

    internal static readonly LocalizedText InvalidRequestSummary = new(
        "The server rejected the request as invalid",
        "请求无效，被服务器拒绝");

    internal static readonly LocalizedText InvalidRequestAction = new(
        "The request is malformed or misses a required parameter: correct the parameter the message names, then try again.",
        "请求格式错误或缺少必要参数：请按消息中指出的参数修改后重试。");

    internal static readonly LocalizedText ContextLengthExceededSummary = new(
        "The request does not fit the model's context window",
        "请求超出了模型的上下文长度");

    internal static readonly LocalizedText ContextLengthExceededAction = new(
        "The prompt tokens plus MaxTokens must stay within the model's context length: shorten the prompt or the history, lower -MaxTokens, or choose a model with a longer context.",
        "请求的 tokens 数与 MaxTokens 之和不能超过模型的上下文长度：请缩短 prompt 或对话历史、调小 -MaxTokens，或选择上下文长度更长的模型。");

    internal static readonly LocalizedText FileTooLargeSummary = new(
        "The file is too large",
        "文件过大");

    internal static readonly LocalizedText FileTooLargeAction = new(
        "Files are limited to 100 MB: compress the file or split it into parts, then upload again.",
        "单个文件最大 100 MB：请压缩文件或分段后重新上传。");

    internal static readonly LocalizedText FileEmptySummary = new(
        "The file is empty",
        "文件为空");

    internal static readonly LocalizedText FileEmptyAction = new(
        "The uploaded file has zero bytes: check the file, then upload it again.",
        "上传的文件大小为 0：请确认文件后重新上传。");

    internal static readonly LocalizedText FileCountExceededSummary = new(
        "Too many files are stored",
        "文件数量超过上限");

    internal static readonly LocalizedText FileCountExceededAction = new(
        "The account holds the maximum number of files: delete earlier files you no longer need (Get-KimiFile | Remove-KimiFile), then upload again.",
        "上传的文件总数已达上限：请删除不再使用的早期文件（Get-KimiFile | Remove-KimiFile）后重新上传。");

    internal static readonly LocalizedText AuthenticationFailedSummary = new(
        "Authentication failed",
        "鉴权失败");

    internal static readonly LocalizedText AuthenticationFailedAction = new(
        "Check that the API key is correct, has not been deleted or revoked, and belongs to the platform of the BaseUri (China: api.moonshot.cn, Global: api.moonshot.ai); then run Connect-Kimi again.",
        "请检查 API Key 是否正确、是否已被删除或吊销，以及是否属于 BaseUri 对应的平台（China：api.moonshot.cn，Global：api.moonshot.ai），然后重新运行 Connect-Kimi。");

    internal static readonly LocalizedText PermissionDeniedSummary = new(
        "Permission denied",
        "权限不足");

    internal static readonly LocalizedText PermissionDeniedAction = new(
        "The API is not open to this account (a beta feature, another user's data, or an organization IP allow-list): confirm it has been enabled for your account.",
        "访问的 API 暂未对此账户开放（Beta 功能、其他用户的信息，或组织的 IP 白名单）：请确认该 API 已对你的账户开放。");

    internal static readonly LocalizedText QuotaExceededSummary = new(
        "The account's balance or quota is exhausted",
        "账户余额或额度不足");

    internal static readonly LocalizedText QuotaExceededAction = new(
        "The balance or token quota is used up, or the account is suspended: top up or check your plan and billing details (Get-KimiBalance). Retrying does not help.",
        "账户余额或 tokens 额度已用完，或账户已被暂停：请充值，或检查你的计划和账单详情（Get-KimiBalance）。重试无济于事。");

    internal static readonly LocalizedText NotFoundSummary = new(
        "Not found",
        "未找到");

    internal static readonly LocalizedText NotFoundAction = new(
        "Check the id; the object may have been deleted. If every call fails this way, check that BaseUri points to the API root (for example https://api.moonshot.cn/v1/).",
        "请检查 ID，该对象可能已被删除。如果每次调用都这样失败，请检查 BaseUri 是否指向 API 根路径（例如 https://api.moonshot.cn/v1/）。");

    internal static readonly LocalizedText ModelNotFoundSummary = new(
        "The model was not found, or the account may not use it",
        "未找到模型，或账户无权访问此模型");

    internal static readonly LocalizedText ModelNotFoundAction = new(
        "Check the model name (it is case-sensitive: kimi-k2.6, not kimi-k2), that the model has not been retired (current models include kimi-k2.6, kimi-k3 and kimi-k2.7-code), and that the BaseUri is right. Run Get-KimiModel to list the models your account can use.",
        "请检查模型名拼写（区分大小写，如 kimi-k2.6 不是 kimi-k2）、确认模型未下线（当前可用的模型包括 kimi-k2.6、kimi-k3 和 kimi-k2.7-code），并确认 BaseUri 正确。运行 Get-KimiModel 可列出你的账户可用的模型。");

    internal static readonly LocalizedText RateLimitReachedSummary = new(
        "The account's rate limit was reached",
        "请求达到了账户的速率限制");

    internal static readonly LocalizedText RateLimitReachedAction = new(
        "Wait for the time the server names, lower the concurrency (-ThrottleLimit) or the request rate, or raise the account tier by topping up. If your traffic is low, check the key: each account has its own limits.",
        "请等待服务器指定的时间后重试，降低并发（-ThrottleLimit）或请求频率，或通过充值升级账户等级。如果你确信请求量不高，请检查是否用了错误的 API Key：不同账户的限额相互独立。");

    internal static readonly LocalizedText EngineOverloadedSummary = new(
        "The Kimi engine is overloaded",
        "Kimi 引擎当前过载");

    internal static readonly LocalizedText EngineOverloadedAction = new(
        "Too many concurrent requests are being served and the node is throttling: try again later (the client retries with backoff).",
        "当前并发请求过多，节点限流中：请稍后重试（客户端会按指数退避自动重试）。");

    internal static readonly LocalizedText ServerErrorSummary = new(
        "The server failed",
        "服务端内部错误");

    internal static readonly LocalizedText ServerErrorAction = new(
        "A temporary server-side failure (for example a file that could not be extracted): try again later. If it persists, contact Kimi support and quote the request id.",
        "服务端临时故障（例如文件提取失败）：请稍后重试。如果持续出现，请联系 Kimi 客服并提供请求 ID。");

    internal static readonly LocalizedText GatewayTimeoutHint = new(
        "A gateway ends a call that sends nothing for too long; for long answers use -Stream.",
        "网关会结束长时间没有数据返回的调用；回答较长时请使用 -Stream。");

    internal static readonly LocalizedText TimeoutSummary = new(
        "The request timed out",
        "请求超时");

    internal static readonly LocalizedText TimeoutAction = new(
        "Try again; for long answers use -Stream, or raise the time limit (Connect-Kimi -TimeoutSec).",
        "请重试；回答较长时请使用 -Stream，或调大超时时间（Connect-Kimi -TimeoutSec）。");

    internal static readonly LocalizedText ConnectionFailedSummary = new(
        "Could not connect",
        "无法连接");

    internal static readonly LocalizedText ConnectionFailedAction = new(
        "Check the network, DNS and firewall, and the proxy settings: the HTTPS_PROXY / NO_PROXY environment variables, or Connect-Kimi -Proxy.",
        "请检查网络、DNS、防火墙以及代理设置：环境变量 HTTPS_PROXY / NO_PROXY，或 Connect-Kimi -Proxy。");

    internal static readonly LocalizedText ProtocolErrorSummary = new(
        "The server's answer could not be understood",
        "无法解析服务器的响应");

    internal static readonly LocalizedText ProtocolErrorAction = new(
        "Check that BaseUri points to a Kimi-compatible API (https://api.moonshot.cn/v1/ or https://api.moonshot.ai/v1/). If it does, report the problem with the request id.",
        "请检查 BaseUri 是否指向兼容 Kimi 的 API（https://api.moonshot.cn/v1/ 或 https://api.moonshot.ai/v1/）。如果地址无误，请附上请求 ID 反馈该问题。");

    internal static readonly LocalizedText RequestIdSentence = new(
        "Request id: {0}.",
        "请求 ID：{0}。");

    internal static readonly LocalizedText BodyEmpty = new(
        "the response had no body",
        "响应没有正文");

    internal static readonly LocalizedText BodyHtml = new(
        "the server or a proxy in front of it answered with an HTML page instead of JSON",
        "服务器或其前面的代理返回了 HTML 页面，而不是 JSON");

    internal static readonly LocalizedText BodyHtmlSaid = new(
        "the server or a proxy in front of it answered with an HTML page (\"{0}\") instead of JSON",
        "服务器或其前面的代理返回了 HTML 页面（“{0}”），而不是 JSON");

    internal static readonly LocalizedText BodyUnreadable = new(
        "the error body was not valid JSON",
        "错误响应的正文不是有效的 JSON");

    internal static readonly LocalizedText StreamErrorEvent = new(
        "error event in the stream",
        "流式输出中的错误事件");

    internal static readonly LocalizedText ErrorContext = new(
        "{0} ({1})",
        "{0}（{1}）");

    internal static readonly LocalizedText ErrorServerSaid = new(
        ": {0}",
        "：{0}");

    internal static readonly LocalizedText FullStop = new(
        ".",
        "。");
}
