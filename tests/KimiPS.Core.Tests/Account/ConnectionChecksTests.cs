using System.Net;
using System.Net.Sockets;
using KimiPS.Core;
using KimiPS.Core.Tests.Client;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.Account;

/// <summary>Connect-Kimi's checks that need no network, and how connection failures are explained.</summary>
public sealed class ConnectionChecksTests : EmulatorTest
{
    [Theory]
    [InlineData("http://10.1.2.3/v1/", "plain http://")]
    [InlineData("ftp://127.0.0.1/v1/", "unsupported scheme 'ftp'")]
    [InlineData("https://user:pw@api.example/v1/", "user name or password")]
    public void ResolveEndpoint_runs_the_static_URI_checks(string baseUri, string problem)
    {
        var ex = Assert.Throws<KimiException>(() => ConnectionSettings.ResolveEndpoint(KimiRegion.China, new Uri(baseUri)));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.StartsWith("Parameter 'BaseUri' ", ex.Message);
        Assert.Contains(problem, ex.Message);
        Assert.DoesNotContain("pw", ex.Message.Replace("password", ""));
    }

    [Fact]
    public void An_environment_BaseUri_that_could_never_be_used_names_the_variable()
    {
        var env = new Dictionary<string, string?> { ["MOONSHOT_API_KEY"] = "sk-abcdefghijklmnop", ["MOONSHOT_BASE_URL"] = "http://192.0.2.2/v1/" };
        var ex = Assert.Throws<KimiException>(() => ConnectionSettings.FromEnvironment(n => env.TryGetValue(n, out var v) ? v : null));
        Assert.Contains("MOONSHOT_BASE_URL", ex.Message);
        Assert.Contains("plain http://", ex.Message);
    }

    [Theory]
    [InlineData("china", KimiRegion.China)]
    [InlineData(" Global ", KimiRegion.Global)]
    public void ParseRegion_takes_either_platform_in_any_case(string text, KimiRegion expected) =>
        Assert.Equal(expected, ConnectionSettings.ParseRegion(text));

    [Theory]
    [InlineData("Custom")]
    [InlineData("")]
    [InlineData(null)]
    public void ParseRegion_refuses_anything_else_with_the_fix(string? text)
    {
        var ex = Assert.Throws<KimiException>(() => ConnectionSettings.ParseRegion(text));
        Assert.Equal(KimiErrorCategories.InvalidArgument, ex.Category);
        Assert.Contains("-Region Global", ex.RecommendedAction);
    }

    [Fact]
    public void CheckRange_names_the_parameter_the_value_and_the_range()
    {
        ConnectionSettings.CheckRange("MaxRetries", 10, 0, 10, "retries");
        var ex = Assert.Throws<KimiException>(() => ConnectionSettings.CheckRange("MaxRetries", 11, 0, 10, "retries"));
        Assert.Equal("Parameter 'MaxRetries' is 11, which is out of range.", ex.Message);
        Assert.Equal("Pass from 0 to 10: retries.", ex.RecommendedAction);
        Assert.Contains("1 or more", Assert.Throws<KimiException>(() => ConnectionSettings.CheckRange("TokensPerMinute", 0, 1, int.MaxValue, "tokens")).RecommendedAction);
    }

    [Fact]
    public void ProxyCredential_without_a_proxy_is_refused()
    {
        Assert.Null(ConnectionSettings.CheckProxy(null));
        var ex = Assert.Throws<KimiException>(() => ConnectionSettings.CheckProxy(null, hasCredential: true));
        Assert.StartsWith("Parameter 'ProxyCredential'", ex.Message);
    }

    [Fact]
    public void A_failed_validation_keeps_the_failures_own_id_category_and_advice()
    {
        var failure = new KimiException(KimiErrorIds.NotFound, KimiErrorCategories.ObjectNotFound, "lacks /v1/", "Pass the API root.");
        var test = new KimiConnectionTest { Reachable = true, ErrorId = failure.ErrorId, Message = failure.Message, Failure = failure };

        var ex = ConnectionSettings.ValidationFailed(test, KimiRegion.Custom);

        Assert.Equal(KimiErrorIds.NotFound, ex.ErrorId);
        Assert.Equal(KimiErrorCategories.ObjectNotFound, ex.Category);
        Assert.Equal("lacks /v1/", ex.Message);
        Assert.Equal("Pass the API root.", ex.RecommendedAction);
    }

