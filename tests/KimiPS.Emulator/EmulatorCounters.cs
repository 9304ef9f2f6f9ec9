namespace KimiPS.Emulator;

/// <summary>What the emulator has seen. Every member is updated with Interlocked, so reads are safe from any thread.</summary>
public sealed class EmulatorCounters
{
    private long _requests;
    private long _connections;
    private long _bytesReceived;
    private int _activeRequests;
    private int _maxActiveRequests;
    private long _rejectedByLimit;
    private long _chatRequests;

    /// <summary>API requests received (control endpoints under <c>/_emulator/</c> are not counted).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>TCP connections accepted: 50 keep-alive calls over one pooled connection count 1.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Request body bytes read (uploads included, headers not).</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Requests accepted past the limits and not yet answered completely.</summary>
    public int ActiveRequests => Volatile.Read(ref _activeRequests);

    /// <summary>The highest <see cref="ActiveRequests"/> seen: shows whether a client kept within a concurrency limit.</summary>
    public int MaxActiveRequests => Volatile.Read(ref _maxActiveRequests);

    /// <summary>Requests answered 429 because of <see cref="EmulatorLimits"/>.</summary>
    public long RejectedByLimit => Interlocked.Read(ref _rejectedByLimit);

    /// <summary>Requests that arrived at a <c>…/chat/completions</c> path (before auth and limits), retries included.</summary>
    public long ChatRequests => Interlocked.Read(ref _chatRequests);

    internal long OnRequest() => Interlocked.Increment(ref _requests);
    internal void OnConnection() => Interlocked.Increment(ref _connections);
    internal void OnBytes(long count) => Interlocked.Add(ref _bytesReceived, count);
    internal void OnRejected() => Interlocked.Increment(ref _rejectedByLimit);
    internal void OnChat() => Interlocked.Increment(ref _chatRequests);

    /// <summary>Enters one active request and returns the new count; the caller decides whether it is over a limit.</summary>
    internal int EnterActive()
    {
        var now = Interlocked.Increment(ref _activeRequests);
        return now;
    }

    /// <summary>Records an accepted request's concurrency in the maximum (rejected ones are left out).</summary>
    internal void NoteAccepted(int active)
    {
        int seen;
        while (active > (seen = Volatile.Read(ref _maxActiveRequests)))
        {
            if (Interlocked.CompareExchange(ref _maxActiveRequests, active, seen) == seen) break;
        }
    }

    internal void ExitActive() => Interlocked.Decrement(ref _activeRequests);

    /// <summary>Zeroes everything except the requests in flight, which still have to leave.</summary>
    internal void Reset()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _connections, 0);
        Interlocked.Exchange(ref _bytesReceived, 0);
        Interlocked.Exchange(ref _maxActiveRequests, Volatile.Read(ref _activeRequests));
        Interlocked.Exchange(ref _rejectedByLimit, 0);
        Interlocked.Exchange(ref _chatRequests, 0);
    }
}
