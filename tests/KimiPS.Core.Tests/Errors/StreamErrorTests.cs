using static KimiPS.Core.Tests.Errors.TestData;

namespace KimiPS.Core.Tests.Errors;

/// <summary>An {"error":{...}} event inside an SSE stream (ErrorCatalog.FromStreamError).</summary>
public sealed class StreamErrorTests
{
    [Theory]
    [InlineData("""{"error":{"type":"rate_limit_reached_error","message":"please try again after 2 seconds"}}""", "KimiRateLimitReached", true)]
    [InlineData("""{"error":{"type":"engine_overloaded_error","message":"The engine is currently overloaded"}}""", "KimiEngineOverloaded", true)]
    [InlineData("""{"error":{"type":"exceeded_current_quota_error","message":"Your account is suspended"}}""", "KimiQuotaExceeded", false)]
    [InlineData("""{"error":{"type":"content_filter","message":"The request was rejected because it was considered high risk"}}""", "KimiContentFiltered", false)]
    [InlineData("""{"error":{"type":"invalid_request_error","message":"Your request exceeded model token limit : 8192"}}""", "KimiContextLengthExceeded", false)]
    [InlineData("""{"error":{"type":"server_error","message":"oops"}}""", "KimiServerError", true)]
    [InlineData("""{"error":{"code":"api_error","message":"fetch failed"},"trace_id":"t"}""", "KimiServerError", true)]
    [InlineData("""{"error":{"type":"brand_new_type","message":"?"}}""", "KimiServerError", true)]
    [InlineData("""{"error":"boom"}""", "KimiServerError", true)]
    [InlineData("""{"error":""", "KimiServerError", true)]
    public void Maps_by_type_with_status_200(string json, string errorId, bool retryable)
    {
        var ex = ErrorCatalog.FromStreamError(Utf8(json), "req-9", ApiKey);

        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(retryable, ex.IsRetryable);
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("req-9", ex.RequestId);
        Assert.Contains("in the stream", ex.Message);
    }

    [Fact]
    public void Retry_hint_and_trace_id_come_from_the_event()
    {
        var ex = ErrorCatalog.FromStreamError(
            Utf8("""{"error":{"type":"rate_limit_reached_error","message":"please try again after 4 seconds"},"trace_id":"tr-1"}"""),
            null, ApiKey);

        Assert.Equal(TimeSpan.FromSeconds(4), ex.RetryAfter);
        Assert.Equal("tr-1", ex.RequestId);
    }

    [Fact]
    public void The_key_never_appears()
    {
        var ex = ErrorCatalog.FromStreamError(Utf8($$$"""{"error":{"type":"server_error","message":"bad key {{{ApiKey}}}"}}"""), null, ApiKey);

        Assert.DoesNotContain(ApiKey, ex.ToString());
    }
}
