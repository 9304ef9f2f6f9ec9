using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace KimiPS.Core;

/// <summary>
/// Lets work on other threads reach the owner's (the PowerShell pipeline) thread: workers <see cref="Post"/>
/// actions, and the owner runs them in <see cref="Pump"/> or while it waits in <see cref="Run{T}(Func{T})"/>.
/// </summary>
/// <remarks>
/// PowerShell throws if <c>Write*</c> is called from any thread but the pipeline thread (DESIGN.md §4), so
/// nothing here ever runs a posted action on the posting thread: only the owner's calls run them.
/// </remarks>
internal sealed class PipelineDispatcher
{
    private readonly ConcurrentQueue<Action> _actions = new();

    // Set by Post and by Wake (a state change the owner may be waiting for). Manual-reset so that a nested
    // wait (a posted action that itself waits) cannot swallow the wake-up meant for an outer wait.
    private readonly ManualResetEventSlim _signal = new(false);

    /// <summary>Any thread: queue an action for the owner's thread.</summary>
    public void Post(Action action)
    {
        if (action is null)
            throw new ArgumentNullException(nameof(action));
        _actions.Enqueue(action);
        Interlocked.Increment(ref _posted);
        _signal.Set();
    }

    private long _posted;

    /// <summary>How many actions have been posted so far (<see cref="BatchPoster{T}"/> tells by it whether anything was posted after its batch).</summary>
    public long Posted => Interlocked.Read(ref _posted);

    /// <summary>Owner's thread: run every queued action now.</summary>
    /// <remarks>
    /// Runs only what was queued when it started, so a worker that posts without pause cannot keep the owner
    /// here forever. An action that throws stops the pump and the exception reaches the owner (for example
    /// PowerShell's PipelineStoppedException from WriteWarning); the actions after it stay queued.
    /// </remarks>
    public void Pump()
    {
        for (var n = _actions.Count; n > 0 && _actions.TryDequeue(out var action); n--)
            action();
    }

    /// <summary>Owner's thread: run <paramref name="work"/> on the thread pool, running posted actions until it ends; returns its result or rethrows its exception unwrapped.</summary>
    public T Run<T>(Func<T> work)
    {
        if (work is null)
            throw new ArgumentNullException(nameof(work));
        return Run(_ => work(), CancellationToken.None, TimeSpan.Zero);
    }

    /// <summary>
    /// Owner's thread: run <paramref name="work"/> on the thread pool with a token cancelled by <paramref name="ct"/>,
    /// running posted actions until it ends; returns its result or rethrows its exception unwrapped.
    /// </summary>
    /// <remarks>
    /// When a posted action throws on the owner's thread (PowerShell's PipelineStoppedException, or the
    /// StopUpstreamCommandsException of <c>Select-Object -First</c>), the work's token is cancelled too, and the work is
    /// waited for (at most <paramref name="abandonAfter"/>, without running more posted actions) before the exception
    /// goes on: a stream read by the work must not outlive the pipeline that stopped wanting it.
    /// </remarks>
    public T Run<T>(Func<CancellationToken, T> work, CancellationToken ct, TimeSpan abandonAfter)
    {
        if (work is null)
            throw new ArgumentNullException(nameof(work));
        return Drive<T>((token, state) => state.Succeed(work(token)), ct, abandonAfter);
    }

