using KimiPS.Core;

namespace KimiPS.Core.Tests.Throughput;

/// <summary>429 back-off and re-runs, RPM and TPM. Fake work; counts and ordering, never wall-clock asserts.</summary>
public sealed class OrderedWorkQueueLimitTests
{
    private static readonly TimeSpan Patience = OrderedWorkQueueTests.Patience;

    private static KimiApiException Http429(string errorId, bool retryable = true, TimeSpan? retryAfter = null) =>
        new(errorId, KimiErrorCategories.LimitsExceeded, "429 from the fake server", null, 429,
            retryAfter: retryAfter ?? TimeSpan.FromMilliseconds(1))
        { IsRetryable = retryable };

    /// <summary>Work that fails the first <paramref name="failures"/> attempts of the chosen items, then returns the input.</summary>
    private sealed class FlakyWork(Func<int, bool> flaky, int failures, Func<Exception> error)
    {
        private readonly Dictionary<int, int> _attempts = new();

        public int AttemptsOf(int item)
        {
            lock (_attempts)
                return _attempts.TryGetValue(item, out var n) ? n : 0;
        }

        public int Run(int item, CancellationToken _)
        {
            int attempt;
            lock (_attempts)
                _attempts[item] = attempt = AttemptsOfUnlocked(item) + 1;
            if (flaky(item) && attempt <= failures)
                throw error();
            return item;
        }

        private int AttemptsOfUnlocked(int item) => _attempts.TryGetValue(item, out var n) ? n : 0;
    }

