using static KimiPS.Core.Tests.Policy.PolicyTestHelpers;

namespace KimiPS.Core.Tests.Policy;

public sealed class RetiredModelTests
{
    [Theory]
    [InlineData("kimi-k2.5", "August 2026")]
    [InlineData("kimi-k2-0711-preview", "May 2026")]
    [InlineData("kimi-k2-0905-preview", "May 2026")]
    [InlineData("kimi-k2-turbo-preview", "May 2026")]
    [InlineData("kimi-k2-thinking", "May 2026")]
    [InlineData("kimi-k2-thinking-turbo", "May 2026")]
    [InlineData("moonshot-v1-8k", "August 2026")]
    [InlineData("moonshot-v1-32k", "August 2026")]
    [InlineData("moonshot-v1-128k", "August 2026")]
    [InlineData("moonshot-v1-auto", "August 2026")]
    [InlineData("moonshot-v1-8k-vision-preview", "August 2026")]
    [InlineData("kimi-latest", "January 2026")]
    [InlineData("kimi-thinking-preview", "November 2025")]
    public void Retired_ids_warn_and_are_still_sent(string model, string since)
    {
        var prepared = Prepare(Chat(model), out var warnings);
        Assert.Equal(
            $"Model '{model}' was retired by Moonshot (offline since {since}); current models include kimi-k2.6, kimi-k3 and kimi-k2.7-code. Run Get-KimiModel to list what your account can use.",
            Assert.Single(warnings));
        Assert.Equal(model, prepared.Wire.Model);
    }

    [Theory]
    [InlineData("kimi-k2.6")]
    [InlineData("kimi-k3")]
    [InlineData("kimi-k2.7-code")]
    [InlineData("kimi-k2.7-code-highspeed")]
    [InlineData("kimi-k2.5-gateway-build")]
    [InlineData("moonshotai/kimi-k2.5")] // a gateway's catalogue: it may still serve it
    [InlineData("kimi-future-model")]
    public void Current_and_unknown_ids_do_not_warn(string model) => PrepareQuiet(Chat(model));
}
