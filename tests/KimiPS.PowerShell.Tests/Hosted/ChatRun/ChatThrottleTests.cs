using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.ChatRun;

/// <summary>-ThrottleLimit as a user drives it: input order, the connection's limits, back-off warnings, nothing lost.</summary>
public sealed class ChatThrottleTests
{
    [Fact]
    public void Answers_come_back_in_input_order_while_several_run_at_once()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Limits.Latency = TimeSpan.FromMilliseconds(150);

        var run = hosted.Run("1..12 | ForEach-Object { \"q$_\" } | Invoke-KimiChat -ThrottleLimit 4").ThrowOnError();

        Assert.All(run.Output, o => Assert.Equal("KimiPS.Core.ChatCompletion", o.TypeName()));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"Echo: q{i}"), run.Output.Select(o => o.Prop("Content")));
        Assert.InRange(hosted.Emulator.Counters.MaxActiveRequests, 2, 4);
    }

    [Fact]
    public void TokensPerMinute_paces_the_requests_of_a_ThrottleLimit_pipeline()
    {
        using var hosted = HostedKimi.Start();
        // About 75 tokens per prompt (300 bytes) against 120 a minute: the first starts, the next must wait about 15 s.
        hosted.Connect(extra: "-TokensPerMinute 120");
        var prompt = string.Join(' ', Enumerable.Repeat("word", 60));
        using var run = new LiveRun(hosted, $"1..3 | ForEach-Object {{ \"{prompt} $_\" }} | Invoke-KimiChat -ThrottleLimit 4");

        LiveRun.AssertOnlyTheFirstRequestGoesAndStopIsPrompt(hosted, run);
    }

    [Fact]
    public void The_schedulers_back_off_warning_reaches_the_warning_stream_and_nothing_is_lost()
    {
        using var hosted = HostedKimi.Start();
        // No HTTP retries: every 429 reaches the scheduler, which halves its window and runs the item again.
        hosted.Connect(extra: "-MaxRetries 0");
        hosted.Emulator.Limits.MaxConcurrency = 1;
        hosted.Emulator.Limits.Latency = TimeSpan.FromMilliseconds(300);

        var run = hosted.Run("1..6 | ForEach-Object { \"q$_\" } | Invoke-KimiChat -ThrottleLimit 4");

        Assert.Null(run.Terminating);
        Assert.Contains(run.Warnings, w => w.StartsWith("Backing off after a 429 (KimiRateLimitReached): concurrency 4 -> ", StringComparison.Ordinal));
        Assert.True(hosted.Emulator.Counters.RejectedByLimit > 0);
        // Every input is either an answer, in order, or an error that carries it.
        var answered = run.Output.Select(o => o.Prop("Content")!.Replace("Echo: ", "")).ToList();
        var failed = run.Errors.Select(e => (string)e.TargetObject).ToList();
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"q{i}").Order(), answered.Concat(failed).Order());
        Assert.Equal(answered.OrderBy(q => int.Parse(q[1..])), answered);
    }
}
