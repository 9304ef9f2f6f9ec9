using static KimiPS.Core.Tests.Errors.TestData;

namespace KimiPS.Core.Tests.Errors;

public sealed class RetryDecisionTests
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Base = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(8);

    private static RetryDecision Decide(KimiException error, int attempt = 1, int maxRetries = 2) =>
        Backoff.Decide(error, attempt, maxRetries, MaxRetryDelay, Base, Cap, new Random(7));

    private static KimiApiException RateLimited(string? retryAfter = null) =>
        Response(429, Kimi("rate_limit_reached_error", "request reached organization max RPM"),
            headers: retryAfter is null ? null : Headers(("Retry-After", retryAfter)));

    [Fact]
    public void Quota_is_never_retried_even_if_marked_retryable()
    {
        var quota = Response(429, Kimi("exceeded_current_quota_error", "Your account is suspended"), headers: Headers(("Retry-After", "1")));
        Assert.False(Decide(quota).Retry);

        quota.IsRetryable = true;
        Assert.False(Decide(quota).Retry);
    }

    [Fact]
    public void Not_retryable_errors_stop()
    {
        var decision = Decide(Response(400, Kimi("invalid_request_error", "bad")));
        Assert.False(decision.Retry);
        Assert.Contains("KimiInvalidRequest", decision.Reason);
    }

    [Fact]
    public void A_server_wait_above_MaxRetryDelay_fails_fast_and_keeps_RetryAfter()
    {
        var error = RateLimited("600");
        var decision = Decide(error);

        Assert.False(decision.Retry);
        Assert.Contains("MaxRetryDelay", decision.Reason);
        Assert.Equal(TimeSpan.FromSeconds(600), error.RetryAfter);
    }

    [Fact]
    public void A_server_wait_is_honoured_exactly()
    {
        var decision = Decide(Response(429, Kimi("rate_limit_reached_error", "please try again after 3 seconds")));

        Assert.True(decision.Retry);
        Assert.Equal(TimeSpan.FromSeconds(3), decision.Delay);
    }

    [Fact]
    public void A_wait_equal_to_MaxRetryDelay_is_still_honoured()
    {
        var decision = Decide(RateLimited("120"));
        Assert.True(decision.Retry);
        Assert.Equal(MaxRetryDelay, decision.Delay);
    }

    [Fact]
    public void Without_a_server_wait_our_backoff_is_used()
    {
        var decision = Decide(Response(503, ""), attempt: 2);

        Assert.True(decision.Retry);
        Assert.InRange(decision.Delay, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Attempts_are_exhausted_after_MaxRetries()
    {
        var error = Response(500, Kimi("server_error", "x"));
        Assert.True(Decide(error, attempt: 1, maxRetries: 2).Retry);
        Assert.True(Decide(error, attempt: 2, maxRetries: 2).Retry);
        var last = Decide(error, attempt: 3, maxRetries: 2);
        Assert.False(last.Retry);
        Assert.Contains("3 attempts", last.Reason);
    }

    [Fact]
    public void MaxRetries_zero_never_retries()
    {
        Assert.False(Decide(Response(503, ""), attempt: 1, maxRetries: 0).Retry);
    }

    [Fact]
    public void Client_side_errors_follow_their_flags()
    {
        Assert.True(Decide(KimiPS.Core.Errors.RequestTimeout(TimeSpan.FromSeconds(600))).Retry);
        Assert.False(Decide(KimiPS.Core.Errors.StreamIdleTimeout(TimeSpan.FromSeconds(120))).Retry);
        Assert.True(Decide(KimiPS.Core.Errors.ConnectionFailed(new Uri("https://api.moonshot.cn/v1/"), new System.Net.Sockets.SocketException(10061))).Retry);
        Assert.False(Decide(KimiPS.Core.Errors.ProtocolError("bad chunk")).Retry);
    }
}
