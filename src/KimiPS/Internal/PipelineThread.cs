using System.Runtime.ExceptionServices;

namespace KimiPS;

/// <summary>
/// Work that must run on the pipeline thread (ShouldProcess, InvokeCommand) asked for from a worker: the client's
/// rounds engine runs a tool call on the worker that runs the answer, while the pipeline thread drains the dispatcher.
/// </summary>
internal sealed class PipelineThread
{
    private readonly Action<Action> _post;
    private readonly int _threadId = Environment.CurrentManagedThreadId;

    /// <summary>Create on the pipeline thread; <paramref name="post"/> queues an action for it (the cmdlet's Post).</summary>
    public PipelineThread(Action<Action> post) => _post = post;

    /// <summary>
    /// Runs <paramref name="work"/> on the pipeline thread and returns its result (or rethrows its exception, a
    /// PipelineStoppedException too) on the calling thread. Gives up when <paramref name="ct"/> is cancelled, and
    /// the work is then skipped if it has not started: nothing runs for an answer nobody waits for.
    /// </summary>
    public T Invoke<T>(Func<T> work, CancellationToken ct)
    {
        if (Environment.CurrentManagedThreadId == _threadId) return work(); // already there: posting would wait for itself
        // Not disposed: the posted action may still set it after a cancelled wait returned. It has no wait handle to free.
        var done = new ManualResetEventSlim(false);
        var result = default(T)!;
        ExceptionDispatchInfo? error = null;
        _post(() =>
        {
            try
            {
                if (!ct.IsCancellationRequested) result = work();
            }
            catch (Exception ex)
            {
                error = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                done.Set();
            }
        });
        done.Wait(ct);
        error?.Throw();
        return result;
    }
}
