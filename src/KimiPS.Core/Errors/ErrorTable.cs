namespace KimiPS.Core;

/// <summary>
/// The catalogue of DESIGN.md §3.4 in one place: category, retry default, summary and recommended
/// action per error id. The actions render the seeds' "solution" columns (seed 000 "解决方案",
/// seed 001 "详细描述") in English, so a user reads the vendor's own advice, not ours.
/// </summary>
internal static class ErrorTable
{
    /// <summary>Keys bind to a platform; a mismatch looks exactly like a bad key (reference §1), so every 401 says so.</summary>
    internal const string KeyPlatformHint =
        "Keys are bound to a platform: keys from platform.moonshot.cn / kimi.com work only with api.moonshot.cn, " +
        "and keys from platform.moonshot.ai / kimi.ai work only with api.moonshot.ai.";

    internal const string ListModelsHint = "Run Get-KimiModel to list the models your account can use.";

    public static readonly IReadOnlyDictionary<string, CatalogEntry> Entries = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal)
    {
        [KimiErrorIds.ContentFiltered] = new(KimiErrorCategories.InvalidData, false,
            "The request was rejected by the content filter",
            "Rephrase the input to avoid sensitive content; the model's own output can also trigger the filter, so check the system prompt too."),
        [KimiErrorIds.InvalidRequest] = new(KimiErrorCategories.InvalidArgument, false,
            "The server rejected the request as invalid",
            "The request is malformed or misses a required parameter: correct the parameter the message names, then try again."),
        [KimiErrorIds.ContextLengthExceeded] = new(KimiErrorCategories.LimitsExceeded, false,
            "The request does not fit the model's context window",
            "The prompt tokens plus MaxTokens must stay within the model's context length: shorten the prompt or the history, lower -MaxTokens, or choose a model with a longer context."),
        [KimiErrorIds.FileTooLarge] = new(KimiErrorCategories.LimitsExceeded, false,
            "The file is too large",
            "Files are limited to 100 MB: compress the file or split it into parts, then upload again."),
        [KimiErrorIds.FileEmpty] = new(KimiErrorCategories.InvalidData, false,
            "The file is empty",
            "The uploaded file has zero bytes: check the file, then upload it again."),
        [KimiErrorIds.FileCountExceeded] = new(KimiErrorCategories.QuotaExceeded, false,
            "Too many files are stored",
            "The account holds the maximum number of files: delete earlier files you no longer need (Get-KimiFile | Remove-KimiFile), then upload again."),
        [KimiErrorIds.AuthenticationFailed] = new(KimiErrorCategories.AuthenticationError, false,
            "Authentication failed",
            "Check that the API key is correct, has not been deleted or revoked, and belongs to the platform of the BaseUri (China: api.moonshot.cn, Global: api.moonshot.ai); then run Connect-Kimi again."),
        [KimiErrorIds.PermissionDenied] = new(KimiErrorCategories.PermissionDenied, false,
            "Permission denied",
            "The API is not open to this account (a beta feature, another user's data, or an organization IP allow-list): confirm it has been enabled for your account."),
        [KimiErrorIds.QuotaExceeded] = new(KimiErrorCategories.QuotaExceeded, false,
            "The account's balance or quota is exhausted",
            "The balance or token quota is used up, or the account is suspended: top up or check your plan and billing details (Get-KimiBalance). Retrying does not help."),
        [KimiErrorIds.NotFound] = new(KimiErrorCategories.ObjectNotFound, false,
            "Not found",
            "Check the id; the object may have been deleted. If every call fails this way, check that BaseUri points to the API root (for example https://api.moonshot.cn/v1/)."),
        [KimiErrorIds.ModelNotFound] = new(KimiErrorCategories.ObjectNotFound, false,
            "The model was not found, or the account may not use it",
            "Check the model name (it is case-sensitive: kimi-k2.6, not kimi-k2), that the model has not been retired ("
            + RetiredModels.CurrentModels + "), and that the BaseUri is right. " + ListModelsHint),
        [KimiErrorIds.RateLimitReached] = new(KimiErrorCategories.LimitsExceeded, true,
            "The account's rate limit was reached",
            "Wait for the time the server names, lower the concurrency (-ThrottleLimit) or the request rate, or raise the account tier by topping up. If your traffic is low, check the key: each account has its own limits."),
        [KimiErrorIds.EngineOverloaded] = new(KimiErrorCategories.ResourceBusy, true,
            "The Kimi engine is overloaded",
            "Too many concurrent requests are being served and the node is throttling: try again later (the client retries with backoff)."),
        [KimiErrorIds.ServerError] = new(KimiErrorCategories.ResourceUnavailable, true,
            "The server failed",
            "A temporary server-side failure (for example a file that could not be extracted): try again later. If it persists, contact Kimi support and quote the request id."),
        [KimiErrorIds.Timeout] = new(KimiErrorCategories.OperationTimeout, true,
            "The request timed out",
            "Try again; for long answers use -Stream, or raise the time limit (Connect-Kimi -TimeoutSec)."),
        [KimiErrorIds.ConnectionFailed] = new(KimiErrorCategories.ConnectionError, true,
            "Could not connect",
            "Check the network, DNS and firewall, and the proxy settings: the HTTPS_PROXY / NO_PROXY environment variables, or Connect-Kimi -Proxy."),
        [KimiErrorIds.ProtocolError] = new(KimiErrorCategories.ProtocolError, false,
            "The server's answer could not be understood",
            "Check that BaseUri points to a Kimi-compatible API (https://api.moonshot.cn/v1/ or https://api.moonshot.ai/v1/). If it does, report the problem with the request id."),
    };

    public static CatalogEntry Get(string errorId) => Entries[errorId];
}
