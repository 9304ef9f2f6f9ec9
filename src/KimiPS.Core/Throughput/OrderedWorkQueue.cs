using System.Diagnostics;

namespace KimiPS.Core;

/// <summary>
/// Runs work items on background threads, at most <c>throttleLimit</c> at once and within the
/// <see cref="KimiRateLimits"/>, and hands the results back on the owner's thread in input order.
/// One failed item does not stop the others. Workers post to the owner's <see cref="PipelineDispatcher"/> (the one
/// the cmdlet drains for everything else too); its actions run on the owner's thread whenever it calls
/// <see cref="Add"/>, <see cref="TakeReady"/> or <see cref="Finish"/>, so a cmdlet writes only from the pipeline thread.
/// </summary>
/// <remarks>
/// <para>Concurrency is the smallest of <c>throttleLimit</c>, <see cref="KimiRateLimits.MaxConcurrency"/> and an
/// AIMD limit (<see cref="CurrentConcurrencyLimit"/>) that halves when an item fails with a 429 that asks us to
/// slow down (<see cref="KimiErrorIds.RateLimitReached"/>, <see cref="KimiErrorIds.EngineOverloaded"/>) and grows
/// back with successes. Such an item is re-run (until it has been sent <see cref="MaxReRuns"/> + 1 times, ahead of new items) after
/// new starts were paused for the server's Retry-After (<see cref="ThrottleBackoff"/>). Requests and estimated
/// tokens per minute go through <see cref="RequestRateLimiter"/>.</para>
/// <para>Items are started by whichever thread frees a slot (a finishing worker, a timer, or the owner in
/// <see cref="Add"/>), so work keeps flowing even while the owner is busy elsewhere; only results and posted
/// actions wait for the owner.</para>
/// </remarks>
internal sealed class OrderedWorkQueue<TIn, TOut> : IDisposable
{
    private readonly object _gate = new();
    private readonly Func<TIn, CancellationToken, TOut> _work;
    private readonly Func<TIn, int> _estimateTokens;
    private readonly Action<string> _onThrottle;
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenSource _cts;
    private readonly CancellationTokenRegistration _cancelRegistration;
    private readonly PipelineDispatcher _dispatcher;
    private readonly ThrottleBackoff _backoff;
    private readonly RequestRateLimiter _rate;
    private readonly Func<TimeSpan> _clock;
    private readonly Timer _timer;

    private readonly Queue<Slot> _outstanding = new(); // every item in input order, until its result is taken
    private readonly Queue<Slot> _pending = new();     // added, never started
    private readonly Queue<Slot> _reRuns = new();      // throttled, to run again before any new item

    private int _running;
    private bool _disposed;

    /// <param name="throttleLimit">Most items in flight at once.</param>
    /// <param name="work">Runs one item on a worker thread; gets a token that is cancelled with <paramref name="ct"/> or <see cref="Dispose"/>.</param>
    /// <param name="limits">The account's limits; null or null members: no such limit.</param>
    /// <param name="ct">Cancels the whole queue (the cmdlet's StopProcessing).</param>
    /// <param name="estimateTokens">An item's estimated token cost for <see cref="KimiRateLimits.TokensPerMinute"/> (return 0 for work that costs no tokens). Required, so that no caller can leave TPM out by forgetting it. Runs on the owner's thread in <see cref="Add"/>; if it throws, that item fails alone.</param>
    /// <param name="onThrottle">Gets a message such as "Backing off after a 429 (KimiRateLimitReached): concurrency 8 -> 4 ..." on the owner's thread (for WriteWarning). Required for the same reason.</param>
    /// <param name="dispatcher">The owner's dispatcher: the queue posts there and drains it while the owner waits in it.</param>
    public OrderedWorkQueue(int throttleLimit, Func<TIn, CancellationToken, TOut> work, KimiRateLimits? limits, CancellationToken ct,
        Func<TIn, int> estimateTokens, Action<string> onThrottle, PipelineDispatcher dispatcher)
    {
        _work = work ?? throw new ArgumentNullException(nameof(work));
        _estimateTokens = estimateTokens ?? throw new ArgumentNullException(nameof(estimateTokens));
        _onThrottle = onThrottle ?? throw new ArgumentNullException(nameof(onThrottle));
        _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        if (throttleLimit < 1)
            throw Errors.InvalidParameter("ThrottleLimit", "must be at least 1", "Use -ThrottleLimit 1 or more.");
        RequireAtLeastOne(limits?.MaxConcurrency, nameof(KimiRateLimits.MaxConcurrency));
        RequireAtLeastOne(limits?.RequestsPerMinute, nameof(KimiRateLimits.RequestsPerMinute));
        RequireAtLeastOne(limits?.TokensPerMinute, nameof(KimiRateLimits.TokensPerMinute));

        _backoff = new ThrottleBackoff(Math.Min(throttleLimit, limits?.MaxConcurrency ?? int.MaxValue));
        var stopwatch = Stopwatch.StartNew();
        _clock = () => stopwatch.Elapsed;
        _rate = new RequestRateLimiter(limits?.RequestsPerMinute, limits?.TokensPerMinute, _clock);
        _timer = new Timer(_ => StartWhatCan(), null, Timeout.Infinite, Timeout.Infinite);
        _callerToken = ct;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Registered last: if ct is already cancelled this runs now, and everything it touches exists.
        _cancelRegistration = _cts.Token.Register(OnCancelled);
    }

