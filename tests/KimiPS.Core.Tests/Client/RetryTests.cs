using KimiPS.Core;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.Client;

public sealed class RetryTests : EmulatorTest
{
    [Fact]
    public void Rate_limit_is_retried_after_the_servers_wait_with_a_warning()
    {
        using var client = Client();
        Emulator.Enqueue(EmulatorResponse.KimiError(429, "rate_limit_reached_error",
            "Your account org-1<ak-1> request reached organization max RPM: 3, please try again after 1 seconds", ("retry-after-ms", "20")));
        Assert.Equal("Echo: again", client.Chat(Ask("again")).Content);
        Assert.Equal(2, ChatRequests);
        Assert.Contains(Warnings, w => w.Contains(KimiErrorIds.RateLimitReached));
    }

    [Fact]
    public void A_wait_above_MaxRetryDelay_fails_fast_with_RetryAfter()
    {
        using var client = Client(o => o.MaxRetryDelay = TimeSpan.FromSeconds(5));
        Emulator.Enqueue(EmulatorResponse.KimiError(429, "rate_limit_reached_error",
            "Your account org-1<ak-1> request reached organization max RPM: 3, please try again after 30 seconds"));
        var ex = Assert.Throws<KimiApiException>(() => client.Chat(Ask("wait")));
        Assert.Equal(KimiErrorIds.RateLimitReached, ex.ErrorId);
        Assert.Equal(TimeSpan.FromSeconds(30), ex.RetryAfter);
        Assert.Equal(1, ChatRequests);
    }

    [Fact]
    public void A_wait_above_MaxRetryDelay_says_in_its_message_how_long_the_server_asked_to_wait()
    {
        // Field note D27: the message said only "overloaded (HTTP 429 …): busy"; the 30 s were in RetryAfter alone.
        using var client = Client(o => o.MaxRetryDelay = TimeSpan.FromSeconds(5));
        Emulator.Enqueue(EmulatorResponse.KimiError(429, "engine_overloaded_error", "busy", ("retry-after", "30")));
        var ex = Assert.Throws<KimiApiException>(() => client.Chat(Ask("wait")));
        Assert.Equal(KimiErrorIds.EngineOverloaded, ex.ErrorId);
        Assert.EndsWith("Not retried: the server asked to wait 30 s, longer than the 5 s KimiPS waits for a retry.", ex.Message);
    }

    [Fact]
    public void A_failure_that_was_retried_keeps_its_message_as_it_was()
    {
        using var client = Client(o => o.MaxRetries = 1);
        var failure = EmulatorResponse.KimiError(500, "server_error", "boom");
        failure.Times = 2;
        Emulator.Enqueue(failure);
        var ex = Assert.Throws<KimiApiException>(() => client.Chat(Ask("fail")));
        Assert.DoesNotContain("Not retried", ex.Message);
    }

