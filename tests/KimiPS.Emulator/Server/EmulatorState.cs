using KimiPS.Emulator.Endpoints;

namespace KimiPS.Emulator.Server;

/// <summary>Everything one emulator instance remembers; shared by the request pipeline and the public API.</summary>
internal sealed class EmulatorState
{
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<QueuedResponse> _queue = [];

    public EmulatorState()
    {
        Gate = new RateGate(Counters, Limits);
    }

    public EmulatorCounters Counters { get; } = new();

    public EmulatorLimits Limits { get; } = new();

    public RateGate Gate { get; }

    public FileStore Files { get; } = new();

    public BatchStore Batches { get; } = new();

    /// <summary>How batches created from now on run; Reset restores the default.</summary>
    public volatile BatchScript BatchScript = new();

    public volatile Func<RecordedRequest, EmulatorResponse?>? Handler;

    /// <summary>The model uses the first tool it is offered when a user message comes last (see ChatEndpoint).</summary>
    public volatile bool CallOfferedTools;

    /// <summary>A hostile server: every response repeats the caller's key (headers, request id, chat answers); see <see cref="KeyEcho"/>.</summary>
    public volatile bool EchoKey;

    public volatile ICollection<string> AcceptedKeys = new HashSet<string>(StringComparer.Ordinal) { KimiEmulator.ApiKey };

    public void Record(RecordedRequest request)
    {
        lock (_gate) _requests.Add(request);
    }

    public IReadOnlyList<RecordedRequest> Requests()
    {
        lock (_gate) return _requests.ToArray();
    }

    public void Enqueue(EmulatorResponse response)
    {
        if (response.Times < 1) throw new ArgumentOutOfRangeException(nameof(response), "Times must be at least 1.");
        lock (_gate) _queue.Add(new QueuedResponse(response, response.Times));
    }

    /// <summary>The first queued response that matches, FIFO; it leaves the queue after answering <c>Times</c> requests.</summary>
    public EmulatorResponse? TakeScripted(RecordedRequest request)
    {
        lock (_gate)
        {
            var index = _queue.FindIndex(q => q.Response.Matches(request));
            if (index < 0) return null;
            var queued = _queue[index];
            if (--queued.Remaining == 0) _queue.RemoveAt(index);
            return queued.Response;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _queue.Clear();
        }
        Counters.Reset();
        Gate.Reset();
        Files.Clear();
        Batches.Clear();
        BatchScript = new BatchScript();
        CallOfferedTools = false;
        EchoKey = false;
    }

    private sealed class QueuedResponse(EmulatorResponse response, int remaining)
    {
        public EmulatorResponse Response { get; } = response;

        public int Remaining { get; set; } = remaining;
    }
}
