using KimiPS.Core;

namespace KimiPS.Core.Tests.Throughput;

/// <summary>Ordering, the window, errors, posting and cancellation. Fake work; no HTTP.</summary>
public sealed class OrderedWorkQueueTests
{
    internal static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>What a cmdlet does: Add each item and write what is ready, then Finish.</summary>
    internal static List<WorkResult<TIn, TOut>> Drive<TIn, TOut>(OrderedWorkQueue<TIn, TOut> queue, IEnumerable<TIn> items)
    {
        var results = new List<WorkResult<TIn, TOut>>();
        foreach (var item in items)
        {
            queue.Add(item);
            results.AddRange(queue.TakeReady());
        }
        results.AddRange(queue.Finish());
        return results;
    }

    [Fact]
    public void Results_come_back_in_input_order_whatever_the_durations()
    {
        var random = new Random(7);
        var durations = Enumerable.Range(0, 200).Select(_ => random.Next(0, 4)).ToArray();
        var concurrency = new ConcurrencyProbe();
        using var queue = Queues.New<int, int>(8, (i, _) =>
        {
            using (concurrency.Enter())
                Thread.Sleep(durations[i]);
            return i * 2;
        }, null, CancellationToken.None);

        var results = Drive(queue, Enumerable.Range(0, 200));

        Assert.Equal(Enumerable.Range(0, 200), results.Select(r => r.Input));
        Assert.All(results, r => Assert.Equal(r.Input * 2, r.Value));
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.InRange(concurrency.Max, 1, 8);
    }

    [Fact]
    public void MaxConcurrency_lowers_the_throttle_limit()
    {
        var concurrency = new ConcurrencyProbe();
        using var queue = Queues.New<int, int>(8, (i, _) =>
        {
            using (concurrency.Enter())
                Thread.Sleep(1);
            return i;
        }, new KimiRateLimits { MaxConcurrency = 3 }, CancellationToken.None);

        var results = Drive(queue, Enumerable.Range(0, 60));

        Assert.Equal(3, queue.MaxConcurrencyLimit);
        Assert.Equal(60, results.Count);
        Assert.InRange(concurrency.Max, 1, 3);
    }

    [Fact]
    public void Add_blocks_while_the_window_is_full_and_runs_posted_actions_meanwhile()
    {
        var owner = Environment.CurrentManagedThreadId;
        using var bothStarted = new CountdownEvent(2);
        using var ownerIsAddingThird = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var actionThread = -1;
        var inFlightWhenActionRan = -1;
        var thirdStarted = false;
        OrderedWorkQueue<int, int>? queue = null;

        queue = Queues.New<int, int>(2, (i, _) =>
        {
            if (i == 2)
            {
                thirdStarted = true;
                return i;
            }
            bothStarted.Signal();
            if (i == 0)
            {
                bothStarted.Wait(Patience);
                ownerIsAddingThird.Wait(Patience);
                // Only the owner can run this, and the owner is inside Add(2) by now.
                queue!.Post(() =>
                {
                    actionThread = Environment.CurrentManagedThreadId;
                    inFlightWhenActionRan = queue.InFlight;
                    release.Set();
                });
            }
            release.Wait(Patience);
            return i;
        }, null, CancellationToken.None);

        using (queue)
        {
            queue.Add(0);
            queue.Add(1);
            ownerIsAddingThird.Set();
            queue.Add(2);

            Assert.True(release.IsSet);
            Assert.Equal(owner, actionThread);
            Assert.Equal(2, inFlightWhenActionRan); // Add(2) was waiting on a full window
            Assert.Equal(new[] { 0, 1, 2 }, queue.Finish().Select(r => r.Value));
            Assert.True(thirdStarted);
        }
    }

    [Fact]
    public void An_owner_that_never_takes_results_does_not_deadlock_Add()
    {
        using var queue = Queues.New<int, int>(2, (i, _) => i, null, CancellationToken.None);

        for (var i = 0; i < 50; i++)
            queue.Add(i);

        Assert.Equal(Enumerable.Range(0, 50), queue.Finish().Select(r => r.Value));
    }

    [Fact]
    public void A_failing_item_gets_an_error_result_and_the_others_succeed()
    {
        var boom = new InvalidOperationException("item 3 is broken");
        using var queue = Queues.New<int, string>(4, (i, _) => i == 3 ? throw boom : $"ok {i}", null, CancellationToken.None);

        var results = Drive(queue, Enumerable.Range(0, 10));

        Assert.Equal(Enumerable.Range(0, 10), results.Select(r => r.Input));
        var failed = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(3, failed.Input);
        Assert.Same(boom, failed.Error);
        Assert.Null(failed.Value);
        Assert.All(results.Where(r => r.Input != 3), r =>
        {
            Assert.Null(r.Error);
            Assert.Equal($"ok {r.Input}", r.Value);
        });
    }

    [Fact]
    public void A_token_estimate_that_throws_fails_only_its_item()
    {
        using var queue = Queues.New<int, int>(4, (i, _) => i, new KimiRateLimits { TokensPerMinute = 1_000_000 }, CancellationToken.None,
            estimateTokens: i => i == 1 ? throw new FormatException() : 10);

        var results = Drive(queue, Enumerable.Range(0, 3));

        Assert.Equal(new[] { true, false, true }, results.Select(r => r.Succeeded));
        Assert.IsType<FormatException>(results[1].Error);
    }

