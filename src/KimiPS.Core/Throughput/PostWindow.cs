namespace KimiPS.Core;

/// <summary>
/// How far a producer on a worker may run ahead of the owner's writes (a stream's chunks posted for the pipeline
/// thread). When <c>max</c> items are unwritten the producer waits until the owner has written down to half of them.
/// </summary>
/// <remarks>
/// The hysteresis is the point: a plain semaphore of <c>max</c> slots, once full, wakes the producer for every single
/// item the owner writes, and each of those wake-ups is a thread switch costing more than the write itself. Here the
/// producer sleeps once per <c>max / 2</c> items. One producer, one owner.
/// </remarks>
internal sealed class PostWindow
{
    private readonly int _max;
    private readonly int _resumeAt;
    private int _unwritten;
    // Not disposed: a posted write may call Leave after the producer is done. It has no wait handle unless one is asked for.
    private readonly ManualResetEventSlim _room = new(true);

    public PostWindow(int max)
    {
        if (max < 2) throw new ArgumentOutOfRangeException(nameof(max));
        _max = max;
        _resumeAt = max / 2;
    }

    /// <summary>Items posted and not yet written.</summary>
    public int Unwritten => Volatile.Read(ref _unwritten);

    /// <summary>Producer: before posting one more item; waits while <c>max</c> are unwritten.</summary>
    public void Enter(CancellationToken ct)
    {
        while (Volatile.Read(ref _unwritten) >= _max)
        {
            _room.Reset();
            // Checked again after the reset: had the owner written down to half before it, its Set was spent already.
            if (Volatile.Read(ref _unwritten) >= _max) _room.Wait(ct);
        }
        Interlocked.Increment(ref _unwritten);
    }

    /// <summary>Owner: one posted item was written.</summary>
    public void Leave()
    {
        if (Interlocked.Decrement(ref _unwritten) <= _resumeAt && !_room.IsSet) _room.Set();
    }
}
