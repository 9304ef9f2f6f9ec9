using System.Diagnostics;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.ChatRun;

/// <summary>Invoke-KimiChat's retries as a user sees them: the back-off warning, -Debug, and -TimeoutSec as a total.</summary>
public sealed class ChatRetryTests
{
    private static EmulatorResponse RateLimited(int retryAfterSeconds) => Faults.RateLimited(retryAfterSeconds);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_back_off_warning_is_written_before_the_wait_it_announces(bool stream)
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(RateLimited(retryAfterSeconds: 3));

        using var run = new LiveRun(hosted, $"Invoke-KimiChat 'hello' -Stream:${stream.ToString().ToLowerInvariant()}");
        Assert.Null(run.End());

        var warning = Assert.Single(run.Warnings, w => w.Message.Contains("retrying POST"));
        Assert.Contains("KimiRateLimitReached", warning.Message);
        Assert.Contains("3 s", warning.Message);
        // Seen while the first (rejected) request was the only one: the retry had not been sent, so the wait was still ahead.
        Assert.Equal(1, warning.ChatRequests);
        Assert.False(warning.Completed);
        Assert.Equal(2, hosted.Emulator.Counters.ChatRequests);
        var text = stream
            ? string.Concat(run.Output.Select(o => o.Prop("Content")))
            : Assert.Single(run.Output).Prop("Content");
        Assert.Equal("Echo: hello", text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Debug_on_a_retried_call_without_an_interactive_host_answers_and_writes_debug_lines(bool stream)
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(RateLimited(retryAfterSeconds: 1));

        var run = hosted.Run($"Invoke-KimiChat 'hello' -Debug -Stream:${stream.ToString().ToLowerInvariant()}");

        Assert.Null(run.Terminating);
        Assert.Empty(run.Errors);
        Assert.NotEmpty(run.Output);
        Assert.Contains(run.Debug, d => d.StartsWith("HTTP 429 from POST /v1/chat/completions", StringComparison.Ordinal));
        Assert.Contains(run.Debug, d => d.StartsWith("HTTP 200 from POST /v1/chat/completions", StringComparison.Ordinal) && d.Contains("(attempt 2)"));
        Assert.Single(run.Warnings, w => w.Contains("KimiRateLimitReached") && w.Contains("retrying POST"));
        Assert.DoesNotContain(run.Debug.Concat(run.Warnings), m => m.Contains(KimiEmulator.ApiKey));
        Assert.Equal(2, hosted.Emulator.Counters.ChatRequests);
    }

    [Fact]
    public void TimeoutSec_is_the_total_for_every_attempt_not_a_limit_per_attempt()
    {
        using var hosted = HostedKimi.Start();
        hosted.Connect(extra: "-TimeoutSec 2 -MaxRetries 2");
        hosted.Emulator.Enqueue(Faults.With(EmulatorResponse.Json(200, "{}"), r => { r.Times = 3; r.Delay = TimeSpan.FromSeconds(5); }));

        var clock = Stopwatch.StartNew();
        var run = hosted.Run("Invoke-KimiChat 'slow'");
        clock.Stop();

        var error = Assert.Single(run.Errors);
        Assert.Equal("KimiTimeout,KimiPS.Commands.InvokeKimiChatCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Equal("slow", error.TargetObject);
        // The first attempt used the whole budget: nothing is left for a second one (per attempt, it made 3 and took 6 s).
        Assert.Equal(1, hosted.Emulator.Counters.ChatRequests);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_server_wait_longer_than_what_is_left_of_TimeoutSec_fails_at_once_with_the_servers_error()
    {
        using var hosted = HostedKimi.Start();
        hosted.Connect(extra: "-TimeoutSec 2");
        hosted.Emulator.Enqueue(RateLimited(retryAfterSeconds: 10));

        var clock = Stopwatch.StartNew();
        var run = hosted.Run("Invoke-KimiChat 'busy'");
        clock.Stop();

        var error = Assert.Single(run.Errors);
        Assert.Equal("KimiRateLimitReached,KimiPS.Commands.InvokeKimiChatCommand", error.FullyQualifiedErrorId);
        Assert.Equal(1, hosted.Emulator.Counters.ChatRequests);
        Assert.DoesNotContain(run.Warnings, w => w.Contains("retrying"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void TimeoutSec_bounds_a_streams_wait_for_its_first_bytes_across_retries()
    {
        using var hosted = HostedKimi.Start();
        hosted.Connect(extra: "-TimeoutSec 2 -MaxRetries 2");
        hosted.Emulator.Enqueue(Faults.With(EmulatorResponse.Json(200, "{}"), r => { r.Times = 3; r.Delay = TimeSpan.FromSeconds(5); }));

        var run = hosted.Run("Invoke-KimiChat 'slow' -Stream");

        Assert.Equal("KimiTimeout,KimiPS.Commands.InvokeKimiChatCommand", Assert.Single(run.Errors).FullyQualifiedErrorId);
        Assert.Equal(1, hosted.Emulator.Counters.ChatRequests);
    }
}