    [Fact]
    public void The_model_list_404_says_the_BaseUri_lacks_v1()
    {
        using var client = Client(o => o.BaseUri = Emulator.RootUri);

        var ex = Assert.Throws<KimiApiException>(() => client.ListModels());

        Assert.Equal(KimiErrorIds.NotFound, ex.ErrorId);
        Assert.Equal(KimiErrorCategories.ObjectNotFound, ex.Category);
        Assert.Equal(404, ex.StatusCode);
        Assert.Contains("probably lacks the /v1/ API root", ex.Message);
        Assert.DoesNotContain("Get-KimiModel", ex.Message + ex.RecommendedAction);
        Assert.NotNull(ex.RequestId);
    }

    [Fact]
    public void TestConnection_on_a_BaseUri_without_v1_is_reachable_but_failed()
    {
        using var client = Client(o => o.BaseUri = Emulator.RootUri);

        var test = client.TestConnection();

        Assert.False(test.Success);
        Assert.True(test.Reachable);
        Assert.Equal(KimiErrorIds.NotFound, test.ErrorId);
        Assert.Contains("/v1/", test.Message);
    }

    [Fact]
    public void A_refused_proxy_is_named_as_the_proxy()
    {
        using var client = Client(o => { o.Proxy = new WebProxy("http://127.0.0.1:1"); o.MaxRetries = 0; });

        var ex = Assert.Throws<KimiException>(() => client.GetBalance());

        Assert.Equal(KimiErrorIds.ConnectionFailed, ex.ErrorId);
        Assert.StartsWith($"Could not connect to the proxy 127.0.0.1:1 (used for 127.0.0.1:{Emulator.BaseUri.Port}): the connection was refused", ex.Message);
        Assert.Contains("proxy", ex.RecommendedAction);
        Assert.Equal(0, Emulator.Counters.Requests);
    }

    [Fact]
    public void Requests_reach_the_API_through_the_proxy()
    {
        // Nothing listens on port 1: the call can only succeed through the proxy (the emulator takes absolute-form requests).
        using var client = Client(o => { o.BaseUri = new Uri("http://127.0.0.1:1/v1/"); o.Proxy = new WebProxy(Emulator.RootUri); });

        Assert.Equal(49.58894m, client.GetBalance().AvailableBalance);
    }

    [Fact]
    public void ConnectionFailed_through_a_proxy_names_both_ends_and_never_the_proxys_user_info()
    {
        var tunnel = new HttpRequestException("The proxy tunnel request to proxy 'http://bob:s3cret@proxy.example:3128/' failed with status code '502'.\"");

        var ex = KimiPS.Core.Errors.ConnectionFailed(new Uri("https://api.moonshot.cn/v1/models"), tunnel, new Uri("http://proxy.example:3128/"));

        Assert.Equal("Could not connect to api.moonshot.cn:443 through the proxy proxy.example:3128: " +
                     "The proxy tunnel request to proxy 'http://proxy.example:3128/' failed with status code '502'.", ex.Message);
        Assert.DoesNotContain("s3cret", ex.Message);
        Assert.DoesNotContain("bob", ex.Message);
        Assert.True(ConnectionReason.IsSocketLevel(new HttpRequestException("x", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.False(ConnectionReason.IsSocketLevel(tunnel));
    }

    [Fact]
    public void ProxyFor_is_the_explicit_proxy_unless_the_host_is_bypassed()
    {
        var destination = new Uri("https://api.moonshot.cn/v1/models");
        Assert.Equal(new Uri("http://proxy.example:3128/"), HttpClientCache.ProxyFor(new WebProxy("http://proxy.example:3128/"), destination));
        var bypassing = new WebProxy("http://proxy.example:3128/", false, new[] { @"api\.moonshot\.cn" });
        Assert.Null(HttpClientCache.ProxyFor(bypassing, destination));
    }

    [Theory]
    [InlineData("", "49.58894")]
    [InlineData("CNY", "49.58894 CNY")]
    public void A_balance_reads_as_amount_and_currency_without_a_dangling_space(string currency, string expected) =>
        Assert.Equal(expected, new KimiBalance { AvailableBalance = 49.58894m, Currency = currency }.ToString());

    [Fact]
    public void A_custom_BaseUri_balance_has_no_currency_unless_the_gateway_sends_one()
    {
        using var client = Client();
        Assert.Equal("", client.GetBalance().Currency);
        Emulator.Enqueue(EmulatorResponse.Json(200, """{"data":{"available_balance":1,"currency":"EUR"}}"""));
        Assert.Equal("EUR", client.GetBalance().Currency);
    }
}
