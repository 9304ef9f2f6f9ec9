namespace KimiPS.Core;

/// <summary>
/// Lets work on other threads reach the owner's (the PowerShell pipeline) thread: workers <see cref="Post"/>
/// actions, and the owner runs them in <see cref="Pump"/> or while it waits in <see cref="Run{T}"/>.
/// </summary>
internal sealed class PipelineDispatcher
{
    /// <summary>Any thread: queue an action for the owner's thread.</summary>
    public void Post(Action action) => throw new NotImplementedException();

    /// <summary>Owner's thread: run every queued action now.</summary>
    public void Pump() => throw new NotImplementedException();

    /// <summary>Owner's thread: run <paramref name="work"/> on the thread pool, running posted actions until it ends; returns its result or rethrows its exception unwrapped.</summary>
    public T Run<T>(Func<T> work) => throw new NotImplementedException();
}
