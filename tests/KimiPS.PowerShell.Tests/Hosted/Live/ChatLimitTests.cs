using System.Diagnostics;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Hosted.ChatRun;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Live;

/// <summary>Visible limits (issue 10 item 5): per-call and session timeouts, and the warning when an answer is cut at the token limit.</summary>
public sealed class ChatLimitTests
{
    private static void AssertIdleTimeout(HostedRun run, Stopwatch clock)
    {
        var error = run.FirstError;
        Assert.NotNull(error);
        Assert.StartsWith("KimiTimeout", error!.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("-IdleTimeoutSec", error.Exception.Message);
        Assert.Contains("-IdleTimeoutSec", error.ErrorDetails?.RecommendedAction ?? "");
        Assert.DoesNotContain("StreamIdleTimeout", error.Exception.Message + error.ErrorDetails?.RecommendedAction);
        // The default is 120 s: well under that proves the parameter was used.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [Fact]
    public void IdleTimeoutSec_on_Invoke_KimiChat_ends_a_stalled_stream_and_the_message_names_it()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(Faults.StalledStream());

        var clock = Stopwatch.StartNew();
        var run = hosted.Run("Invoke-KimiChat 'stall' -Stream -IdleTimeoutSec 1");

        AssertIdleTimeout(run, clock);
    }

    [Fact]
    public void Connect_Kimi_IdleTimeoutSec_is_the_session_default()
    {
        using var hosted = HostedKimi.Start(connect: false);
        hosted.Connect(extra: "-IdleTimeoutSec 1");
        hosted.Emulator.Enqueue(Faults.StalledStream());

        var clock = Stopwatch.StartNew();
        var run = hosted.Run("Invoke-KimiChat 'stall' -Stream");

        AssertIdleTimeout(run, clock);
        Assert.Equal("00:00:01", hosted.Run("(Get-KimiConnection).IdleTimeout.ToString()").ThrowOnError().Output[0].ToString());
    }

    [Fact]
    public void TimeoutSec_on_Invoke_KimiChat_limits_one_call()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(Faults.With(EmulatorResponse.Chat(new ChatScript { Content = "late" }), r => { r.Delay = TimeSpan.FromSeconds(30); r.Times = 5; }));

        var clock = Stopwatch.StartNew();
        var run = hosted.Run("Invoke-KimiChat 'slow' -TimeoutSec 2");

        Assert.StartsWith("KimiTimeout", run.FirstError?.FullyQualifiedErrorId);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Out_of_range_timeouts_are_refused_before_anything_is_sent()
    {
        using var hosted = HostedKimi.Start();

        var call = hosted.Run("Invoke-KimiChat 'x' -IdleTimeoutSec 0");
        var connect = hosted.Run($"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey (ConvertTo-SecureString 'sk-x' -AsPlainText -Force) -SkipValidation -IdleTimeoutSec 0");

        Assert.StartsWith("ParameterArgumentValidationError,", call.FirstError?.FullyQualifiedErrorId);
        Assert.StartsWith("KimiInvalidParameter", connect.FirstError?.FullyQualifiedErrorId);
        Assert.Contains("IdleTimeoutSec", connect.FirstError!.Exception.Message);
        Assert.Equal(0, hosted.Emulator.Counters.ChatRequests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-Stream")]
    public void An_answer_cut_at_the_token_limit_warns_and_names_MaxTokens_and_AutoContinue(string stream)
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(Faults.With(EmulatorResponse.Chat(new ChatScript { Content = "cut sh", FinishReason = "length" }), _ => { }));

        var run = hosted.Run($"Invoke-KimiChat 'long' {stream}").ThrowOnError();

        var warning = Assert.Single(run.Warnings);
        Assert.Contains("finish_reason length", warning);
        Assert.Contains("-MaxTokens", warning);
        Assert.Contains("-AutoContinue", warning);
    }

    [Fact]
    public void AutoContinue_that_runs_out_warns_once_not_twice()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(Faults.With(EmulatorResponse.Chat(new ChatScript { Content = "cut", FinishReason = "length" }), r => r.Times = 5));

        var run = hosted.Run("Invoke-KimiChat 'long' -AutoContinue 1").ThrowOnError();

        var warning = Assert.Single(run.Warnings);
        Assert.Contains("AutoContinue", warning);
        Assert.Contains("MaxTokens", warning);
        Assert.Equal(2, hosted.Emulator.Counters.ChatRequests);
    }

    [Fact]
    public void ContentOnly_with_ThrottleLimit_writes_strings_in_input_order()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("'a', 'b', 'c' | Invoke-KimiChat -ContentOnly -ThrottleLimit 3").ThrowOnError();

        Assert.Equal(new[] { "Echo: a", "Echo: b", "Echo: c" }, run.Output.Select(o => Assert.IsType<string>(o.BaseObject)));
    }

    [Fact]
    public void A_complete_answer_gives_no_token_limit_warning()
    {
        using var hosted = HostedKimi.Start();

        Assert.Empty(hosted.Run("Invoke-KimiChat 'short'").ThrowOnError().Warnings);
    }
}
