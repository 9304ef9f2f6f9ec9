namespace KimiPS.Core;

/// <summary>
/// Carries items a worker produces (a stream's chunks) to the owner's thread through a <see cref="PipelineDispatcher"/>,
/// in batches: an item joins the batch posted last while the owner has not begun writing it and nothing else was
/// posted after it; otherwise it starts a new batch, which is one posted action. At most <c>maxUnwritten</c> items are
/// unwritten at a time (<see cref="PostWindow"/>). One producer, one owner.
/// </summary>
/// <remarks>
/// Why batches: one posted action per item costs a queue entry, a delegate and a wake-up signal each, and when the
/// owner is faster than the worker for a moment it sleeps and is woken for nearly every item; those thread switches
/// cost more than writing the item. A batch grows only while the owner is busy, so an owner that keeps up still gets
/// each item at once (a live answer's latency does not change), and a busy one takes what piled up in one go.
/// The order of everything posted is kept: a warning posted between two items closes the batch, so the items after
/// it are written after it.
/// </remarks>
internal sealed class BatchPoster<T>
{
    private readonly PipelineDispatcher _dispatcher;
    private readonly Action<T> _write;
    private readonly PostWindow _window;
    private readonly object _gate = new();
    private List<T>? _open;      // posted, not yet taken by the owner
    private long _openPostedAs;  // the dispatcher's post count just after _open was posted (producer only)

    public BatchPoster(PipelineDispatcher dispatcher, Action<T> write, int maxUnwritten)
    {
        _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        _write = write ?? throw new ArgumentNullException(nameof(write));
        _window = new PostWindow(maxUnwritten);
    }

    /// <summary>Items added and not yet written.</summary>
    public int Unwritten => _window.Unwritten;

    /// <summary>Worker: hand one item to the owner; waits while <c>maxUnwritten</c> items are unwritten.</summary>
    public void Add(T item, CancellationToken ct)
    {
        _window.Enter(ct);
        List<T> batch;
        lock (_gate)
        {
            if (_open != null && _dispatcher.Posted == _openPostedAs)
            {
                _open.Add(item);
                return;
            }
            batch = new List<T> { item };
            _open = batch;
        }
        // Posted outside the lock: Post may wake the owner (a system call), which would then wait for the lock to take
        // the batch. Until it is posted only this thread can add to it, and _openPostedAs is this thread's alone.
        _dispatcher.Post(() => Write(batch));
        _openPostedAs = _dispatcher.Posted;
    }

    /// <summary>Owner: closes the batch to further items, then writes it.</summary>
    private void Write(List<T> batch)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_open, batch)) _open = null;
        }
        foreach (var item in batch)
        {
            _window.Leave();
            _write(item);
        }
    }
}
