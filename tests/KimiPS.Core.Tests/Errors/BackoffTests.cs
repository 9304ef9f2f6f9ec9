namespace KimiPS.Core.Tests.Errors;

public sealed class BackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(8);

    [Fact]
    public void Stays_within_half_to_full_of_the_doubled_delay_and_never_zero()
    {
        for (var seed = 0; seed < 500; seed++)
        {
            var random = new Random(seed);
            for (var n = 1; n <= 10; n++)
            {
                var d = TimeSpan.FromTicks(Math.Min(Cap.Ticks, Base.Ticks << (n - 1)));
                var delay = Backoff.Next(n, Base, Cap, random);

                Assert.True(delay >= TimeSpan.FromTicks(d.Ticks / 2), $"n={n} seed={seed}: {delay} < {d}/2");
                Assert.True(delay <= d, $"n={n} seed={seed}: {delay} > {d}");
                Assert.True(delay <= Cap, $"n={n} seed={seed}: {delay} above the cap");
                Assert.True(delay > TimeSpan.Zero);
            }
        }
    }

    [Fact]
    public void First_retry_is_never_immediate_even_when_random_returns_zero()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(250), Backoff.Next(1, Base, Cap, new FixedRandom(0.0)));
    }

    [Fact]
    public void Jitter_actually_varies()
    {
        var random = new Random(42);
        var seen = new HashSet<TimeSpan>();
        for (var i = 0; i < 20; i++) seen.Add(Backoff.Next(3, Base, Cap, random));
        Assert.True(seen.Count > 1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(int.MaxValue)]
    public void Odd_retry_numbers_do_not_overflow(int n)
    {
        var delay = Backoff.Next(n, Base, Cap, new Random(1));
        Assert.True(delay > TimeSpan.Zero && delay <= Cap);
    }

    [Fact]
    public void Zero_base_delay_still_waits()
    {
        Assert.True(Backoff.Next(1, TimeSpan.Zero, Cap, new FixedRandom(0.0)) > TimeSpan.Zero);
    }

    private sealed class FixedRandom : Random
    {
        private readonly double _value;
        public FixedRandom(double value) => _value = value;
        public override double NextDouble() => _value;
        protected override double Sample() => _value;
    }
}
