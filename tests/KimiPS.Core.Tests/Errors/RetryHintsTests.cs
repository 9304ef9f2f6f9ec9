using static KimiPS.Core.Tests.Errors.TestData;

namespace KimiPS.Core.Tests.Errors;

public sealed class RetryHintsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static TimeSpan? Delay(string? message, params (string, string)[] headers) =>
        RetryHints.ServerDelay(Headers(headers), message, Now);

    [Fact]
    public void Retry_after_ms_beats_Retry_After_which_beats_the_text()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1500),
            Delay("please try again after 9 seconds", ("retry-after-ms", "1500"), ("Retry-After", "7")));
        Assert.Equal(TimeSpan.FromSeconds(7), Delay("please try again after 9 seconds", ("Retry-After", "7")));
        Assert.Equal(TimeSpan.FromSeconds(9), Delay("please try again after 9 seconds"));
    }

    [Fact]
    public void Retry_after_ms_may_be_fractional()
    {
        Assert.Equal(TimeSpan.FromTicks(2505 * 10), Delay(null, ("retry-after-ms", "2.505")));
    }

    [Fact]
    public void Retry_After_in_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), Delay(null, ("Retry-After", "120")));
        Assert.Equal(TimeSpan.FromSeconds(1.5), Delay(null, ("retry-after", " 1.5 ")));
    }

    [Fact]
    public void Retry_After_as_an_http_date_is_measured_against_the_injected_clock()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Delay(null, ("Retry-After", "Sun, 01 Mar 2026 12:00:30 GMT")));
        Assert.Equal(TimeSpan.FromMinutes(5), RetryHints.ServerDelay(
            Headers(("Retry-After", "Sun, 01 Mar 2026 12:00:30 GMT")), null, Now.AddSeconds(-270)));
    }

    [Fact]
    public void A_date_in_the_past_is_ignored_and_the_next_source_used()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), Delay("please try again after 3 seconds", ("Retry-After", "Sun, 01 Mar 2026 11:59:00 GMT")));
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("soon")]
    [InlineData("")]
    [InlineData("1e9")]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    public void Negative_zero_or_unparsable_headers_are_ignored(string value)
    {
        Assert.Null(Delay(null, ("retry-after-ms", value), ("Retry-After", value)));
        Assert.Equal(TimeSpan.FromSeconds(2), Delay("try again after 2 seconds", ("retry-after-ms", value), ("Retry-After", value)));
    }

    [Theory]
    [InlineData("Your account org<ak> request reached organization max RPM: 3, please try again after 3 seconds", 3)]
    [InlineData("after 3 seconds", 3)]
    [InlineData("PLEASE TRY AGAIN AFTER 1 SECOND", 1)]
    [InlineData("retry after 2.5 seconds", 2.5)]
    [InlineData("try again after 20s", 20)]
    [InlineData("您的帐户请求已达到组织最大并发数：1，请在 6 秒后重试", 6)]
    public void Kimi_after_N_seconds_text(string message, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Delay(message));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("The engine is currently overloaded, please try again later")]
    [InlineData("after 5 sessions")]
    [InlineData("please try again after 0 seconds")]
    public void No_hint(string? message)
    {
        Assert.Null(Delay(message));
    }

    [Fact]
    public void Huge_values_are_clamped_not_overflowed()
    {
        var delay = Delay(null, ("Retry-After", "99999999999999999999"));
        Assert.NotNull(delay);
        Assert.True(delay > TimeSpan.FromHours(1));
    }
}
