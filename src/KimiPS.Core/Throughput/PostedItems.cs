namespace KimiPS.Core;

/// <summary>
/// A worker's items (a stream's chunks) for the owner's thread of a <see cref="PipelineDispatcher"/>, posted in
/// batches: an item joins the batch posted last while the owner has not started it and nothing else was posted
/// since, so a fast stream costs one posted action (and one wake-up of the owner) per batch instead of per item,
/// and a warning posted between two items is still written between them. At most <c>capacity</c> items wait
/// unwritten: a slow consumer holds the worker back instead of letting a stream pile up in memory.
/// </summary>
internal sealed class PostedItems<T>
{
    private readonly PipelineDispatcher _dispatcher;
    private readonly Action<T> _write;
    private readonly SemaphoreSlim _room;
    private readonly object _gate = new();
    private List<T>? _open;      // the batch posted last, until the owner takes it
    private long _openPost;      // the dispatcher's post count at that batch's post

    public PostedItems(PipelineDispatcher dispatcher, Action<T> write, int capacity)
    {
        _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        _write = write ?? throw new ArgumentNullException(nameof(write));
        // Not disposed: a batch written after the worker is gone may still release it. It has no wait handle to free.
        _room = new SemaphoreSlim(capacity, capacity);
    }

    /// <summary>Worker: queue <paramref name="item"/> for the owner, waiting (cancellably) while the batch is full.</summary>
    public void Post(T item, CancellationToken ct)
    {
        _room.Wait(ct);
        lock (_gate)
        {
            if (_open != null && _openPost == _dispatcher.PostedCount)
            {
                _open.Add(item);
                return;
            }
            var batch = new List<T> { item };
            _open = batch;
            _openPost = _dispatcher.PostCounted(() => Write(batch));
        }
    }

    /// <summary>Owner: writes a batch; items the worker adds from now on go to a new one.</summary>
    private void Write(List<T> batch)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_open, batch)) _open = null;
        }
        _room.Release(batch.Count);
        foreach (var item in batch) _write(item);
    }
}
