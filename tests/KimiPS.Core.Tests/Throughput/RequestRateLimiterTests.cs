using KimiPS.Core;

namespace KimiPS.Core.Tests.Throughput;

/// <summary>The limiter on a fake clock: exact counts, no waiting.</summary>
public sealed class RequestRateLimiterTests
{
    private TimeSpan _now = TimeSpan.FromSeconds(100);

    private RequestRateLimiter Create(int? rpm, int? tpm) => new(rpm, tpm, () => _now);

    [Fact]
    public void Requests_per_minute_allow_a_one_second_burst_then_one_start_per_interval()
    {
        var limiter = Create(rpm: 600, tpm: null);

        for (var i = 0; i < 10; i++)
            Assert.True(limiter.TryAcquire(0, out _));
        Assert.False(limiter.TryAcquire(0, out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(100), wait);

        _now += TimeSpan.FromMilliseconds(100);
        Assert.True(limiter.TryAcquire(0, out _));
        Assert.False(limiter.TryAcquire(0, out _));

        Assert.Equal(11, limiter.Granted);
        Assert.Equal(2, limiter.Refused);
    }

    [Fact]
    public void A_tier0_limit_of_3_per_minute_spaces_starts_20_seconds_apart()
    {
        var limiter = Create(rpm: 3, tpm: null);

        Assert.True(limiter.TryAcquire(0, out _));
        Assert.False(limiter.TryAcquire(0, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(20), wait);

        _now += TimeSpan.FromSeconds(19);
        Assert.False(limiter.TryAcquire(0, out _));
        _now += TimeSpan.FromSeconds(1);
        Assert.True(limiter.TryAcquire(0, out _));
    }

    [Fact]
    public void A_start_takes_both_permits_or_neither()
    {
        // 2 requests burst (2/s); 600 tokens (10/s).
        var limiter = Create(rpm: 120, tpm: 600);

        Assert.True(limiter.TryAcquire(500, out _));   // 1 request and 100 tokens left
        Assert.False(limiter.TryAcquire(200, out var tokenWait));
        Assert.Equal(TimeSpan.FromSeconds(10), tokenWait);

        // The refusal above did not spend the remaining request permit.
        Assert.True(limiter.TryAcquire(50, out _));
        Assert.False(limiter.TryAcquire(0, out var requestWait));
        Assert.Equal(TimeSpan.FromSeconds(0.5), requestWait);
    }

    [Fact]
    public void A_cost_above_the_whole_token_limit_waits_for_a_full_bucket_instead_of_never_starting()
    {
        var limiter = Create(rpm: null, tpm: 600);

        Assert.True(limiter.TryAcquire(10_000, out _));
        Assert.False(limiter.TryAcquire(10_000, out var wait));
        Assert.Equal(TimeSpan.FromMinutes(1), wait);
    }

    [Fact]
    public void Without_limits_everything_is_granted()
    {
        var limiter = Create(rpm: null, tpm: null);

        Assert.False(limiter.IsActive);
        for (var i = 0; i < 1000; i++)
            Assert.True(limiter.TryAcquire(1_000_000, out _));
        Assert.Equal(0, limiter.Refused);
    }
}