    /// <summary>How many items may be in flight now (the AIMD limit; at most <see cref="MaxConcurrencyLimit"/>).</summary>
    public int CurrentConcurrencyLimit
    {
        get { lock (_gate) return _backoff.Limit.Current; }
    }

    /// <summary>min(throttleLimit, MaxConcurrency): where <see cref="CurrentConcurrencyLimit"/> starts and returns to.</summary>
    public int MaxConcurrencyLimit => _backoff.Limit.Max;

    /// <summary>How many items are running now.</summary>
    public int InFlight
    {
        get { lock (_gate) return _running; }
    }

    /// <summary>See <see cref="ThrottleBackoff.MaxReRuns"/>.</summary>
    internal int MaxReRuns
    {
        get => _backoff.MaxReRuns;
        set => _backoff.MaxReRuns = value;
    }

    /// <summary>See <see cref="ThrottleBackoff.DefaultPause"/>.</summary>
    internal TimeSpan DefaultThrottlePause
    {
        get => _backoff.DefaultPause;
        set => _backoff.DefaultPause = value;
    }

    /// <summary>See <see cref="ThrottleBackoff.MaxPause"/>.</summary>
    internal TimeSpan MaxThrottlePause
    {
        get => _backoff.MaxPause;
        set => _backoff.MaxPause = value;
    }

    /// <summary>How long <see cref="Dispose"/> waits for running items to see the cancellation.</summary>
    internal TimeSpan DisposeWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The RPM/TPM limiter, for tests and diagnostics.</summary>
    internal RequestRateLimiter RateLimiter => _rate;

    /// <summary>Queues an item. Blocks (running posted actions meanwhile) while throttleLimit items are in flight.</summary>
    /// <remarks>
    /// Returns once the item has started, so the upstream pipeline is held back by the window and by the rate
    /// limits; results need not have been taken (an owner that never calls <see cref="TakeReady"/> cannot deadlock).
    /// Throws <see cref="OperationCanceledException"/> if the queue is cancelled before the item starts.
    /// </remarks>
    public void Add(TIn item)
    {
        ThrowIfDisposed();
        ThrowIfCancelled();

        var slot = new Slot(item);
        try
        {
            slot.Cost = Math.Max(0, _estimateTokens(item));
        }
        catch (Exception ex)
        {
            // Only this item is broken; it keeps its place in the output as an error.
            slot.Result = new WorkResult<TIn, TOut>(item, default, ex) { Attempts = 0 };
            lock (_gate)
                _outstanding.Enqueue(slot);
            return;
        }

        lock (_gate)
        {
            _outstanding.Enqueue(slot);
            _pending.Enqueue(slot);
        }
        StartWhatCan();
        _dispatcher.PumpUntil(() =>
        {
            lock (_gate)
                return slot.Attempts > 0 || _cts.IsCancellationRequested;
        });

        bool started;
        lock (_gate)
            started = slot.Attempts > 0;
        if (!started)
        {
            ThrowIfDisposed();
            ThrowIfCancelled();
        }
    }

