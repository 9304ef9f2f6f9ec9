using System.Management.Automation;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.ChatRun;

/// <summary>Invoke-KimiChat's ErrorRecords: id, category, target, recommended action; per item or terminating; nothing lost.</summary>
public sealed class ChatErrorTests
{
    private const string Fqid = ",KimiPS.Commands.InvokeKimiChatCommand";

    private static void AssertRecord(ErrorRecord error, string id, ErrorCategory category, object target)
    {
        Assert.Equal(id + Fqid, error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Equal(target, error.TargetObject);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails?.RecommendedAction), "no RecommendedAction");
        Assert.DoesNotContain(KimiEmulator.ApiKey, error.ToString());
    }

    /// <summary>Answers 500 (or the given error) for prompts containing "bad", normally otherwise.</summary>
    private static Func<RecordedRequest, EmulatorResponse?> FailWhen(string marker, Func<EmulatorResponse> failure) =>
        request => request.Path.EndsWith("/chat/completions", StringComparison.Ordinal) && request.BodyText.Contains(marker)
            ? failure()
            : null;

    [Fact]
    public void A_rate_limit_that_outlasts_the_retries_is_KimiRateLimitReached_for_that_prompt()
    {
        using var hosted = HostedKimi.Start();
        hosted.Connect(extra: "-MaxRetries 1");
        hosted.Emulator.Enqueue(Faults.RateLimited(retryAfterSeconds: 1, times: 2));

        var run = hosted.Run("Invoke-KimiChat 'busy'");

        var error = Assert.Single(run.Errors);
        AssertRecord(error, "KimiRateLimitReached", ErrorCategory.LimitsExceeded, "busy");
        Assert.Equal(TimeSpan.FromSeconds(1), error.Exception.GetType().GetProperty("RetryAfter")!.GetValue(error.Exception));
        Assert.Equal(2, hosted.Emulator.Counters.ChatRequests);
        Assert.Single(run.Warnings, w => w.Contains("retrying POST"));
    }

    [Fact]
    public void An_exhausted_quota_is_KimiQuotaExceeded_and_is_never_retried()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(Faults.With(EmulatorResponse.KimiError(429, "exceeded_current_quota_error",
            "Your account is suspended, please check your plan and billing details", ("Retry-After", "1")), r => r.Times = 3));

        var run = hosted.Run("Invoke-KimiChat 'pay'");

        AssertRecord(Assert.Single(run.Errors), "KimiQuotaExceeded", ErrorCategory.QuotaExceeded, "pay");
        Assert.Equal(1, hosted.Emulator.Counters.ChatRequests);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void Server_errors_are_retried_with_a_warning_each_then_KimiServerError()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(Faults.ServerError(times: 3));

        var run = hosted.Run("Invoke-KimiChat 'down'");

        AssertRecord(Assert.Single(run.Errors), "KimiServerError", ErrorCategory.ResourceUnavailable, "down");
        Assert.Equal(3, hosted.Emulator.Counters.ChatRequests);
        Assert.Equal(2, run.Warnings.Count(w => w.StartsWith("KimiServerError; backing off", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_cut_stream_keeps_its_chunks_and_is_KimiStreamInterrupted_with_the_partial_text()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(Faults.With(EmulatorResponse.Chat(new ChatScript { Content = new string('c', 200) }), r => r.CutAfterBytes = 900));

        var run = hosted.Run("Invoke-KimiChat 'cut' -Stream");

        var error = Assert.Single(run.Errors);
        AssertRecord(error, "KimiStreamInterrupted", ErrorCategory.ConnectionError, "cut");
        var shown = string.Concat(run.Output.Select(o => o.Prop("Content")));
        Assert.NotEmpty(shown);
        Assert.All(run.Output, o => Assert.Equal("KimiPS.Core.ChatChunk", o.TypeName()));
        Assert.Equal(shown, error.Exception.GetType().GetProperty("PartialContent")!.GetValue(error.Exception));
        Assert.Equal(1, hosted.Emulator.Counters.ChatRequests); // a stream is never replayed
    }

    [Fact]
    public void A_request_over_TimeoutSec_is_KimiTimeout()
    {
        using var hosted = HostedKimi.Start();
        hosted.Connect(extra: "-TimeoutSec 1 -MaxRetries 0");
        hosted.Emulator.Enqueue(Faults.With(EmulatorResponse.Json(200, "{}"), r => r.Delay = TimeSpan.FromSeconds(5)));

        var run = hosted.Run("Invoke-KimiChat 'late'");

        AssertRecord(Assert.Single(run.Errors), "KimiTimeout", ErrorCategory.OperationTimeout, "late");
    }

    [Fact]
    public void A_rejected_key_ends_the_pipeline_with_a_terminating_error()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.AcceptedKeys = new HashSet<string> { "sk-another-key-entirely-000000" };

        var run = hosted.Run("try { 'a', 'b', 'c' | Invoke-KimiChat; 'after' } catch { $_ }");

        var error = Assert.IsType<ErrorRecord>(Assert.Single(run.Output).BaseObject);
        AssertRecord(error, "KimiAuthenticationFailed", ErrorCategory.AuthenticationError, "a");
        Assert.Equal(1, hosted.Emulator.Counters.ChatRequests); // nothing more was tried
    }

    [Fact]
    public void Not_connected_is_a_terminating_KimiNotConnected_and_nothing_is_sent()
    {
        using var hosted = HostedKimi.Start();
        hosted.Run("Disconnect-Kimi").ThrowOnError();

        var run = hosted.Run("try { 'a', 'b' | Invoke-KimiChat; 'after' } catch { $_ }");

        var error = Assert.IsType<ErrorRecord>(Assert.Single(run.Output).BaseObject);
        Assert.Equal("KimiNotConnected" + Fqid, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Equal(0, hosted.Emulator.Counters.ChatRequests);
    }

    [Fact]
    public void A_server_error_on_one_item_is_that_items_error_and_the_pipeline_goes_on()
    {
        using var hosted = HostedKimi.Start();
        hosted.Connect(extra: "-MaxRetries 0");
        hosted.Emulator.Handler = FailWhen("bad", () => EmulatorResponse.KimiError(500, "server_error", "boom"));

        var run = hosted.Run("'first', 'bad one', 'last' | Invoke-KimiChat; 'after'");

        Assert.Equal(new[] { "Echo: first", "Echo: last", "after" }, run.Output.Select(o => o.Prop("Content") ?? o.ToString()));
        AssertRecord(Assert.Single(run.Errors), "KimiServerError", ErrorCategory.ResourceUnavailable, "bad one");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Nothing_is_lost_with_injected_429s_and_500s_every_input_is_an_answer_or_an_error_carrying_it(int throttle)
    {
        using var hosted = HostedKimi.Start();
        hosted.Connect(extra: "-MaxRetries 0");
        var calls = 0;
        hosted.Emulator.Handler = request =>
        {
            if (!request.Path.EndsWith("/chat/completions", StringComparison.Ordinal)) return null;
            if (request.BodyText.Contains("bad")) return EmulatorResponse.KimiError(500, "server_error", "boom");
            // Every third other call is throttled once (the scheduler runs it again at -ThrottleLimit > 1).
            return Interlocked.Increment(ref calls) % 3 == 0
                ? EmulatorResponse.KimiError(429, "engine_overloaded_error", "The engine is currently overloaded, please try again later")
                : null;
        };
        var inputs = Enumerable.Range(1, 10).Select(i => i % 4 == 0 ? $"bad {i}" : $"q{i}").ToList();

        var run = hosted.Run($"$inputs | Invoke-KimiChat -ThrottleLimit {throttle} -ErrorVariable failed; $failed.Count",
            new Dictionary<string, object?> { ["inputs"] = inputs.ToArray() });

        Assert.Null(run.Terminating);
        var answers = run.Output.Take(run.Output.Count - 1).Select(o => o.Prop("Content")!["Echo: ".Length..]).ToList();
        var failed = run.Errors.Select(e => (string)e.TargetObject).ToList();
        Assert.Equal(inputs.Count, answers.Count + failed.Count);
        Assert.Equal(inputs.Order(), answers.Concat(failed).Order());
        Assert.Equal(inputs.Where(answers.Contains), answers); // answers in input order
        Assert.Contains("bad 4", failed);
        Assert.Equal(failed.Count.ToString(), run.Output[^1].ToString());
        Assert.All(run.Errors, e => Assert.EndsWith(Fqid, e.FullyQualifiedErrorId));
    }

    [Fact]
    public void The_targets_of_failed_items_can_be_piped_back_in_to_run_them_again()
    {
        using var hosted = HostedKimi.Start();
        hosted.Connect(extra: "-MaxRetries 0");
        hosted.Emulator.Enqueue(Faults.ServerError(times: 2));

        var run = hosted.Run("'x', 'y', 'z' | Invoke-KimiChat -ErrorAction SilentlyContinue -ErrorVariable failed | Out-Null; " +
                             "$failed.TargetObject | Invoke-KimiChat");

        Assert.Equal(new[] { "Echo: x", "Echo: y" }, run.Output.Select(o => o.Prop("Content")));
        Assert.Equal(5, hosted.Emulator.Counters.ChatRequests);
    }
}
