using System.Net;
using System.Security;
using KimiPS.Core;

namespace KimiPS;

/// <summary>
/// A session's way to the Kimi API, made by Connect-Kimi (or from MOONSHOT_API_KEY). Holds the key as a
/// SecureString that no property returns: <see cref="KeyHint"/> shows at most <c>sk-…abcd</c>.
/// </summary>
public sealed partial class KimiConnection
{
    private readonly SecureString _key;
    private readonly IWebProxy? _webProxy;

    internal KimiConnection(SecureString key, string keyHint, Uri baseUri, KimiRegion region, string defaultModel,
        int maxRetries, TimeSpan timeout, Uri? proxy, ICredentials? proxyCredentials, KimiRateLimits rateLimits, string source)
    {
        // Always a copy: the caller may dispose or change its SecureString after Connect-Kimi returns.
        _key = ReadOnlyCopy(key);
        KeyHint = keyHint;
        BaseUri = baseUri;
        Region = region;
        DefaultModel = defaultModel;
        MaxRetries = maxRetries;
        Timeout = timeout;
        Proxy = proxy;
        RateLimits = rateLimits;
        Source = source;
        ConnectedAt = DateTimeOffset.Now;
        if (proxy != null) _webProxy = new WebProxy(proxy) { Credentials = proxyCredentials };
    }

    /// <summary>The API root requests go to.</summary>
    public Uri BaseUri { get; }
    /// <summary>China, Global, or Custom (a gateway or emulator).</summary>
    public KimiRegion Region { get; }
    /// <summary>The model used when a cmdlet gets no -Model.</summary>
    public string DefaultModel { get; }
    public int MaxRetries { get; }
    /// <summary>Total time allowed for a request, retries included (for a stream: until its answer starts).</summary>
    public TimeSpan Timeout { get; }
    /// <summary>How long a stream may send nothing before it fails (Connect-Kimi -IdleTimeoutSec). Default 120 s.</summary>
    public TimeSpan IdleTimeout { get; internal set; } = new KimiClientOptions().StreamIdleTimeout;
    public Uri? Proxy { get; }
    /// <summary>Client-side limits for concurrent work (-ThrottleLimit).</summary>
    public KimiRateLimits RateLimits { get; }
    /// <summary>The key's shape only: <c>sk-…abcd</c>.</summary>
    public string KeyHint { get; }
    /// <summary>Connect-Kimi or Environment (MOONSHOT_API_KEY).</summary>
    public string Source { get; }
    public DateTimeOffset ConnectedAt { get; }

    /// <summary>Identifies the connection in caches without holding the key.</summary>
    internal string CacheKey => BaseUri.AbsoluteUri + "|" + KeyHint;

    /// <summary>Options for a new client. The key becomes plain text here, per client, and nowhere earlier.</summary>
    internal KimiClientOptions CreateClientOptions() => WithSinks(new()
    {
        BaseUri = BaseUri,
        ApiKey = SecureStrings.ToPlainText(_key),
        MaxRetries = MaxRetries,
        RequestTimeout = Timeout,
        StreamIdleTimeout = IdleTimeout,
        Proxy = _webProxy,
    });

    internal static KimiConnection FromEnvironment(EnvironmentConnection env) =>
        new(SecureStrings.FromPlainText(env.ApiKey), Secrets.Mask(env.ApiKey), env.BaseUri, env.Region,
            ConnectionSettings.DefaultModel, new KimiClientOptions().MaxRetries, new KimiClientOptions().RequestTimeout,
            null, null, new KimiRateLimits(), "Environment");

    private static SecureString ReadOnlyCopy(SecureString key)
    {
        var copy = key.Copy();
        copy.MakeReadOnly();
        return copy;
    }

    /// <inheritdoc />
    public override string ToString() => $"{BaseUri} ({Region}, key {KeyHint})";
}