    /// <summary>The results that are ready, in input order, without waiting.</summary>
    /// <remarks>Runs posted actions first, so what an item posted before it ended (a warning) comes before its result.</remarks>
    public IEnumerable<WorkResult<TIn, TOut>> TakeReady()
    {
        ThrowIfDisposed();
        return TakeReadyCore(out _);
    }

    /// <summary>Waits for every item, yielding results in input order as each becomes ready.</summary>
    /// <remarks>
    /// Runs posted actions while it waits. If the queue is cancelled, items not yet started never start; it waits
    /// for the running ones to end (so no worker outlives it) and then throws <see cref="OperationCanceledException"/>.
    /// </remarks>
    public IEnumerable<WorkResult<TIn, TOut>> Finish()
    {
        ThrowIfDisposed();
        return FinishCore();
    }

    /// <summary>Any thread: queue an action for the owner's thread (on the owner's dispatcher).</summary>
    public void Post(Action action) => _dispatcher.Post(action);

    /// <summary>Cancels the queue and waits briefly (<see cref="DisposeWait"/>) for running items.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
        }

        try
        {
            _cts.Cancel();
        }
        catch (AggregateException)
        {
            // A callback the work registered on its token threw; disposing must still finish.
        }

        bool idle;
        lock (_gate)
        {
            _timer.Dispose();
            var deadline = _clock() + DisposeWait;
            while (_running > 0)
            {
                var left = deadline - _clock();
                if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left))
                    break;
            }
            idle = _running == 0;
        }
        _cancelRegistration.Dispose();
        // Work still running holds our token; disposing its source under it could throw in the work.
        if (idle)
            _cts.Dispose();
    }

    private IEnumerable<WorkResult<TIn, TOut>> FinishCore()
    {
        while (true)
        {
            if (_cts.IsCancellationRequested)
            {
                _dispatcher.PumpUntil(() =>
                {
                    lock (_gate)
                        return _running == 0;
                });
                ThrowIfCancelled();
                throw new ObjectDisposedException(GetType().Name);
            }

            var ready = TakeReadyCore(out var allDone);
            foreach (var result in ready)
                yield return result;
            if (allDone)
                yield break;

            _dispatcher.PumpUntil(() =>
            {
                lock (_gate)
                    return _outstanding.Count == 0 || _outstanding.Peek().Result is not null || _cts.IsCancellationRequested;
            });
        }
    }

    /// <summary>
    /// Owner's thread: counts the ready results at the head, runs posted actions, then takes exactly those. Counting
    /// first keeps a warning an item posted before it ended ahead of its result; taking after the pump means a
    /// posted action that throws (PipelineStoppedException) loses no result.
    /// </summary>
    private List<WorkResult<TIn, TOut>> TakeReadyCore(out bool allDone)
    {
        int count;
        lock (_gate)
            count = _outstanding.TakeWhile(slot => slot.Result is not null).Count();
        _dispatcher.Pump();

        var ready = new List<WorkResult<TIn, TOut>>(count);
        lock (_gate)
        {
            // Results at the head never go back to "not ready", so these are the ones counted above.
            for (var i = 0; i < count; i++)
                ready.Add(_outstanding.Dequeue().Result!);
            allDone = _outstanding.Count == 0;
        }
        return ready;
    }

    /// <summary>Any thread: start as many waiting items as the window, the pause and the rate limits allow.</summary>
    private void StartWhatCan()
    {
        List<Slot>? starting = null;
        lock (_gate)
        {
            if (_cts.IsCancellationRequested)
            {
                // Never start anything after cancellation; these items simply have no result.
                _pending.Clear();
                _reRuns.Clear();
                return;
            }

            while (_reRuns.Count + _pending.Count > 0 && _running < _backoff.Limit.Current)
            {
                var now = _clock();
                if (now < _backoff.PausedUntil)
                {
                    ArmTimer(_backoff.PausedUntil - now);
                    break;
                }

                var queue = _reRuns.Count > 0 ? _reRuns : _pending;
                var slot = queue.Peek();
                if (!_rate.TryAcquire(slot.Cost, out var wait))
                {
                    ArmTimer(wait);
                    break;
                }

                queue.Dequeue();
                slot.Attempts++;
                slot.Generation = _backoff.Limit.Generation;
                _running++;
                (starting ??= new List<Slot>()).Add(slot);
            }
        }

        if (starting is null)
            return;
        // A thread per item, not the pool: each item blocks for a whole HTTP request, and .NET Framework
        // (Windows PowerShell 5.1) injects pool threads about twice a second, which would hold
        // -ThrottleLimit 8 below 8 in flight for seconds. A thread costs little next to a request.
        foreach (var slot in starting)
            new Thread(state => RunItem((Slot)state!)) { IsBackground = true, Name = "KimiPS work item" }.Start(slot);
        _dispatcher.Wake(); // an Add may be waiting for its item to start
    }

    private void RunItem(Slot slot)
    {
        TOut? value = default;
        Exception? error = null;
        try
        {
            value = _work(slot.Input, _cts.Token);
        }
        catch (Exception ex)
        {
            error = ex;
        }
        OnItemEnded(slot, value, error);
    }

    private void OnItemEnded(Slot slot, TOut? value, Exception? error)
    {
        lock (_gate)
        {
            _running--;
            var throttle = error is null ? null : ThrottleSignal.AsThrottle(error);
            if (error is null)
            {
                _backoff.Limit.OnSuccess();
                slot.Result = new WorkResult<TIn, TOut>(slot.Input, value, null) { Attempts = slot.Attempts };
            }
            else if (throttle is not null && !_cts.IsCancellationRequested)
            {
                // Requests, not starts: a run whose HTTP layer retried (a 500 before the 429) spent more than one.
                slot.Requests += Math.Max(1, (throttle as KimiApiException)?.Attempts ?? 1);
                var again = _backoff.OnThrottled(throttle, slot.Generation, slot.Requests, _clock(), out var warning);
                // Posted under the lock: the warning is queued before the owner can take this item's result.
                if (warning is not null)
                    _dispatcher.Post(() => _onThrottle(warning));
                if (again)
                    _reRuns.Enqueue(slot);
                else
                    slot.Result = Failed(slot, error);
            }
            else
            {
                slot.Result = Failed(slot, error);
            }

            if (_running == 0)
                Monitor.PulseAll(_gate); // Dispose may be waiting
        }

        StartWhatCan();
        _dispatcher.Wake(); // Finish may be waiting for this result
    }

    private static WorkResult<TIn, TOut> Failed(Slot slot, Exception error) =>
        new(slot.Input, default, error) { Attempts = slot.Attempts };

    private void OnCancelled()
    {
        StartWhatCan(); // drops what never started
        _dispatcher.Wake();
    }

    /// <summary>Under the lock, or from the constructor.</summary>
    private void ArmTimer(TimeSpan due)
    {
        if (_disposed)
            return;
        var ms = (long)Math.Ceiling(due.TotalMilliseconds);
        _timer.Change(Math.Max(1, ms), Timeout.Infinite);
    }

    private void ThrowIfDisposed()
    {
        if (_disposed)
            throw new ObjectDisposedException(GetType().Name);
    }

    private void ThrowIfCancelled()
    {
        if (_callerToken.IsCancellationRequested)
            throw new OperationCanceledException(_callerToken);
    }

    private static void RequireAtLeastOne(int? value, string name)
    {
        if (value is < 1)
            throw Errors.InvalidParameter(name, "must be at least 1 when set", $"Set {name} to 1 or more, or leave it empty for no client-side limit.");
    }

    private sealed class Slot
    {
        public Slot(TIn input) => Input = input;

        public TIn Input { get; }
        public int Cost { get; set; }
        /// <summary>Requests sent for it that ended in a 429, counting the HTTP layer's own attempts.</summary>
        public int Requests { get; set; }
        /// <summary>How many times it started; 0 until the first start.</summary>
        public int Attempts { get; set; }
        /// <summary>The AIMD generation it last started in.</summary>
        public long Generation { get; set; }
        public WorkResult<TIn, TOut>? Result { get; set; }
    }
}
