using System.Net;

namespace KimiPS.Core;

/// <summary>
/// HTTPS_PROXY / HTTP_PROXY / NO_PROXY, as curl and .NET (Core) read them. .NET Framework ignores
/// these variables (it uses the Internet Options proxy), so on Windows PowerShell 5.1 the client
/// installs this proxy itself when any of them is set.
/// </summary>
internal sealed class EnvironmentProxy : IWebProxy
{
    private readonly Uri? _https;
    private readonly Uri? _http;
    private readonly string[] _bypass;

    public EnvironmentProxy(string? httpsProxy, string? httpProxy, string? noProxy)
    {
        _https = ParseProxy(httpsProxy) ?? ParseProxy(httpProxy);
        _http = ParseProxy(httpProxy);
        _bypass = (noProxy ?? "")
            .Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Trim().ToLowerInvariant())
            .ToArray();
    }

    /// <summary>The proxy the environment describes, or null when no proxy variable is set.</summary>
    public static EnvironmentProxy? FromEnvironment()
    {
        var proxy = new EnvironmentProxy(Read("HTTPS_PROXY"), Read("HTTP_PROXY"), Read("NO_PROXY"));
        return proxy._https is null && proxy._http is null ? null : proxy;
    }

    private static string? Read(string name) =>
        Environment.GetEnvironmentVariable(name) ?? Environment.GetEnvironmentVariable(name.ToLowerInvariant());

    public ICredentials? Credentials { get; set; }

    public Uri? GetProxy(Uri destination) =>
        (destination.Scheme == Uri.UriSchemeHttps ? _https : _http) ?? destination;

    public bool IsBypassed(Uri host)
    {
        if ((host.Scheme == Uri.UriSchemeHttps ? _https : _http) is null) return true;
        var name = host.Host.Trim('[', ']').ToLowerInvariant();
        foreach (var entry in _bypass)
        {
            if (entry == "*") return true;
            var suffix = entry.StartsWith("*.", StringComparison.Ordinal) ? entry.Substring(1) : entry;
            var hostPart = StripPort(suffix, out var port);
            if (port is not null && port != host.Port) continue;
            if (hostPart.StartsWith(".", StringComparison.Ordinal))
            {
                if (name.EndsWith(hostPart, StringComparison.Ordinal) || name == hostPart.Substring(1)) return true;
            }
            else if (name == hostPart || name.EndsWith("." + hostPart, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static string StripPort(string entry, out int? port)
    {
        port = null;
        var colon = entry.LastIndexOf(':');
        if (colon > 0 && entry.IndexOf(']') < colon && int.TryParse(entry.Substring(colon + 1), out var p))
        {
            port = p;
            return entry.Substring(0, colon).Trim('[', ']');
        }
        return entry.Trim('[', ']');
    }

    private static Uri? ParseProxy(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value!.Trim();
        if (!text.Contains("://")) text = "http://" + text;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
    }
}