    [Fact]
    public void Quota_errors_are_never_retried()
    {
        using var client = Client();
        Emulator.Enqueue(EmulatorResponse.KimiError(429, "exceeded_current_quota_error",
            "Your account is suspended due to insufficient balance, please recharge your account or check your plan and billing details"));
        var ex = Assert.Throws<KimiApiException>(() => client.Chat(Ask("broke")));
        Assert.Equal(KimiErrorIds.QuotaExceeded, ex.ErrorId);
        Assert.Equal(1, ChatRequests);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public void Server_errors_are_retried_then_reported_with_the_attempt_count()
    {
        using var client = Client();
        var failure = EmulatorResponse.KimiError(500, "server_error", "boom");
        failure.Times = 3;
        Emulator.Enqueue(failure);
        var ex = Assert.Throws<KimiApiException>(() => client.Chat(Ask("fail")));
        Assert.Equal(KimiErrorIds.ServerError, ex.ErrorId);
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(3, ChatRequests);
        Assert.StartsWith("emu-", ex.RequestId);
    }

    [Fact]
    public void MaxRetries_zero_means_one_attempt()
    {
        using var client = Client(o => o.MaxRetries = 0);
        Emulator.Enqueue(EmulatorResponse.KimiError(503, "server_unavailable", "maintenance"));
        Assert.Throws<KimiApiException>(() => client.Chat(Ask("once")));
        Assert.Equal(1, ChatRequests);
    }

    [Fact]
    public void A_504_html_page_is_a_server_error()
    {
        using var client = Client(o => o.MaxRetries = 0);
        Emulator.Enqueue(EmulatorResponse.Html(504, "<html><body><h1>504 Gateway Time-out</h1></body></html>"));
        var ex = Assert.Throws<KimiApiException>(() => client.Chat(Ask("slow")));
        Assert.Equal(KimiErrorIds.ServerError, ex.ErrorId);
        Assert.DoesNotContain("<html>", ex.Message);
    }

    [Fact]
    public void Wrong_key_is_an_authentication_error_without_the_key_and_is_not_retried()
    {
        using var client = Client(o => o.ApiKey = "sk-wrong-key-that-must-not-leak-0001");
        var ex = Assert.Throws<KimiApiException>(() => client.Chat(Ask("who")));
        Assert.Equal(KimiErrorIds.AuthenticationFailed, ex.ErrorId);
        Assert.Equal(1, Emulator.Counters.Requests);
        Assert.DoesNotContain("sk-wrong-key-that-must-not-leak-0001", ex.ToString());
        Assert.Contains("moonshot.ai", ex.Message);
    }

    [Fact]
    public void No_key_is_KimiNotConnected_before_sending()
    {
        using var client = Client(o => o.ApiKey = null);
        Assert.Equal(KimiErrorIds.NotConnected, Assert.Throws<KimiException>(() => client.Chat(Ask("anyone"))).ErrorId);
        Assert.Equal(0, Emulator.Counters.Requests);
    }

    [Fact]
    public void Gateway_errors_keep_the_trace_id()
    {
        using var client = Client(o => o.MaxRetries = 0);
        Emulator.Enqueue(EmulatorResponse.GatewayError(403, "used_up", "balance used up", successFalse: true));
        var ex = Assert.Throws<KimiApiException>(() => client.Chat(Ask("gateway")));
        Assert.Equal(KimiErrorIds.QuotaExceeded, ex.ErrorId);
        Assert.Equal("used_up", ex.ErrorCode);
        Assert.NotNull(ex.RequestId);
    }

    [Fact]
    public void A_slow_server_times_out_when_the_total_budget_is_spent_and_is_not_retried()
    {
        using var client = Client(o => { o.RequestTimeout = TimeSpan.FromSeconds(1); o.MaxRetries = 2; });
        client.Chat(Ask("warm up")); // connect and JIT first: the timeout must not expire before a request arrives
        var slow = EmulatorResponse.Chat(new ChatScript { Content = "late" });
        slow.Delay = TimeSpan.FromSeconds(5);
        slow.Times = 3;
        Emulator.Enqueue(slow);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ex = Assert.Throws<KimiException>(() => client.Chat(Ask("slow")));
        Assert.Equal(KimiErrorIds.Timeout, ex.ErrorId);
        Assert.Equal(KimiErrorCategories.OperationTimeout, ex.Category);
        Assert.Contains("in total", ex.Message);
        // RequestTimeout is the total of every attempt: the first one used all of it, so no retry was made.
        Assert.DoesNotContain(Warnings, w => w.Contains(KimiErrorIds.Timeout));
        Assert.Equal(2, ChatRequests);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_retry_whose_wait_would_pass_the_total_budget_is_not_made()
    {
        using var client = Client(o => { o.RequestTimeout = TimeSpan.FromSeconds(2); o.MaxRetries = 2; });
        Emulator.Enqueue(EmulatorResponse.KimiError(429, "rate_limit_reached_error", "slow down", ("Retry-After", "10")));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ex = Assert.Throws<KimiApiException>(() => client.Chat(Ask("busy")));
        Assert.Equal(KimiErrorIds.RateLimitReached, ex.ErrorId);
        Assert.Equal(TimeSpan.FromSeconds(10), ex.RetryAfter);
        Assert.Equal(1, ChatRequests);
        Assert.Empty(Warnings);
        Assert.Contains(Diagnostics, d => d.Level == KimiDiagnosticLevel.Debug && d.Message.Contains("would pass RequestTimeout"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Retries_within_the_total_budget_still_happen()
    {
        using var client = Client(o => { o.RequestTimeout = TimeSpan.FromSeconds(30); o.MaxRetries = 2; });
        var failure = EmulatorResponse.KimiError(500, "server_error", "oops");
        failure.Times = 2;
        Emulator.Enqueue(failure);
        Assert.Equal("Echo: again", client.Chat(Ask("again")).Content);
        Assert.Equal(3, ChatRequests);
    }

    [Fact]
    public void Refused_connections_are_KimiConnectionFailed()
    {
        var port = Emulator.BaseUri.Port;
        Emulator.Dispose(); // nothing listens on the port any more
        using var client = Client(o => { o.BaseUri = new Uri($"http://127.0.0.1:{port}/v1/"); o.MaxRetries = 1; });
        var ex = Assert.Throws<KimiException>(() => client.Chat(Ask("anyone there")));
        Assert.Equal(KimiErrorIds.ConnectionFailed, ex.ErrorId);
        Assert.Equal(KimiErrorCategories.ConnectionError, ex.Category);
        Assert.Contains(Warnings, w => w.Contains(KimiErrorIds.ConnectionFailed));
        AssertNoKey(ex);
    }

    [Fact]
    public void Cancelling_during_backoff_is_OperationCanceled_not_an_api_error()
    {
        using var client = Client(o => { o.RetryBaseDelay = TimeSpan.FromSeconds(30); o.MaxBackoff = TimeSpan.FromSeconds(30); });
        using var cts = new CancellationTokenSource();
        client.Diagnostic += (_, e) => { if (e.Level == KimiDiagnosticLevel.Warning) cts.Cancel(); }; // the back-off has begun
        Emulator.Enqueue(EmulatorResponse.KimiError(500, "server_error", "boom"));
        Assert.ThrowsAny<OperationCanceledException>(() => client.Chat(Ask("cancel"), cts.Token));
        Assert.Equal(1, ChatRequests);
    }
}
