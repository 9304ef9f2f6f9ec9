using KimiPS.Core;

namespace KimiPS.Core.Tests.Module;

public class ConnectionSettingsTests
{
    [Fact]
    public void Region_picks_the_platform_and_BaseUri_overrides_it()
    {
        Assert.Equal((KimiEndpoints.China, KimiRegion.China), ConnectionSettings.ResolveEndpoint(KimiRegion.China, null));
        Assert.Equal((KimiEndpoints.Global, KimiRegion.Global), ConnectionSettings.ResolveEndpoint(KimiRegion.Global, null));
        var (uri, region) = ConnectionSettings.ResolveEndpoint(KimiRegion.Global, new Uri("https://api.acedata.cloud/kimi"));
        Assert.Equal("https://api.acedata.cloud/kimi/", uri.AbsoluteUri);
        Assert.Equal(KimiRegion.Custom, region);
        Assert.Equal(KimiRegion.Global, ConnectionSettings.ResolveEndpoint(KimiRegion.China, new Uri("https://API.moonshot.ai/v1/")).Region);
    }

    [Fact]
    public void Environment_without_key_is_null()
    {
        Assert.Null(ConnectionSettings.FromEnvironment(_ => null));
        Assert.Null(ConnectionSettings.FromEnvironment(_ => "  "));
    }

    [Fact]
    public void Environment_key_and_base_url()
    {
        var env = new Dictionary<string, string?> { ["MOONSHOT_API_KEY"] = " sk-abcdefghijkl ", ["MOONSHOT_BASE_URL"] = "https://api.moonshot.ai/v1" };
        var c = ConnectionSettings.FromEnvironment(n => env.TryGetValue(n, out var v) ? v : null)!;
        Assert.Equal("sk-abcdefghijkl", c.ApiKey);
        Assert.Equal("https://api.moonshot.ai/v1/", c.BaseUri.AbsoluteUri);
        Assert.Equal(KimiRegion.Global, c.Region);
        Assert.Equal(KimiEndpoints.China, ConnectionSettings.FromEnvironment(n => n == "MOONSHOT_API_KEY" ? "sk-x" : null)!.BaseUri);
    }

    [Fact]
    public void Bad_environment_base_url_names_the_variable()
    {
        var ex = Assert.Throws<KimiException>(() => ConnectionSettings.FromEnvironment(n => n == "MOONSHOT_API_KEY" ? "sk-x" : "not a uri"));
        Assert.Contains("MOONSHOT_BASE_URL", ex.Message);
    }

    [Fact]
    public void A_401_names_the_platform_the_key_belongs_to()
    {
        var test = new KimiConnectionTest { BaseUri = KimiEndpoints.China, Reachable = true, Authenticated = false, KeyRegion = "Global",
            ErrorId = KimiErrorIds.AuthenticationFailed, Message = "The key was rejected by api.moonshot.cn." };
        var ex = ConnectionSettings.ValidationFailed(test, KimiRegion.China);
        Assert.Equal(KimiErrorIds.AuthenticationFailed, ex.ErrorId);
        Assert.Equal(KimiErrorCategories.AuthenticationError, ex.Category);
        Assert.Contains("belongs to the Global platform", ex.Message);
        Assert.Contains("-Region Global", ex.RecommendedAction);
    }

    [Fact]
    public void A_401_with_no_known_platform_explains_the_pairing()
    {
        var ex = ConnectionSettings.ValidationFailed(new KimiConnectionTest { Reachable = true, Message = "rejected" }, KimiRegion.Global);
        Assert.Equal(KimiErrorIds.AuthenticationFailed, ex.ErrorId);
        Assert.DoesNotContain("belongs", ex.Message);
        Assert.Contains("platform", ex.RecommendedAction);
    }

    [Fact]
    public void Unreachable_is_a_connection_error()
    {
        var ex = ConnectionSettings.ValidationFailed(new KimiConnectionTest { Reachable = false, Message = "" }, KimiRegion.China);
        Assert.Equal(KimiErrorIds.ConnectionFailed, ex.ErrorId);
        Assert.Equal(KimiErrorCategories.ConnectionError, ex.Category);
        Assert.Contains("-SkipValidation", ex.RecommendedAction);
    }

    [Fact]
    public void Not_connected_result_fails_without_throwing()
    {
        var r = ConnectionSettings.NotConnectedResult();
        Assert.False(r.Success);
        Assert.Equal(KimiErrorIds.NotConnected, r.ErrorId);
        Assert.Contains("Connect-Kimi", r.Message);
    }
}

