using static KimiPS.Core.Tests.Errors.TestData;

namespace KimiPS.Core.Tests.Errors;

/// <summary>Every row of the DESIGN.md §3.4 table: (status, body, call) → ErrorId, Category, IsRetryable.</summary>
public sealed class ErrorCatalogMappingTests
{
    public static TheoryData<int, string, string, string, string, bool> Rows() => new()
    {
        // Content filter: Kimi's two spellings and the gateway's 403 moderation verdict.
        { 400, Kimi("content_filter", "The request was rejected because it was considered high risk"), "Chat", "KimiContentFiltered", "InvalidData", false },
        { 400, Kimi("content_filter_error", "input or output hit the filter"), "Chat", "KimiContentFiltered", "InvalidData", false },
        { 403, Gateway("forbidden", "content is not allowed"), "Chat", "KimiContentFiltered", "InvalidData", false },

        // 400 invalid_request_error, told apart by text.
        { 400, Kimi("invalid_request_error", "Input token length too long"), "Chat", "KimiContextLengthExceeded", "LimitsExceeded", false },
        { 400, Kimi("invalid_request_error", "Your request exceeded model token limit : 131072"), "Chat", "KimiContextLengthExceeded", "LimitsExceeded", false },
        { 400, Kimi("invalid_request_error", "Invalid request: the token length of the prompt is too long"), "Chat", "KimiContextLengthExceeded", "LimitsExceeded", false },
        { 400, Kimi("invalid_request_error", "File size is too large, max file size is 100MB, please confirm and re-upload the file"), "Upload", "KimiFileTooLarge", "LimitsExceeded", false },
        { 400, Kimi("invalid_request_error", "File size is zero, please confirm and re-upload the file"), "Upload", "KimiFileEmpty", "InvalidData", false },
        { 400, Kimi("invalid_request_error", "The number of files you have uploaded exceeded the max file count 1000, please delete previous uploaded files"), "Upload", "KimiFileCountExceeded", "QuotaExceeded", false },
        { 400, Kimi("file_size_error", "file too big"), "Upload", "KimiFileTooLarge", "LimitsExceeded", false },
        { 400, Kimi("file_count_error", "too many"), "Upload", "KimiFileCountExceeded", "QuotaExceeded", false },
        { 400, Kimi("invalid_request_error", "Invalid request: messages must not be empty"), "Chat", "KimiInvalidRequest", "InvalidArgument", false },
        { 400, Kimi("invalid_request_error", "Invalid purpose: only 'file-extract' accepted"), "Upload", "KimiInvalidRequest", "InvalidArgument", false },
        { 400, Gateway("bad_request", "model is required"), "Chat", "KimiInvalidRequest", "InvalidArgument", false },
        { 400, "", "Chat", "KimiInvalidRequest", "InvalidArgument", false },

        // 401 and the gateway's token codes (no_token is a 400 at AceData).
        { 401, Kimi("invalid_authentication_error", "Invalid Authentication"), "Chat", "KimiAuthenticationFailed", "AuthenticationError", false },
        { 401, Kimi("incorrect_api_key_error", "Incorrect API key provided"), "Models", "KimiAuthenticationFailed", "AuthenticationError", false },
        { 401, Gateway("invalid_token", "token is invalid"), "Chat", "KimiAuthenticationFailed", "AuthenticationError", false },
        { 401, Gateway("token_expired", "token expired"), "Chat", "KimiAuthenticationFailed", "AuthenticationError", false },
        { 401, Gateway("token_mismatched", "token mismatched"), "Chat", "KimiAuthenticationFailed", "AuthenticationError", false },
        { 400, Gateway("no_token", "no token"), "Chat", "KimiAuthenticationFailed", "AuthenticationError", false },
        { 401, "", "Account", "KimiAuthenticationFailed", "AuthenticationError", false },

        // 403.
        { 403, Kimi("permission_denied_error", "The API you are accessing is not open"), "Account", "KimiPermissionDenied", "PermissionDenied", false },
        { 403, Gateway("used_up", "balance used up"), "Chat", "KimiQuotaExceeded", "QuotaExceeded", false },
        { 403, Gateway("disabled", "token disabled"), "Chat", "KimiQuotaExceeded", "QuotaExceeded", false },

        // 404: a model in chat, an object elsewhere; the gateway's no_api is a wrong path.
        { 404, Kimi("resource_not_found_error", "Not found the model kimi-k2 or Permission denied"), "Chat", "KimiModelNotFound", "ObjectNotFound", false },
        { 404, Kimi("resource_not_found_error", "file not found"), "Files", "KimiNotFound", "ObjectNotFound", false },
        { 404, Gateway("no_api", "api not found"), "Chat", "KimiNotFound", "ObjectNotFound", false },
        { 404, "<html><head><title>404 Not Found</title></head><body>nginx</body></html>", "Chat", "KimiNotFound", "ObjectNotFound", false },

        // 429: three meanings.
        { 429, Kimi("rate_limit_reached_error", "Your account org-1<ak-1> request reached organization max RPM: 3, please try again after 20 seconds"), "Chat", "KimiRateLimitReached", "LimitsExceeded", true },
        { 429, Gateway("too_many_requests", "too many requests"), "Chat", "KimiRateLimitReached", "LimitsExceeded", true },
        { 429, Kimi("engine_overloaded_error", "The engine is currently overloaded, please try again later"), "Chat", "KimiEngineOverloaded", "ResourceBusy", true },
        { 429, Kimi("exceeded_current_quota_error", "Your account is suspended due to insufficient balance, please recharge your account or check your plan and billing details"), "Chat", "KimiQuotaExceeded", "QuotaExceeded", false },
        { 429, Kimi("exceeded_current_quota_error", "You exceeded your current token quota: <org-1> 0, please check your account balance"), "Chat", "KimiQuotaExceeded", "QuotaExceeded", false },
        { 429, Kimi("some_new_error", "slow down"), "Chat", "KimiRateLimitReached", "LimitsExceeded", true },
        { 429, "", "Chat", "KimiRateLimitReached", "LimitsExceeded", true },

        // 5xx, gateway api_error / timeout, 408.
        { 500, Kimi("server_error", "Failed to extract file: broken pdf"), "Upload", "KimiServerError", "ResourceUnavailable", true },
        { 500, Kimi("unexpected_output", "invalid state transition"), "Chat", "KimiServerError", "ResourceUnavailable", true },
        { 502, "", "Chat", "KimiServerError", "ResourceUnavailable", true },
        { 503, Kimi("server_unavailable", "scaling"), "Chat", "KimiServerError", "ResourceUnavailable", true },
        { 504, "<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center></body></html>", "Chat", "KimiServerError", "ResourceUnavailable", true },
        { 599, "", "Other", "KimiServerError", "ResourceUnavailable", true },
        { 500, Gateway("api_error", "fetch failed"), "Chat", "KimiServerError", "ResourceUnavailable", true },
        { 504, Gateway("timeout", "upstream timed out"), "Chat", "KimiServerError", "ResourceUnavailable", true },
        { 408, "", "Chat", "KimiTimeout", "OperationTimeout", true },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Maps_status_and_body(int status, string body, string context, string errorId, string category, bool retryable)
    {
        var ex = Response(status, body, context);

        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(category, ex.Category);
        Assert.Equal(retryable, ex.IsRetryable);
        Assert.Equal(status, ex.StatusCode);
        Assert.Contains("HTTP " + status, ex.Message);
        Assert.False(string.IsNullOrWhiteSpace(ex.RecommendedAction));
    }

    [Fact]
    public void Category_follows_the_error_id_whatever_the_path()
    {
        // The same id must never come out with two categories: scripts filter on both.
        foreach (var row in Rows())
        {
            var ex = Response((int)row[0], (string)row[1], (string)row[2]);
            Assert.Equal(ErrorTable.Get(ex.ErrorId).Category, ex.Category);
        }
    }
}
