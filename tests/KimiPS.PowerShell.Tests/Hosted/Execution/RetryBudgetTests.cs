using KimiPS.PowerShell.Tests.Hosted.ChatRun;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Execution;

/// <summary>
/// One retry budget: Connect-Kimi -MaxRetries N sends a request that keeps getting 429 at most N + 1 times, with or
/// without -ThrottleLimit (with it, the scheduler retries the 429 instead of the HTTP layer, so it can slow every item down).
/// </summary>
public sealed class RetryBudgetTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 4)]
    [InlineData(2, 1)]
    [InlineData(2, 4)]
    public void A_request_that_keeps_getting_429_is_sent_MaxRetries_plus_one_times_in_all(int maxRetries, int throttleLimit)
    {
        using var hosted = HostedKimi.Start();
        hosted.Connect(extra: $"-MaxRetries {maxRetries}");
        hosted.Emulator.Enqueue(Faults.RateLimited(retryAfterSeconds: 1, times: 50));

        var run = hosted.Run($"'q1' | Invoke-KimiChat -ThrottleLimit {throttleLimit}");

        Assert.Null(run.Terminating);
        var error = Assert.Single(run.Errors);
        Assert.Equal("KimiRateLimitReached,KimiPS.Commands.InvokeKimiChatCommand", error.FullyQualifiedErrorId);
        Assert.Equal("q1", error.TargetObject);
        Assert.Equal(maxRetries + 1, hosted.Emulator.Counters.ChatRequests);
        Assert.Empty(run.Output);
    }
}
