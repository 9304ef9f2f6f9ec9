using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace KimiPS.Core;

/// <summary>
/// Lets work on other threads reach the owner's (the PowerShell pipeline) thread: workers <see cref="Post"/>
/// actions, and the owner runs them in <see cref="Pump"/> or while it waits in <see cref="Run{T}"/>.
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
        _signal.Set();
    }

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

        var state = new RunState<T>();
        // QueueUserWorkItem rather than Task.Run: the exception is captured as thrown (an
        // OperationCanceledException stays itself instead of becoming a TaskCanceledException).
        ThreadPool.QueueUserWorkItem(_ =>
        {
            try
            {
                state.Value = work();
            }
            catch (Exception ex)
            {
                state.Error = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                Volatile.Write(ref state.Done, true);
                Wake();
            }
        });

        PumpUntil(() => Volatile.Read(ref state.Done));
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

    private sealed class RunState<T>
    {
        public T? Value;
        public ExceptionDispatchInfo? Error;
        public bool Done;
    }
}
