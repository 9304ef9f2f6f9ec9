using KimiPS.Core;

namespace KimiPS.Core.Tests.Throughput;

public sealed class PostWindowTests
{
    private static bool WaitFor(Func<bool> condition, int ms = 5000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(ms);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            Thread.Sleep(5);
        }
        return true;
    }

    [Fact]
    public void The_producer_stops_at_the_limit_and_resumes_only_when_half_is_written()
    {
        var window = new PostWindow(8);
        var entered = 0;
        using var stop = new CancellationTokenSource();
        var producer = new Thread(() =>
        {
            try
            {
                for (var i = 0; i < 100; i++)
                {
                    window.Enter(stop.Token);
                    Interlocked.Increment(ref entered);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }) { IsBackground = true };
        producer.Start();

        Assert.True(WaitFor(() => Volatile.Read(ref entered) == 8));
        Thread.Sleep(100);
        Assert.Equal(8, Volatile.Read(ref entered)); // bounded: nothing past the limit
        Assert.Equal(8, window.Unwritten);

        for (var i = 0; i < 3; i++) window.Leave(); // 5 unwritten: more than half
        Thread.Sleep(100);
        Assert.Equal(8, Volatile.Read(ref entered)); // no wake-up per written item

        window.Leave(); // 4 unwritten: half
        Assert.True(WaitFor(() => Volatile.Read(ref entered) == 12)); // refilled to the limit in one go
        Assert.Equal(8, window.Unwritten);

        stop.Cancel();
        Assert.True(producer.Join(5000)); // a waiting producer sees Ctrl+C
    }

    [Fact]
    public void A_consumer_that_keeps_up_never_blocks_the_producer()
    {
        var window = new PostWindow(4);
        for (var i = 0; i < 1000; i++)
        {
            window.Enter(CancellationToken.None);
            window.Leave();
        }
        Assert.Equal(0, window.Unwritten);
    }
}
