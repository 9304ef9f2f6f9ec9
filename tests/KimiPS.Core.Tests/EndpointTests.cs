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
}
