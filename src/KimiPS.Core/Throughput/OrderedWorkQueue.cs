namespace KimiPS.Core;

/// <summary>
/// Runs work items on background threads, at most <c>throttleLimit</c> at once and within the
/// <see cref="KimiRateLimits"/>, and hands the results back on the owner's thread in input order.
/// One failed item does not stop the others. Actions posted from workers (<see cref="Post"/>) run on the
/// owner's thread whenever it calls <see cref="Add"/>, <see cref="TakeReady"/> or <see cref="Finish"/>,
/// so a cmdlet can write to the pipeline only from the pipeline thread.
/// </summary>
internal sealed class OrderedWorkQueue<TIn, TOut> : IDisposable
{
    public OrderedWorkQueue(int throttleLimit, Func<TIn, CancellationToken, TOut> work, KimiRateLimits? limits, CancellationToken ct) =>
        throw new NotImplementedException();

    /// <summary>Queues an item. Blocks (running posted actions meanwhile) while throttleLimit items are in flight.</summary>
    public void Add(TIn item) => throw new NotImplementedException();

    /// <summary>The results that are ready, in input order, without waiting.</summary>
    public IEnumerable<WorkResult<TIn, TOut>> TakeReady() => throw new NotImplementedException();

    /// <summary>Waits for every item, yielding results in input order as each becomes ready.</summary>
    public IEnumerable<WorkResult<TIn, TOut>> Finish() => throw new NotImplementedException();

    /// <summary>Any thread: queue an action for the owner's thread.</summary>
    public void Post(Action action) => throw new NotImplementedException();

    public void Dispose() => throw new NotImplementedException();
}
