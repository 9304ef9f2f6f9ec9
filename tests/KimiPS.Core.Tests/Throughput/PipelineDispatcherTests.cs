using KimiPS.Core;

namespace KimiPS.Core.Tests.Throughput;

public sealed class PipelineDispatcherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void Run_returns_the_value_of_the_work()
    {
        var dispatcher = new PipelineDispatcher();
        Assert.Equal(42, dispatcher.Run(() => 42));
    }

    [Fact]
    public void Run_rethrows_the_original_exception_unwrapped()
    {
        var dispatcher = new PipelineDispatcher();
        var original = new SampleException();

        var thrown = Assert.Throws<SampleException>(() => dispatcher.Run<int>(() => throw original));

        Assert.Same(original, thrown);
        Assert.Contains(nameof(Run_rethrows_the_original_exception_unwrapped), thrown.StackTrace);
    }

    [Fact]
    public void Run_keeps_a_cancellation_a_cancellation()
    {
        var dispatcher = new PipelineDispatcher();
        // Exact type: not TaskCanceledException, not AggregateException.
        Assert.Throws<OperationCanceledException>(() => dispatcher.Run(() => throw new OperationCanceledException()));
    }

    [Fact]
    public void Run_of_an_action_rethrows_too()
    {
        var dispatcher = new PipelineDispatcher();
        Assert.Throws<SampleException>(() => dispatcher.Run(() => throw new SampleException()));
    }

    [Fact]
    public void Run_runs_posted_actions_on_the_calling_thread_while_the_work_waits_for_them()
    {
        var dispatcher = new PipelineDispatcher();
        var owner = Environment.CurrentManagedThreadId;
        var actionThread = -1;
        using var actionRan = new ManualResetEventSlim();

        var (workThread, sawAction) = dispatcher.Run(() =>
        {
            dispatcher.Post(() =>
            {
                actionThread = Environment.CurrentManagedThreadId;
                actionRan.Set();
            });
            // Only the owner pumping inside Run can release this.
            return (Environment.CurrentManagedThreadId, actionRan.Wait(Patience));
        });

        Assert.True(sawAction);
        Assert.Equal(owner, actionThread);
        Assert.NotEqual(owner, workThread);
    }

    [Fact]
    public void Actions_posted_just_before_the_work_ends_run_before_Run_returns()
    {
        var dispatcher = new PipelineDispatcher();
        var ran = 0;

        dispatcher.Run(() =>
        {
            for (var i = 0; i < 100; i++)
                dispatcher.Post(() => ran++);
        });

        Assert.Equal(100, ran);
    }

    [Fact]
    public void Pump_runs_actions_from_other_threads_in_order_on_the_caller()
    {
        var dispatcher = new PipelineDispatcher();
        var owner = Environment.CurrentManagedThreadId;
        var seen = new List<(int Value, int Thread)>();

        var poster = new Thread(() =>
        {
            for (var i = 0; i < 10; i++)
            {
                var value = i;
                dispatcher.Post(() => seen.Add((value, Environment.CurrentManagedThreadId)));
            }
        });
        poster.Start();
        poster.Join();
        Assert.Empty(seen); // nothing runs until the owner pumps

        dispatcher.Pump();

        Assert.Equal(Enumerable.Range(0, 10), seen.Select(s => s.Value));
        Assert.All(seen, s => Assert.Equal(owner, s.Thread));
    }

    private sealed class SampleException : Exception;
}