    [Theory]
    [InlineData(KimiErrorIds.RateLimitReached)]
    [InlineData(KimiErrorIds.EngineOverloaded)]
    public void A_429_halves_the_concurrency_and_the_item_is_re_run_until_it_succeeds(string errorId)
    {
        var work = new FlakyWork(i => i == 0, failures: 2, () => Http429(errorId));
        var messages = new List<(string Text, int Thread)>();
        using var queue = Queues.New<int, int>(8, work.Run, null, CancellationToken.None,
            onThrottle: m => messages.Add((m, Environment.CurrentManagedThreadId)));

        var results = OrderedWorkQueueTests.Drive(queue, new[] { 0 });

        var result = Assert.Single(results);
        Assert.True(result.Succeeded);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, work.AttemptsOf(0));
        // Two cuts (the re-run started after the first cut, so its 429 is news): 8 -> 4 -> 2; one success is too few to grow.
        Assert.Equal(2, queue.CurrentConcurrencyLimit);
        Assert.Collection(messages,
            m => Assert.Contains($"({errorId}): concurrency 8 -> 4", m.Text),
            m => Assert.Contains("concurrency 4 -> 2", m.Text));
        Assert.All(messages, m => Assert.Equal(Environment.CurrentManagedThreadId, m.Thread));
    }

    [Fact]
    public void After_a_429_the_limit_grows_back_with_successes()
    {
        var work = new FlakyWork(i => i == 0, failures: 1, () => Http429(KimiErrorIds.RateLimitReached));
        var messages = new List<string>();
        using var queue = Queues.New<int, int>(8, work.Run, null, CancellationToken.None, onThrottle: messages.Add);

        var results = OrderedWorkQueueTests.Drive(queue, Enumerable.Range(0, 40));

        Assert.Equal(Enumerable.Range(0, 40), results.Select(r => r.Value));
        Assert.Contains("concurrency 8 -> 4", Assert.Single(messages));
        // 4 + 5 + 6 + 7 = 22 successes bring 4 back to 8; at least 30 of the 40 came after the cut.
        Assert.Equal(8, queue.CurrentConcurrencyLimit);
    }

    [Fact]
    public void A_burst_of_429s_from_items_in_flight_together_halves_only_once()
    {
        using var allInFlight = new CountdownEvent(8);
        var attempts = new int[8];
        var messages = new List<string>();
        using var queue = Queues.New<int, int>(8, (i, _) =>
        {
            if (Interlocked.Increment(ref attempts[i]) == 1)
            {
                allInFlight.Signal();
                allInFlight.Wait(Patience);
                throw Http429(KimiErrorIds.RateLimitReached);
            }
            return i;
        }, null, CancellationToken.None, onThrottle: messages.Add);

        var results = OrderedWorkQueueTests.Drive(queue, Enumerable.Range(0, 8));

        Assert.All(results, r => Assert.Equal(2, r.Attempts));
        Assert.Contains("concurrency 8 -> 4", Assert.Single(messages));
        // 8 successes after the cut: 4 of them take 4 to 5, the other 4 are short of the next 5.
        Assert.Equal(5, queue.CurrentConcurrencyLimit);
    }

    [Fact]
    public void Re_runs_are_bounded()
    {
        var work = new FlakyWork(i => i == 0, failures: int.MaxValue, () => Http429(KimiErrorIds.RateLimitReached));
        using var queue = Queues.New<int, int>(4, work.Run, null, CancellationToken.None);

        var result = Assert.Single(OrderedWorkQueueTests.Drive(queue, new[] { 0 }));

        Assert.False(result.Succeeded);
        Assert.Equal(KimiErrorIds.RateLimitReached, Assert.IsType<KimiApiException>(result.Error).ErrorId);
        // MaxReRuns (the connection's MaxRetries, default 2): sent 1 + 2 times in all.
        Assert.Equal(1 + 2, result.Attempts);
        Assert.Equal(1 + 2, work.AttemptsOf(0));
        Assert.Equal(1, queue.CurrentConcurrencyLimit);
    }

    [Fact]
    public void Requests_the_HTTP_layer_already_made_count_against_the_same_budget()
    {
        // Each run's 429 says the HTTP layer sent it twice (a 500 retried before the 429): 2 + 2 requests reach MaxReRuns 3.
        var work = new FlakyWork(i => i == 0, failures: int.MaxValue, () => { var e = Http429(KimiErrorIds.RateLimitReached); e.Attempts = 2; return e; });
        using var queue = Queues.New<int, int>(4, work.Run, null, CancellationToken.None);
        queue.MaxReRuns = 3;

        var result = Assert.Single(OrderedWorkQueueTests.Drive(queue, new[] { 0 }));

        Assert.False(result.Succeeded);
        Assert.Equal(2, work.AttemptsOf(0));
    }

    [Fact]
    public void A_used_up_quota_is_never_re_run_and_does_not_slow_the_others()
    {
        var work = new FlakyWork(i => i == 1, failures: 1, () => Http429(KimiErrorIds.QuotaExceeded, retryable: true));
        var messages = new List<string>();
        using var queue = Queues.New<int, int>(8, work.Run, null, CancellationToken.None, onThrottle: messages.Add);

        var results = OrderedWorkQueueTests.Drive(queue, Enumerable.Range(0, 3));

        Assert.Equal(new[] { true, false, true }, results.Select(r => r.Succeeded));
        Assert.Equal(KimiErrorIds.QuotaExceeded, Assert.IsType<KimiApiException>(results[1].Error).ErrorId);
        Assert.Equal(1, work.AttemptsOf(1));
        Assert.Equal(8, queue.CurrentConcurrencyLimit);
        Assert.Empty(messages);
    }

    [Fact]
    public void A_non_retryable_429_is_not_re_run_but_still_slows_down()
    {
        var work = new FlakyWork(i => i == 0, failures: 1, () => Http429(KimiErrorIds.RateLimitReached, retryable: false));
        using var queue = Queues.New<int, int>(8, work.Run, null, CancellationToken.None);

        var result = Assert.Single(OrderedWorkQueueTests.Drive(queue, new[] { 0 }));

        Assert.False(result.Succeeded);
        Assert.Equal(1, work.AttemptsOf(0));
        Assert.Equal(4, queue.CurrentConcurrencyLimit);
    }

    [Fact]
    public void A_429_asking_for_a_longer_wait_than_the_cap_fails_the_item_without_waiting()
    {
        var work = new FlakyWork(i => i == 0, failures: 1,
            () => Http429(KimiErrorIds.RateLimitReached, retryAfter: TimeSpan.FromHours(1)));
        using var queue = Queues.New<int, int>(8, work.Run, null, CancellationToken.None);

        var results = OrderedWorkQueueTests.Drive(queue, Enumerable.Range(0, 3));

        Assert.Equal(new[] { false, true, true }, results.Select(r => r.Succeeded));
        Assert.Equal(1, work.AttemptsOf(0));
    }

    [Fact]
    public void Other_retryable_errors_are_left_to_the_HTTP_layer_and_not_re_run()
    {
        var work = new FlakyWork(i => i == 0, failures: 1, () =>
            new KimiApiException(KimiErrorIds.ServerError, KimiErrorCategories.ResourceUnavailable, "502", null, 502) { IsRetryable = true });
        using var queue = Queues.New<int, int>(8, work.Run, null, CancellationToken.None);

        var result = Assert.Single(OrderedWorkQueueTests.Drive(queue, new[] { 0 }));

        Assert.False(result.Succeeded);
        Assert.Equal(1, work.AttemptsOf(0));
        Assert.Equal(8, queue.CurrentConcurrencyLimit);
    }

    [Fact]
    public void Requests_per_minute_are_enforced_by_the_limiter()
    {
        // 600 RPM: a burst of 10, then one start per 100 ms.
        using var queue = Queues.New<int, int>(20, (i, _) => i, new KimiRateLimits { RequestsPerMinute = 600 }, CancellationToken.None);
        queue.RateLimiter.RecordGrants();

        var results = OrderedWorkQueueTests.Drive(queue, Enumerable.Range(0, 20));

        Assert.Equal(Enumerable.Range(0, 20), results.Select(r => r.Value));
        Assert.Equal(20, queue.RateLimiter.Granted);
        // Counts per window, by the limiter's own clock: any 500 ms holds at most the burst (10) + 5 refills.
        var grants = queue.RateLimiter.GrantTimes!;
        // 20 starts need the burst plus 10 refills (1 s): sooner is only possible if the limiter refused some. On a
        // loaded machine the adds themselves may take that long, and then no refusal is needed.
        var span = grants.Max() - grants.Min();
        Assert.True(queue.RateLimiter.Refused >= 1 || span >= TimeSpan.FromMilliseconds(900),
            $"20 starts in {span.TotalMilliseconds:0} ms without a single refusal: more than a burst of 10 plus refills");
        foreach (var start in grants)
            Assert.InRange(grants.Count(t => t >= start && t < start + TimeSpan.FromMilliseconds(500)), 1, 15);
    }

    [Fact]
    public void Tokens_per_minute_hold_back_an_item_whose_estimate_does_not_fit()
    {
        // 60,000 TPM at 50,000 tokens an item: the second would wait about 40 s, so it must not start now.
        using var cts = new CancellationTokenSource();
        var started = new List<int>();
        using var queue = Queues.New<int, int>(8, (i, _) =>
        {
            lock (started)
                started.Add(i);
            return i;
        }, new KimiRateLimits { TokensPerMinute = 60_000 }, cts.Token, estimateTokens: _ => 50_000);

        var owner = new Thread(() =>
        {
            queue.Add(0);
            try
            {
                queue.Add(1);
            }
            catch (OperationCanceledException)
            {
            }
        });
        owner.Start();
        Assert.True(SpinWait.SpinUntil(() => queue.RateLimiter.Refused >= 1, Patience));
        cts.Cancel();
        Assert.True(owner.Join(Patience));
        // Finish returns (by throwing) only after item 0's work has ended.
        Assert.Throws<OperationCanceledException>(() => queue.Finish().ToList());

        Assert.Equal(new[] { 0 }, started);
    }
}