public class ErrorMappingTests
{
    [Fact]
    public void Kimi_errors_keep_their_id_category_and_action()
    {
        var d = ErrorMapping.Describe(new KimiApiException(KimiErrorIds.RateLimitReached, KimiErrorCategories.LimitsExceeded, "slow down", "wait", 429))!;
        Assert.Equal(KimiErrorIds.RateLimitReached, d.ErrorId);
        Assert.Equal("LimitsExceeded", d.Category);
        Assert.Equal("wait", d.RecommendedAction);
        Assert.False(d.Terminating);
    }

    [Theory]
    [InlineData(KimiErrorIds.NotConnected, true)]
    [InlineData(KimiErrorIds.AuthenticationFailed, true)]
    [InlineData(KimiErrorIds.NotFound, false)]
    [InlineData(KimiErrorIds.InvalidParameter, false)]
    public void Only_missing_or_rejected_keys_stop_the_pipeline(string id, bool terminating) =>
        Assert.Equal(terminating, ErrorMapping.Describe(new KimiException(id, "InvalidArgument", "m"))!.Terminating);

    [Fact]
    public void Cancellation_and_unknown_exceptions_are_not_mapped()
    {
        Assert.Null(ErrorMapping.Describe(new OperationCanceledException()));
        Assert.Null(ErrorMapping.Describe(new TaskCanceledException()));
        Assert.Null(ErrorMapping.Describe(new NullReferenceException()));
    }

    [Fact]
    public void File_errors_have_meaningful_categories()
    {
        Assert.Equal("PermissionDenied", ErrorMapping.Describe(new UnauthorizedAccessException("no"))!.Category);
        Assert.Equal(KimiErrorIds.PathNotFound, ErrorMapping.Describe(new FileNotFoundException("no"))!.ErrorId);
        Assert.Equal("WriteError", ErrorMapping.Describe(new IOException("locked"))!.Category);
    }
}

public class ModelListCacheTests
{
    private DateTimeOffset _now = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Loads_once_within_the_ttl_and_again_after()
    {
        var cache = new ModelListCache(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), () => _now);
        var loads = 0;
        IReadOnlyList<string> Load() { loads++; return new[] { "kimi-k3" }; }
        Assert.Equal(new[] { "kimi-k3" }, cache.Get("a", Load));
        _now += TimeSpan.FromMinutes(9);
        cache.Get("a", Load);
        Assert.Equal(1, loads);
        _now += TimeSpan.FromMinutes(2);
        cache.Get("a", Load);
        Assert.Equal(2, loads);
        cache.Get("b", Load);
        Assert.Equal(3, loads);
    }

    [Fact]
    public void A_failed_load_falls_back_and_retries_sooner()
    {
        var cache = new ModelListCache(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), () => _now);
        Assert.Equal(ModelListCache.Fallback, cache.Get("a", () => throw new KimiException("KimiTimeout", "OperationTimeout", "t")));
        _now += TimeSpan.FromMinutes(2);
        Assert.Equal(new[] { "x-1" }, cache.Get("a", () => new[] { "x-1" }));
    }

    [Fact]
    public void Set_replaces_the_entry()
    {
        var cache = new ModelListCache(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), () => _now);
        cache.Set("a", new[] { "m1", "m2" });
        Assert.Equal(new[] { "m1", "m2" }, cache.Get("a", () => throw new InvalidOperationException("not called")));
    }

    [Fact]
    public void Match_is_a_case_insensitive_prefix_without_quotes()
    {
        var ids = new[] { "kimi-k3", "kimi-k2.6", "moonshot-v1-8k" };
        Assert.Equal(new[] { "kimi-k2.6", "kimi-k3" }, ModelListCache.Match(ids, "'KIMI"));
        Assert.Equal(3, ModelListCache.Match(ids, "").Count());
    }
}

public class UploadProgressTests
{
    [Fact]
    public void Reports_only_when_the_percentage_changes()
    {
        var seen = new List<int>();
        var p = new UploadProgress(1000, (percent, _) => seen.Add(percent));
        foreach (var sent in new long[] { 0, 1, 5, 10, 11, 500, 999, 1000, 1000 }) p.Report(sent);
        Assert.Equal(new[] { 0, 1, 50, 99, 100 }, seen);
    }

    [Theory]
    [InlineData(50, 0, 0)]
    [InlineData(2000, 1000, 100)]
    [InlineData(-5, 100, 0)]
    public void Percent_is_clamped(long sent, long total, int expected) => Assert.Equal(expected, UploadProgress.Percent(sent, total));
}