    /// <summary>
    /// Owner's thread: start <paramref name="work"/> on the thread pool and run posted actions until the task it
    /// returns ends; returns its result or rethrows its exception unwrapped. Stops as <see cref="Run{T}(Func{CancellationToken, T}, CancellationToken, TimeSpan)"/> does.
    /// </summary>
    /// <remarks>
    /// For work that waits on I/O (an HTTP request): no thread is blocked while it waits, and the thread that ends the
    /// task wakes the owner itself, where a worker waiting synchronously would add a thread and a wake-up to each call.
    /// </remarks>
    public T RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct, TimeSpan abandonAfter)
    {
        if (work is null)
            throw new ArgumentNullException(nameof(work));
        return Drive<T>((token, state) => work(token).ContinueWith(state.Finish, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default), ct, abandonAfter);
    }

    /// <summary>Owner's thread: runs <paramref name="start"/> on the thread pool and pumps until it (or what it started) ends the run's state.</summary>
    private T Drive<T>(Action<CancellationToken, RunState<T>> start, CancellationToken ct, TimeSpan abandonAfter)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var token = stop.Token;
        var state = new RunState<T>(this);
        // The owner's UI culture goes with the work, so that its messages are in the user's language: a pool
        // thread's culture is the process default, and whether it flows on its own depends on the runtime.
        var culture = UiCulture.Capture();
        // QueueUserWorkItem rather than Task.Run: the exception is captured as thrown (an
        // OperationCanceledException stays itself instead of becoming a TaskCanceledException).
        ThreadPool.QueueUserWorkItem(_ =>
        {
            using var uiCulture = culture.Apply();
            try
            {
                start(token, state);
            }
            catch (Exception ex)
            {
                state.Fail(ex);
            }
        });

        try
        {
            PumpUntil(() => state.Done);
        }
        catch
        {
            try
            {
                stop.Cancel();
            }
            catch (AggregateException)
            {
                // A callback the work registered on its token threw; the owner's exception is what matters.
            }
            // Still running after the wait: its token must stay usable, so its source is left to the collector.
            if (!WaitWithoutPumping(() => state.Done, abandonAfter))
                stop = null;
            // What the work posted for a pipeline that no longer wants it (more chunks after Select-Object -First)
            // must not run at a later pump.
            while (_actions.TryDequeue(out _))
            {
            }
            throw;
        }
        finally
        {
            stop?.Dispose();
        }
        state.Error?.Throw();
        return state.Value!;
    }

    /// <summary>Owner's thread: run <paramref name="work"/> on the thread pool, running posted actions until it ends; rethrows its exception unwrapped.</summary>
    public void Run(Action work)
    {
        if (work is null)
            throw new ArgumentNullException(nameof(work));
        Run<object?>(() =>
        {
            work();
            return null;
        });
    }

    /// <summary>Any thread: wake the owner if it waits in <see cref="PumpUntil"/>, so it re-checks its condition.</summary>
    internal void Wake() => _signal.Set();

    /// <summary>
    /// Owner's thread: run posted actions until <paramref name="done"/> is true. Blocks between wake-ups (no
    /// polling), so whatever makes <paramref name="done"/> true must call <see cref="Wake"/> or <see cref="Post"/>.
    /// Actions posted before the condition became true have run when this returns.
    /// </summary>
    internal void PumpUntil(Func<bool> done)
    {
        while (true)
        {
            // Reset before pumping and checking: a Post or Wake that lands after this point sets the signal
            // again, so the Wait below cannot miss it.
            _signal.Reset();
            Pump();
            if (done())
            {
                // A worker may have posted (a warning) just before it finished: run that before returning,
                // so the caller sees the warning before the result.
                Pump();
                return;
            }
            _signal.Wait();
        }
    }

    /// <summary>Waits (bounded) for <paramref name="done"/> without running posted actions; returns whether it became true.</summary>
    private bool WaitWithoutPumping(Func<bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            _signal.Reset();
            if (done())
                return true;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                return false;
            _signal.Wait(left);
        }
    }

    /// <summary>How a run ended: its value or its exception, then Done, then a wake-up for the owner.</summary>
    private sealed class RunState<T>
    {
        private readonly PipelineDispatcher _owner;
        private bool _done;

        public RunState(PipelineDispatcher owner) => _owner = owner;

        public T? Value { get; private set; }
        public ExceptionDispatchInfo? Error { get; private set; }
        public bool Done => Volatile.Read(ref _done);

        public void Succeed(T value)
        {
            Value = value;
            End();
        }

        public void Fail(Exception exception)
        {
            Error = ExceptionDispatchInfo.Capture(exception);
            End();
        }

        /// <summary>The end of asynchronous work: GetResult rethrows a failure as thrown (a cancellation stays an OperationCanceledException).</summary>
        public void Finish(Task<T> task)
        {
            try
            {
                Value = task.GetAwaiter().GetResult();
            }
            catch (Exception ex)
            {
                Error = ExceptionDispatchInfo.Capture(ex);
            }
            End();
        }

        private void End()
        {
            Volatile.Write(ref _done, true);
            _owner.Wake();
        }
    }
}
