using System.Diagnostics;
using KimiPS.Core;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.Client;

/// <summary>
/// A cancelled stream is aborted, not drained: the connection closes at once (the server stops generating) and
/// a read blocked on a silent server returns at once. Draining on dispose (the handler's default) held both for 2 s.
/// </summary>
public sealed class StreamAbortTests : EmulatorTest
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(1.5);

    [Fact]
    public void Cancelling_a_running_stream_closes_its_connection_at_once()
    {
        using var client = Client();
        var script = EmulatorResponse.Chat(new ChatScript { Content = new string('z', 4000) });
        script.DelayBetweenWrites = TimeSpan.FromMilliseconds(20);
        Emulator.Enqueue(script);
        using var cts = new CancellationTokenSource();
        var seen = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in client.ChatStream(Ask("long"), cts.Token))
                if (++seen == 5) cts.Cancel();
        });

        Assert.True(WaitFor(() => Emulator.Counters.ActiveRequests == 0, Prompt), "the server was still writing to an open connection");
    }

    [Fact]
    public void Cancelling_a_stalled_stream_returns_at_once_and_closes_its_connection()
    {
        using var client = Client();
        var script = EmulatorResponse.Chat(new ChatScript { Content = new string('y', 400) });
        script.CutAfterBytes = 600;
        script.StallAfterCut = true;
        Emulator.Enqueue(script);
        using var cts = new CancellationTokenSource();
        var cancelledAt = new Stopwatch();
        // Cancel while a read waits for bytes that never come (the answer stalls after its first events).
        ThreadPool.QueueUserWorkItem(_ => { Thread.Sleep(700); cancelledAt.Start(); cts.Cancel(); });

        Assert.ThrowsAny<OperationCanceledException>(() => client.ChatStream(Ask("stall"), cts.Token).ToList());
        var clock = cancelledAt;
        Assert.True(clock.Elapsed < Prompt, $"the blocked read returned {clock.Elapsed} after the cancellation");
        Assert.True(WaitFor(() => Emulator.Counters.ActiveRequests == 0, Prompt), "the stalled connection stayed open");
    }

    private static bool WaitFor(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit) return condition();
            Thread.Sleep(10);
        }
        return true;
    }
}
