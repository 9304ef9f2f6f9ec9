using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using ClientErrors = KimiPS.Core.Errors;

namespace KimiPS.Core.Tests.Errors;

public sealed class ClientErrorTests
{
    private static readonly Uri Api = new("https://api.moonshot.cn/v1/");

    [Theory]
    [InlineData(SocketError.HostNotFound, "DNS")]
    [InlineData(SocketError.ConnectionRefused, "refused")]
    [InlineData(SocketError.TimedOut, "timed out")]
    public void ConnectionFailed_names_host_and_reason(SocketError socketError, string reason)
    {
        var ex = ClientErrors.ConnectionFailed(Api, new HttpRequestException("send failed", new SocketException((int)socketError)));

        Assert.Equal(KimiErrorIds.ConnectionFailed, ex.ErrorId);
        Assert.Equal("ConnectionError", ex.Category);
        Assert.True(ex.IsRetryable);
        Assert.Contains("api.moonshot.cn:443", ex.Message);
        Assert.Contains(reason, ex.Message);
        Assert.Contains("HTTPS_PROXY", ex.RecommendedAction);
        Assert.Contains("NO_PROXY", ex.RecommendedAction);
        Assert.Contains("-Proxy", ex.RecommendedAction);
    }

    [Fact]
    public void ConnectionFailed_recognises_tls()
    {
        var ex = ClientErrors.ConnectionFailed(Api, new HttpRequestException("SSL", new AuthenticationException("remote certificate is invalid")));
        Assert.Contains("TLS", ex.Message);
        Assert.Contains("remote certificate is invalid", ex.Message);
    }

    [Fact]
    public void ConnectionFailed_recognises_net_framework_web_status()
    {
        var ex = ClientErrors.ConnectionFailed(Api, new WebException("The remote name could not be resolved", WebExceptionStatus.NameResolutionFailure));
        Assert.Contains("DNS", ex.Message);
    }

    [Fact]
    public void ConnectionFailed_never_shows_user_info_of_the_uri()
    {
        var ex = ClientErrors.ConnectionFailed(new Uri("https://user:sk-secret-in-uri-000000@proxy.example:8443/v1/"), new IOException("boom"));
        Assert.DoesNotContain("sk-secret", ex.Message);
        Assert.Contains("proxy.example:8443", ex.Message);
        Assert.Contains("boom", ex.Message);
    }

    [Fact]
    public void Request_timeout_is_retryable_stream_idle_is_not()
    {
        var request = ClientErrors.RequestTimeout(TimeSpan.FromSeconds(600));
        var idle = ClientErrors.StreamIdleTimeout(TimeSpan.FromSeconds(120));

        Assert.Equal((KimiErrorIds.Timeout, "OperationTimeout", true), (request.ErrorId, request.Category, request.IsRetryable));
        Assert.Equal((KimiErrorIds.Timeout, "OperationTimeout", false), (idle.ErrorId, idle.Category, idle.IsRetryable));
        Assert.Contains("600 s", request.Message);
        Assert.Contains("120 s", idle.Message);
    }

    [Fact]
    public void ProtocolError_is_not_retryable()
    {
        var ex = ClientErrors.ProtocolError("a chunk was not valid JSON");
        Assert.Equal((KimiErrorIds.ProtocolError, "ProtocolError", false), (ex.ErrorId, ex.Category, ex.IsRetryable));
        Assert.EndsWith("a chunk was not valid JSON.", ex.Message);
    }
}
