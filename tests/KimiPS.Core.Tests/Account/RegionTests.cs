using KimiPS.Core;

namespace KimiPS.Core.Tests.Account;

public sealed class RegionTests
{
    [Theory]
    [InlineData("https://api.moonshot.cn/v1/", "China", "CNY", "https://api.moonshot.ai/v1/")]
    [InlineData("https://api.moonshot.ai/v1/", "Global", "USD", "https://api.moonshot.cn/v1/")]
    [InlineData("https://api.acedata.cloud/kimi/", null, null, null)]
    public void Platform_currency_and_other_platform_follow_the_host(string baseUri, string? region, string? currency, string? other)
    {
        var uri = new Uri(baseUri);
        Assert.Equal(region, KimiRegions.NameOf(uri));
        Assert.Equal(currency, KimiRegions.CurrencyOf(uri));
        Assert.Equal(other, KimiRegions.Other(uri)?.ToString());
    }
}
