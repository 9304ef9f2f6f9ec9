using KimiPS.Core;

namespace KimiPS.Core.Tests.Throughput;

public sealed class AdaptiveConcurrencyLimitTests
{
    [Fact]
    public void A_throttle_halves_the_limit_but_never_below_one()
    {
        var limit = new AdaptiveConcurrencyLimit(8);

        Assert.True(limit.OnThrottled(limit.Generation));
        Assert.Equal(4, limit.Current);
        limit.OnThrottled(limit.Generation);
        limit.OnThrottled(limit.Generation);
        limit.OnThrottled(limit.Generation);
        Assert.Equal(1, limit.Current);
    }

    [Fact]
    public void Throttles_from_items_started_before_the_last_cut_do_not_cut_again()
    {
        var limit = new AdaptiveConcurrencyLimit(8);
        var started = limit.Generation;

        Assert.True(limit.OnThrottled(started));
        Assert.False(limit.OnThrottled(started));
        Assert.False(limit.OnThrottled(started));

        Assert.Equal(4, limit.Current);
    }

    [Fact]
    public void The_limit_grows_by_one_per_window_of_successes_up_to_the_maximum()
    {
        var limit = new AdaptiveConcurrencyLimit(8);
        limit.OnThrottled(limit.Generation); // 4

        for (var i = 0; i < 3; i++)
            Assert.False(limit.OnSuccess());
        Assert.True(limit.OnSuccess());
        Assert.Equal(5, limit.Current);

        for (var i = 0; i < 5 + 6 + 7; i++)
            limit.OnSuccess();
        Assert.Equal(8, limit.Current);

        for (var i = 0; i < 100; i++)
            limit.OnSuccess();
        Assert.Equal(8, limit.Current);
    }
}