    [Fact]
    public void Posted_actions_run_only_on_the_owner_thread_and_before_the_result_of_the_item_that_posted_them()
    {
        var owner = Environment.CurrentManagedThreadId;
        var log = new List<string>(); // touched only by the owner thread, hence no lock
        var threads = new List<int>();
        OrderedWorkQueue<int, int>? queue = null;
        queue = Queues.New<int, int>(8, (i, _) =>
        {
            queue!.Post(() =>
            {
                threads.Add(Environment.CurrentManagedThreadId);
                log.Add($"warning {i}");
            });
            return i;
        }, null, CancellationToken.None);

        using (queue)
        {
            foreach (var i in Enumerable.Range(0, 50))
            {
                queue.Add(i);
                foreach (var result in queue.TakeReady())
                    log.Add($"result {result.Value}");
            }
            foreach (var result in queue.Finish())
                log.Add($"result {result.Value}");
        }

        Assert.Equal(50, threads.Count);
        Assert.All(threads, t => Assert.Equal(owner, t));
        for (var i = 0; i < 50; i++)
            Assert.True(log.IndexOf($"warning {i}") < log.IndexOf($"result {i}"), $"warning {i} came after its result");
    }

    [Fact]
    public void A_posted_action_that_throws_reaches_the_owner_and_loses_no_result()
    {
        OrderedWorkQueue<int, int>? queue = null;
        queue = Queues.New<int, int>(1, (i, _) =>
        {
            queue!.Post(() => throw new InvalidOperationException("the pipeline is stopping"));
            return i;
        }, null, CancellationToken.None);

        using (queue)
        {
            Assert.Throws<InvalidOperationException>(() =>
            {
                queue.Add(0);
                queue.Finish().ToList();
            });
            Assert.Equal(new[] { 0 }, queue.Finish().Select(r => r.Value));
        }
    }

    [Fact]
    public void Cancellation_stops_new_starts_and_Finish_throws_after_the_running_items_end()
    {
        using var cts = new CancellationTokenSource();
        var starts = new List<int>();
        var runningWork = 0;
        OrderedWorkQueue<int, int>? queue = null;
        queue = Queues.New<int, int>(1, (i, token) =>
        {
            Interlocked.Increment(ref runningWork);
            try
            {
                lock (starts)
                    starts.Add(i);
                // Ctrl+C, run by the owner thread inside Add (only the owner runs posted actions).
                queue!.Post(cts.Cancel);
                token.WaitHandle.WaitOne(Patience);
                token.ThrowIfCancellationRequested();
                return i;
            }
            finally
            {
                Interlocked.Decrement(ref runningWork);
            }
        }, null, cts.Token);

        using (queue)
        {
            queue.Add(0);
            Assert.Throws<OperationCanceledException>(() => queue.Add(1));
            Assert.Throws<OperationCanceledException>(() => queue.Add(2));
            Assert.Throws<OperationCanceledException>(() => queue.Finish().ToList());

            Assert.Equal(0, Volatile.Read(ref runningWork)); // no worker outlives Finish
            Assert.Equal(0, queue.InFlight);
            Assert.Equal(new[] { 0 }, starts);
        }
    }

    [Fact]
    public void A_queue_cancelled_before_anything_starts_runs_nothing()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var ran = false;
        using var queue = Queues.New<int, int>(4, (i, _) => { ran = true; return i; }, null, cts.Token);

        Assert.Throws<OperationCanceledException>(() => queue.Add(1));
        Assert.Throws<OperationCanceledException>(() => queue.Finish().ToList());
        Assert.False(ran);
    }

    [Fact]
    public void Dispose_cancels_running_items_and_waits_for_them()
    {
        using var started = new ManualResetEventSlim();
        var sawCancellation = false;
        var queue = Queues.New<int, int>(2, (i, token) =>
        {
            started.Set();
            sawCancellation = token.WaitHandle.WaitOne(Patience);
            return i;
        }, null, CancellationToken.None);

        queue.Add(1);
        Assert.True(started.Wait(Patience));
        queue.Dispose();

        Assert.True(sawCancellation);
        Assert.Equal(0, queue.InFlight);
        Assert.Throws<ObjectDisposedException>(() => queue.Add(2));
    }

    [Fact]
    public void A_throttle_limit_below_one_is_refused_with_the_parameter_named()
    {
        var error = Assert.Throws<KimiException>(() => Queues.New<int, int>(0, (i, _) => i, null, CancellationToken.None));
        Assert.Equal(KimiErrorIds.InvalidParameter, error.ErrorId);
        Assert.Contains("ThrottleLimit", error.Message);
    }
}

/// <summary>Counts how many callers are inside at once.</summary>
internal sealed class ConcurrencyProbe
{
    private int _current;
    private int _max;

    public int Max => Volatile.Read(ref _max);

    public IDisposable Enter()
    {
        var now = Interlocked.Increment(ref _current);
        int seen;
        while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
        {
        }
        return new Exit(this);
    }

    private sealed class Exit(ConcurrencyProbe probe) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref probe._current);
    }
}
