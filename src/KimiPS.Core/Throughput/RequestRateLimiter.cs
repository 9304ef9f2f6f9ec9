using System.Diagnostics;

namespace KimiPS.Core;

/// <summary>
/// Two token buckets checked together: requests per minute and (estimated) tokens per minute. A start takes
/// one request permit and its token cost from both buckets at once, or from neither.
/// Not thread-safe: <see cref="OrderedWorkQueue{TIn, TOut}"/> calls it under its lock.
/// </summary>
/// <remarks>
/// Why not System.Threading.RateLimiting: its limiters cannot take permits from two limiters all-or-nothing
/// (a chained acquire that fails on the second leaves the first spent, and leases of rate limiters are never
/// refunded); they read a private Stopwatch, so tests could only assert wall-clock timings; and auto-replenishing
/// limiters each run a timer. This is a few dozen lines with an injectable clock, and it answers exactly how long
/// until the next start, which is what the queue's single timer needs.
/// <para>
/// Shapes: the request bucket holds one second's worth (<c>rpm / 60</c>, at least 1) and refills continuously,
/// so 600 RPM means bursts of 10 then one start per 100 ms, not 600 at once: servers and gateways commonly
/// enforce a per-minute limit over shorter slices. The token bucket holds a whole minute's worth, because a
/// single request may legitimately carry a large share of the limit; a cost above the whole limit is clamped
/// to it (it waits for a full bucket rather than never starting).
/// </para>
/// </remarks>
internal sealed class RequestRateLimiter
{
    private readonly Func<TimeSpan> _clock;
    private readonly Bucket? _requests;
    private readonly Bucket? _tokens;

    public RequestRateLimiter(int? requestsPerMinute, int? tokensPerMinute, Func<TimeSpan>? clock = null)
    {
        if (clock is null)
        {
            var stopwatch = Stopwatch.StartNew();
            clock = () => stopwatch.Elapsed;
        }
        _clock = clock;
        var now = _clock();
        if (requestsPerMinute is int rpm)
            _requests = new Bucket(capacity: Math.Max(1.0, rpm / 60.0), perSecond: rpm / 60.0, now);
        if (tokensPerMinute is int tpm)
            _tokens = new Bucket(capacity: tpm, perSecond: tpm / 60.0, now);
    }

    /// <summary>Whether any limit is configured.</summary>
    public bool IsActive => _requests is not null || _tokens is not null;

    private long _granted;
    private long _refused;

    /// <summary>How many starts were granted. Safe to read from any thread.</summary>
    public long Granted => Interlocked.Read(ref _granted);

    /// <summary>How many times a start was refused (the caller then waits and asks again). Safe to read from any thread.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>When each start was granted, by this limiter's clock (for tests and diagnostics; only while <see cref="RecordGrants"/>).</summary>
    public List<TimeSpan>? GrantTimes { get; private set; }

    /// <summary>Starts keeping <see cref="GrantTimes"/>.</summary>
    public void RecordGrants() => GrantTimes ??= new List<TimeSpan>();

    /// <summary>Takes one request and <paramref name="tokenCost"/> tokens, or nothing; when refused, <paramref name="retryAfter"/> is the wait until both would be available.</summary>
    public bool TryAcquire(int tokenCost, out TimeSpan retryAfter)
    {
        var now = _clock();
        _requests?.Refill(now);
        _tokens?.Refill(now);

        var requestWait = _requests?.TimeUntil(1.0) ?? TimeSpan.Zero;
        var tokenWait = _tokens?.TimeUntil(Math.Min(Math.Max(tokenCost, 0), _tokens.Capacity)) ?? TimeSpan.Zero;
        retryAfter = requestWait > tokenWait ? requestWait : tokenWait;
        if (retryAfter > TimeSpan.Zero)
        {
            Interlocked.Increment(ref _refused);
            return false;
        }

        _requests?.Take(1.0);
        _tokens?.Take(Math.Min(Math.Max(tokenCost, 0), _tokens.Capacity));
        Interlocked.Increment(ref _granted);
        GrantTimes?.Add(now);
        return true;
    }

    private sealed class Bucket
    {
        private readonly double _perSecond;
        private double _available;
        private TimeSpan _last;

        public Bucket(double capacity, double perSecond, TimeSpan now)
        {
            Capacity = capacity;
            _perSecond = perSecond;
            _available = capacity; // start full: the first burst need not wait
            _last = now;
        }

        public double Capacity { get; }

        public void Refill(TimeSpan now)
        {
            if (now <= _last)
                return;
            _available = Math.Min(Capacity, _available + (now - _last).TotalSeconds * _perSecond);
            _last = now;
        }

        public TimeSpan TimeUntil(double amount)
        {
            // A hair of tolerance: refill arithmetic in doubles must not turn "exactly enough" into a 0-tick wait loop.
            var missing = amount - _available;
            if (missing <= 1e-9)
                return TimeSpan.Zero;
            var seconds = missing / _perSecond;
            return TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling(seconds * TimeSpan.TicksPerSecond)));
        }

        public void Take(double amount) => _available -= amount;
    }
}
