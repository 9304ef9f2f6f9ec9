using KimiPS.Core;

namespace KimiPS.Core.Tests;

public sealed class EndpointTests
{
    [Theory]
    [InlineData("https://api.moonshot.cn/v1/", "https://api.moonshot.cn/v1/chat/completions")]
    [InlineData("https://api.moonshot.cn/v1", "https://api.moonshot.cn/v1/chat/completions")]
    [InlineData("https://api.acedata.cloud/kimi/", "https://api.acedata.cloud/kimi/chat/completions")]
    [InlineData("https://api.acedata.cloud/kimi", "https://api.acedata.cloud/kimi/chat/completions")]
    public void Combine_keeps_the_base_path(string baseUri, string expected) =>
        Assert.Equal(expected, Endpoint.Combine(new Uri(baseUri), "chat/completions").ToString());

    [Theory]
    [InlineData("http://api.moonshot.cn/v1/")]
    [InlineData("http://10.0.0.5:8080/v1/")]
    [InlineData("ftp://127.0.0.1/v1/")]
    public void Clear_text_or_odd_schemes_are_refused(string baseUri)
    {
        var ex = Assert.Throws<KimiException>(() => new KimiClient(new KimiClientOptions { BaseUri = new Uri(baseUri), ApiKey = "sk-secret-key-123456" }));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Contains("BaseUri", ex.Message);
        Assert.DoesNotContain("sk-secret-key-123456", ex.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/v1/")]
    [InlineData("http://localhost:5000/v1/")]
    [InlineData("http://[::1]:5000/v1/")]
    public void Loopback_http_is_allowed(string baseUri)
    {
        using var client = new KimiClient(new KimiClientOptions { BaseUri = new Uri(baseUri) });
        Assert.Equal(new Uri(baseUri), client.Options.BaseUri);
    }

    [Fact]
    public void Options_never_print_the_key()
    {
        var options = new KimiClientOptions { ApiKey = "sk-abcdefghijklmnopqrstuvwxyz1234" };
        Assert.Equal("https://api.moonshot.cn/v1/ key=sk-…1234", options.ToString());
    }

    [Theory]
    [InlineData("https://user:secret@api.moonshot.cn/v1/")]
    [InlineData("http://user@127.0.0.1:5000/v1/")]
    public void User_info_in_the_base_uri_is_refused(string baseUri)
    {
        var ex = Assert.Throws<KimiException>(() => new KimiClient(new KimiClientOptions { BaseUri = new Uri(baseUri) }));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Contains("user name or password", ex.Message);
        Assert.DoesNotContain("secret", ex.Message);
    }

    [Theory]
    [InlineData("http://user:secret@proxy.corp:3128", "-ProxyCredential")]
    [InlineData("socks5://proxy.corp:1080", "http://host:port")]
    public void Proxies_with_credentials_or_odd_schemes_are_refused(string proxy, string fix)
    {
        var ex = Assert.Throws<KimiException>(() => ConnectionSettings.CheckProxy(new Uri(proxy)));
        Assert.Contains("'Proxy'", ex.Message);
        Assert.Contains(fix, ex.RecommendedAction);
        Assert.DoesNotContain("secret", ex.Message);
    }

    [Fact]
    public void A_plain_proxy_passes() =>
        Assert.Equal(new Uri("http://proxy.corp:3128"), ConnectionSettings.CheckProxy(new Uri("http://proxy.corp:3128")));
}
