using KimiPS.Core;

namespace KimiPS.Core.Tests.Module;

public class ContextGuardTests
{
    [Fact]
    public void A_small_request_never_looks_the_context_up()
    {
        var looked = false;
        ContextGuard.Check(ContextGuard.LookupAbove, "kimi-k2.6", null, () => { looked = true; return 10; });
        Assert.False(looked);
    }

    [Fact]
    public void Too_large_fails_with_the_estimate_the_allowed_size_and_what_to_do()
    {
        var ex = Assert.Throws<KimiException>(() => ContextGuard.Check(300_000, "kimi-k2.6", 1000, () => 262_144));
        Assert.Equal(KimiErrorIds.ContextLengthExceeded, ex.ErrorId);
        Assert.Equal(KimiErrorCategories.LimitsExceeded, ex.Category);
        Assert.Contains("300,000 tokens (with -MaxTokens 1,000)", ex.Message);
        Assert.Contains("kimi-k2.6 accepts 262,144", ex.Message);
        Assert.Contains("-ForEach", ex.RecommendedAction);
        Assert.Contains("Select-Object", ex.RecommendedAction);
    }

    [Fact]
    public void Unknown_context_lets_the_server_decide_unless_the_input_overflowed()
    {
        ContextGuard.Check(5_000_000, "custom", null, () => null);
        var ex = Assert.Throws<KimiException>(() => ContextGuard.Check(5_000_000, "custom", null, () => null, overflowed: true));
        Assert.Contains("about 5,000,000 tokens, and no Kimi model accepts more than 1,048,576. Nothing was sent.", ex.Message);
    }

    [Fact]
    public void The_estimate_counts_material_prompt_and_max_tokens()
    {
        var input = new ChatInput { Prompt = new string('p', 400), PipedText = new string('m', 4000) };
        Assert.Equal(1100 + 50, ContextGuard.Estimate(input, 50));
    }

    [Fact]
    public void The_cache_asks_once_and_remembers_a_failure_as_unknown()
    {
        var now = DateTimeOffset.UtcNow;
        var cache = new ModelContextCache(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), () => now);
        var loads = 0;
        IEnumerable<KimiModel> Load() { loads++; return new[] { new KimiModel { Id = "kimi-k2.6", ContextLength = 262144 } }; }
        Assert.Equal(262144, cache.Get("c", "kimi-k2.6", Load));
        Assert.Null(cache.Get("c", "other", Load));
        Assert.Equal(1, loads);

        Assert.Null(cache.Get("d", "kimi-k2.6", () => throw new InvalidOperationException("offline")));
        Assert.Null(cache.Get("d", "kimi-k2.6", Load));
        Assert.Equal(1, loads);
        Assert.Throws<OperationCanceledException>(() => cache.Get("e", "kimi-k2.6", () => throw new OperationCanceledException()));
    }
}
