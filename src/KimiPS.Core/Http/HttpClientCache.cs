using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace KimiPS.Core;

/// <summary>
/// One HttpClient per proxy setting for the whole process, so connections are pooled across
/// clients and cmdlet invocations (DESIGN.md §3.5). The client's Timeout is infinite: the core
/// enforces its own request and stream-idle timeouts, which a single HttpClient.Timeout cannot express.
/// </summary>
internal static class HttpClientCache
{
    private static readonly object DefaultKey = new();
    private static readonly ConcurrentDictionary<object, HttpClient> Clients = new();
    private static int s_frameworkTuned;

    public static HttpClient Get(IWebProxy? proxy) =>
        Clients.GetOrAdd(KeyOf(proxy), _ => Create(proxy));

    /// <summary>
    /// Equal WebProxy settings share one client: every Connect-Kimi -Proxy builds a new WebProxy
    /// object, and keying by the object would add a client (and its connections) per connect.
    /// Other IWebProxy implementations can only be compared by reference.
    /// </summary>
    internal static object KeyOf(IWebProxy? proxy)
    {
        if (proxy is null) return DefaultKey;
        if (proxy is not WebProxy web) return proxy;
        var credential = web.Credentials as NetworkCredential;
        if (web.Credentials is not null && credential is null) return proxy;
        return (web.Address, web.BypassProxyOnLocal, string.Join(";", web.BypassList), web.UseDefaultCredentials,
            credential?.Domain, credential?.UserName, credential?.Password);
    }

    /// <summary>
    /// The proxy a request to <paramref name="destination"/> goes through, or null when it goes direct: the explicit
    /// one, else what the handler would use (the environment's on .NET Framework, as <see cref="Create"/> installs it;
    /// the runtime default otherwise). For messages only: never throws.
    /// </summary>
    public static Uri? ProxyFor(IWebProxy? explicitProxy, Uri destination)
    {
        try
        {
            var proxy = explicitProxy ?? (Runtime.IsNetFramework ? EnvironmentProxy.FromEnvironment() : null) ?? WebRequest.DefaultWebProxy;
            if (proxy is null || proxy.IsBypassed(destination)) return null;
            var address = proxy.GetProxy(destination);
            return address is null || address == destination ? null : address;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static HttpClient Create(IWebProxy? explicitProxy)
    {
        if (Runtime.IsNetFramework) TuneNetFramework();
        var proxy = explicitProxy ?? (Runtime.IsNetFramework ? EnvironmentProxy.FromEnvironment() : null);
        var handler = AbortingHandler.TryCreate(proxy) ?? FrameworkHandler(proxy);
        var client = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("KimiPS", typeof(HttpClientCache).Assembly.GetName().Version?.ToString(3)));
        client.DefaultRequestHeaders.ExpectContinue = false;
        return client;
    }

    private static HttpClientHandler FrameworkHandler(IWebProxy? proxy)
    {
        var handler = new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseCookies = false,
            // KimiHttp follows same-origin redirects itself; an automatic one would send the prompt to any origin.
            AllowAutoRedirect = false,
        };
        if (proxy is not null)
        {
            handler.Proxy = proxy;
            handler.UseProxy = true;
        }
        return handler;
    }

    /// <summary>Windows PowerShell 5.1: allow TLS 1.2 without removing what the host already allows (|=).</summary>
    private static void TuneNetFramework()
    {
        if (Interlocked.Exchange(ref s_frameworkTuned, 1) == 1) return;
        ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
    }

    /// <summary>
    /// Windows PowerShell 5.1 allows two connections per host by default, which would serialize
    /// -ThrottleLimit. Raised for our host only: other modules in the session keep their settings.
    /// </summary>
    public static void RaiseConnectionLimit(Uri baseUri)
    {
        if (!Runtime.IsNetFramework) return;
        var servicePoint = ServicePointManager.FindServicePoint(baseUri);
        if (servicePoint.ConnectionLimit < 64) servicePoint.ConnectionLimit = 64;
        servicePoint.Expect100Continue = false;
    }
}
