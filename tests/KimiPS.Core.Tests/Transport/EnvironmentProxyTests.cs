using KimiPS.Core;

namespace KimiPS.Core.Tests.Transport;

public sealed class EnvironmentProxyTests
{
    private static readonly Uri Kimi = new("https://api.moonshot.cn/v1/");

    [Fact]
    public void Https_destinations_use_HTTPS_PROXY()
    {
        var proxy = new EnvironmentProxy("http://proxy.corp:3128", "http://plain.corp:80", null);
        Assert.Equal(new Uri("http://proxy.corp:3128"), proxy.GetProxy(Kimi));
        Assert.False(proxy.IsBypassed(Kimi));
    }

    [Fact]
    public void HTTP_PROXY_serves_https_when_HTTPS_PROXY_is_unset_and_a_scheme_is_optional()
    {
        var proxy = new EnvironmentProxy(null, "plain.corp:8080", null);
        Assert.Equal(new Uri("http://plain.corp:8080"), proxy.GetProxy(Kimi));
    }

    [Theory]
    [InlineData("moonshot.cn", true)]
    [InlineData(".moonshot.cn", true)]
    [InlineData("*.moonshot.cn", true)]
    [InlineData("api.moonshot.cn", true)]
    [InlineData("*", true)]
    [InlineData("localhost, api.moonshot.cn:443", true)]
    [InlineData("api.moonshot.cn:8443", false)]
    [InlineData("shot.cn", false)]
    [InlineData("moonshot.ai", false)]
    [InlineData("", false)]
    public void NO_PROXY_entries_match_the_host_and_its_subdomains(string noProxy, bool bypassed)
    {
        var proxy = new EnvironmentProxy("http://proxy.corp:3128", null, noProxy);
        Assert.Equal(bypassed, proxy.IsBypassed(Kimi));
    }

    [Fact]
    public void Without_a_proxy_for_the_scheme_every_host_is_bypassed()
    {
        var proxy = new EnvironmentProxy(null, null, null);
        Assert.True(proxy.IsBypassed(Kimi));
    }
}

public sealed class HttpClientCacheTests
{
    [Fact]
    public void Equal_proxy_settings_share_one_client()
    {
        var a = new System.Net.WebProxy("http://proxy.corp:3128") { Credentials = new System.Net.NetworkCredential("u", "p") };
        var b = new System.Net.WebProxy("http://proxy.corp:3128") { Credentials = new System.Net.NetworkCredential("u", "p") };
        Assert.Same(HttpClientCache.Get(a), HttpClientCache.Get(b));
        Assert.Same(HttpClientCache.Get(null), HttpClientCache.Get(null));
    }

    [Fact]
    public void Different_proxy_settings_get_their_own_client()
    {
        var a = new System.Net.WebProxy("http://proxy.corp:3128") { Credentials = new System.Net.NetworkCredential("u", "p") };
        var b = new System.Net.WebProxy("http://proxy.corp:3128") { Credentials = new System.Net.NetworkCredential("u", "other") };
        var c = new System.Net.WebProxy("http://proxy.corp:8080");
        Assert.NotSame(HttpClientCache.Get(a), HttpClientCache.Get(b));
        Assert.NotSame(HttpClientCache.Get(a), HttpClientCache.Get(c));
        Assert.NotSame(HttpClientCache.Get(null), HttpClientCache.Get(c));
    }
}
