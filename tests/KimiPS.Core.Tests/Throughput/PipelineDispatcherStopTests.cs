using KimiPS.Core;

namespace KimiPS.Core.Tests.Throughput;

/// <summary>
/// Run with a token: when writing what the work posted fails on the owner's thread (Ctrl+C, Select-Object -First),
/// the work is cancelled and waited for, and what it posted after that is never run.
/// </summary>
public sealed class PipelineDispatcherStopTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_posted_action_that_throws_cancels_the_work_and_waits_for_it()
    {
        var dispatcher = new PipelineDispatcher();
        var workEnded = false;
        var written = new List<int>();

        Assert.Throws<SampleStopException>(() => dispatcher.Run<int>(ct =>
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    var n = i;
                    dispatcher.Post(() =>
                    {
                        if (n == 3) throw new SampleStopException();
                        written.Add(n);
                    });
                    Task.Delay(5, ct).Wait(ct);
                }
            }
            finally
            {
                Thread.Sleep(100); // the work's cleanup (closing a stream) finishes before Run gives up
                Volatile.Write(ref workEnded, true);
            }
        }, CancellationToken.None, Patience));

        Assert.True(Volatile.Read(ref workEnded), "Run returned while its work was still running");
        Assert.Equal(new[] { 0, 1, 2 }, written);
        dispatcher.Pump(); // nothing the abandoned work posted runs later
        Assert.Equal(new[] { 0, 1, 2 }, written);
    }

    [Fact]
    public void The_callers_token_cancels_the_work()
    {
        var dispatcher = new PipelineDispatcher();
        using var cts = new CancellationTokenSource();
        cts.CancelAfter(50);

        Assert.Throws<OperationCanceledException>(() => dispatcher.Run<int>(ct =>
        {
            ct.WaitHandle.WaitOne(Patience);
            ct.ThrowIfCancellationRequested();
            return 0;
        }, cts.Token, Patience));
    }

    [Fact]
    public void A_work_that_ignores_its_token_is_abandoned_after_the_wait()
    {
        var dispatcher = new PipelineDispatcher();
        using var release = new ManualResetEventSlim();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Assert.Throws<SampleStopException>(() => dispatcher.Run<int>(_ =>
        {
            dispatcher.Post(() => throw new SampleStopException());
            release.Wait(Patience);
            return 0;
        }, CancellationToken.None, TimeSpan.FromMilliseconds(200)));

        Assert.True(clock.Elapsed < Patience, "the bounded wait did not end");
        release.Set();
    }

    private sealed class SampleStopException : Exception
    {
    }
}
