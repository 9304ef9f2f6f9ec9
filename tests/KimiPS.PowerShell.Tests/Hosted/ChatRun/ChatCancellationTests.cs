using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.ChatRun;

/// <summary>
/// Ctrl+C (PowerShell.Stop()) while Invoke-KimiChat works: control comes back within about a second and the
/// emulator sees the connection closed (no active request), so the server stops generating.
/// </summary>
public sealed class ChatCancellationTests
{
    // Generous for a loaded 2-core machine; the defects these guard against took 2 s or more.
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan ClosedLimit = TimeSpan.FromSeconds(1.5);

    [Fact]
    public void Ctrl_C_during_a_running_stream_returns_at_once_and_closes_the_connection()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(Faults.SlowAnswer(TimeSpan.FromMilliseconds(50)));
        using var run = new LiveRun(hosted, "Invoke-KimiChat 'long' -Stream");
        Assert.True(LiveRun.WaitFor(() => run.Output.Count >= 5, TimeSpan.FromSeconds(20)), "the stream never started");

        var took = run.Stop();

        Assert.True(took < StopLimit, $"Stop() took {took}");
        Assert.True(LiveRun.WaitFor(() => hosted.Emulator.Counters.ActiveRequests == 0, ClosedLimit),
            "the server was still writing to an open connection");
        Assert.True(run.Output.Count < 1000, "the stream was not cut");
    }

    [Fact]
    public void Ctrl_C_on_a_stalled_stream_returns_at_once_and_closes_the_connection()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(Faults.StalledStream());
        using var run = new LiveRun(hosted, "Invoke-KimiChat 'stall' -Stream");
        Assert.True(LiveRun.WaitFor(() => run.Output.Count >= 1, TimeSpan.FromSeconds(20)), "the stream never started");
        Thread.Sleep(300); // now it is waiting for bytes that never come

        var took = run.Stop();

        Assert.True(took < StopLimit, $"Stop() took {took}");
        Assert.True(LiveRun.WaitFor(() => hosted.Emulator.Counters.ActiveRequests == 0, ClosedLimit), "the stalled connection stayed open");
    }

    [Fact]
    public void Ctrl_C_during_a_retry_wait_returns_at_once_and_sends_no_retry()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(Faults.RateLimited(retryAfterSeconds: 30));
        using var run = new LiveRun(hosted, "Invoke-KimiChat 'wait'");
        Assert.True(LiveRun.WaitFor(() => run.Warnings.Count > 0, TimeSpan.FromSeconds(20)), "no back-off warning");

        var took = run.Stop();

        Assert.True(took < StopLimit, $"Stop() took {took}");
        Thread.Sleep(300);
        Assert.Equal(1, hosted.Emulator.Counters.ChatRequests);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Ctrl_C_during_a_ThrottleLimit_pipeline_returns_at_once_and_closes_every_connection()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Limits.Latency = TimeSpan.FromSeconds(30);
        using var run = new LiveRun(hosted, "1..8 | ForEach-Object { \"q$_\" } | Invoke-KimiChat -ThrottleLimit 4");
        Assert.True(LiveRun.WaitFor(() => hosted.Emulator.Counters.ActiveRequests == 4, TimeSpan.FromSeconds(20)), "four requests never ran at once");

        var took = run.Stop();

        Assert.True(took < StopLimit, $"Stop() took {took}");
        Assert.True(LiveRun.WaitFor(() => hosted.Emulator.Counters.ActiveRequests == 0, ClosedLimit), "a request stayed open");
        Assert.Equal(4, hosted.Emulator.Counters.ChatRequests);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Ctrl_C_during_a_long_non_stream_answer_returns_at_once_and_closes_the_connection()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Limits.Latency = TimeSpan.FromSeconds(30);
        using var run = new LiveRun(hosted, "Invoke-KimiChat 'slow'");
        Assert.True(LiveRun.WaitFor(() => hosted.Emulator.Counters.ActiveRequests == 1, TimeSpan.FromSeconds(20)), "the request never arrived");

        var took = run.Stop();

        Assert.True(took < StopLimit, $"Stop() took {took}");
        Assert.True(LiveRun.WaitFor(() => hosted.Emulator.Counters.ActiveRequests == 0, ClosedLimit), "the request stayed open");
    }
}
