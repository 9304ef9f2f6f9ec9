using KimiPS.Core;

namespace KimiPS.Core.Tests.Throughput;

/// <summary>
/// RunAsync: asynchronous work (an HTTP request) started off the owner's thread, with no thread blocked while it
/// waits; the owner runs what it posts until its task ends, and gets its result or its exception as thrown.
/// </summary>
public sealed class PipelineDispatcherAsyncTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void RunAsync_returns_the_result_of_the_task_once_it_ends()
    {
        var dispatcher = new PipelineDispatcher();
        var owner = Environment.CurrentManagedThreadId;

        var (startedOn, value) = dispatcher.RunAsync(async _ =>
        {
            var thread = Environment.CurrentManagedThreadId;
            await Task.Delay(50).ConfigureAwait(false);
            return (thread, 42);
        }, CancellationToken.None, Patience);

        Assert.Equal(42, value);
        Assert.NotEqual(owner, startedOn);
    }

    [Fact]
    public void RunAsync_runs_posted_actions_on_the_owner_while_the_task_waits_for_them()
    {
        var dispatcher = new PipelineDispatcher();
        var owner = Environment.CurrentManagedThreadId;
        var actionThread = -1;
        var actionRan = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        var sawAction = dispatcher.RunAsync(async _ =>
        {
            await Task.Yield();
            dispatcher.Post(() =>
            {
                actionThread = Environment.CurrentManagedThreadId;
                actionRan.SetResult(true);
            });
            // Only the owner pumping inside RunAsync can complete this.
            return await Task.WhenAny(actionRan.Task, Task.Delay(Patience)).ConfigureAwait(false) == actionRan.Task;
        }, CancellationToken.None, Patience);

        Assert.True(sawAction);
        Assert.Equal(owner, actionThread);
    }

    [Fact]
    public void RunAsync_rethrows_a_failure_after_an_await_as_thrown()
    {
        var dispatcher = new PipelineDispatcher();
        var original = new SampleException();

        var thrown = Assert.Throws<SampleException>(() => dispatcher.RunAsync<int>(async _ =>
        {
            await Task.Yield();
            throw original;
        }, CancellationToken.None, Patience));

        Assert.Same(original, thrown);
    }

    [Fact]
    public void RunAsync_rethrows_a_failure_before_the_first_await()
    {
        var dispatcher = new PipelineDispatcher();

        Assert.Throws<SampleException>(() => dispatcher.RunAsync<int>(_ => throw new SampleException(), CancellationToken.None, Patience));
    }

    [Fact]
    public void RunAsync_keeps_a_cancellation_a_cancellation()
    {
        var dispatcher = new PipelineDispatcher();
        using var cts = new CancellationTokenSource();
        cts.CancelAfter(50);

        // Exact type: the OperationCanceledException the work threw, not a TaskCanceledException or AggregateException.
        Assert.Throws<OperationCanceledException>(() => dispatcher.RunAsync<int>(async ct =>
        {
            await Task.Yield();
            ct.WaitHandle.WaitOne(Patience);
            throw new OperationCanceledException(ct);
        }, cts.Token, Patience));
    }

    [Fact]
    public void A_posted_action_that_throws_cancels_the_task_and_waits_for_it()
    {
        var dispatcher = new PipelineDispatcher();
        var workEnded = false;
        var written = new List<int>();

        Assert.Throws<SampleException>(() => dispatcher.RunAsync<int>(async ct =>
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    var n = i;
                    dispatcher.Post(() =>
                    {
                        if (n == 3) throw new SampleException();
                        written.Add(n);
                    });
                    await Task.Delay(5, ct).ConfigureAwait(false);
                }
            }
            finally
            {
                await Task.Delay(100).ConfigureAwait(false); // closing a connection finishes before RunAsync gives up
                Volatile.Write(ref workEnded, true);
            }
        }, CancellationToken.None, Patience));

        Assert.True(Volatile.Read(ref workEnded), "RunAsync returned while its task was still running");
        Assert.Equal(new[] { 0, 1, 2 }, written);
        dispatcher.Pump(); // nothing the abandoned task posted runs later
        Assert.Equal(new[] { 0, 1, 2 }, written);
    }

    [Fact]
    public void The_owners_UI_culture_goes_with_the_task()
    {
        var dispatcher = new PipelineDispatcher();
        var previous = Thread.CurrentThread.CurrentUICulture;
        Thread.CurrentThread.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        try
        {
            var seen = dispatcher.RunAsync(_ => Task.FromResult(Thread.CurrentThread.CurrentUICulture.Name), CancellationToken.None, Patience);
            Assert.Equal("zh-CN", seen);
        }
        finally
        {
            Thread.CurrentThread.CurrentUICulture = previous;
        }
    }

    private sealed class SampleException : Exception;
}
