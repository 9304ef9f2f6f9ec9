using KimiPS.PowerShell.Tests.Hosted.ChatRun;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Execution;

/// <summary>Connect-Kimi -RequestsPerMinute paces a -ThrottleLimit pipeline (TokensPerMinute: ChatThrottleTests).</summary>
public sealed class PacingTests
{
    [Fact]
    public void RequestsPerMinute_holds_back_the_second_request_of_a_ThrottleLimit_pipeline()
    {
        using var hosted = HostedKimi.Start();
        // One request a minute: the first starts at once, the next not before a minute has passed.
        hosted.Connect(extra: "-RequestsPerMinute 1");
        using var run = new LiveRun(hosted, "1..3 | ForEach-Object { \"q$_\" } | Invoke-KimiChat -ThrottleLimit 4");

        LiveRun.AssertOnlyTheFirstRequestGoesAndStopIsPrompt(hosted, run);
    }

    [Fact]
    public void Without_limits_the_same_pipeline_runs_its_requests_together()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Limits.Latency = TimeSpan.FromMilliseconds(300);

        var run = hosted.Run("1..3 | ForEach-Object { \"q$_\" } | Invoke-KimiChat -ThrottleLimit 4").ThrowOnError();

        Assert.Equal(3, run.Output.Count);
        Assert.InRange(hosted.Emulator.Counters.MaxActiveRequests, 2, 3);
    }
}
