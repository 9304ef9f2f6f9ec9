using System.Net;

namespace KimiPS.Core;

/// <summary>Joins endpoint paths to a base URI that may carry a path, and refuses clear-text keys.</summary>
internal static class Endpoint
{
    /// <summary>Throws KimiInvalidParameter for a relative URI, a non-http(s) scheme, or http:// to a non-loopback host.</summary>
    public static void Validate(Uri? baseUri, string parameterName)
    {
        if (baseUri is null || !baseUri.IsAbsoluteUri)
            throw Errors.InvalidParameter(parameterName, "must be an absolute URI", "Use https://api.moonshot.cn/v1/ or https://api.moonshot.ai/v1/.");
        if (baseUri.UserInfo.Length > 0)
            throw Errors.InvalidParameter(parameterName, "carries a user name or password", "Remove them from the URI; the API key goes in ApiKey (Connect-Kimi -ApiKey).");
        if (baseUri.Scheme == Uri.UriSchemeHttps) return;
        if (baseUri.Scheme == Uri.UriSchemeHttp)
        {
            if (IsLoopback(baseUri)) return;
            throw Errors.InvalidParameter(parameterName, $"uses plain http:// to '{baseUri.Host}', which would send the API key in clear text",
                "Use an https:// URI. Plain http:// is allowed only for loopback hosts (127.0.0.1, ::1, localhost).");
        }
        throw Errors.InvalidParameter(parameterName, $"has the unsupported scheme '{baseUri.Scheme}'", "Use an https:// URI.");
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>
    /// Joins a path such as <c>chat/completions</c> to the base URI. <c>https://api.moonshot.cn/v1</c>
    /// and <c>https://api.acedata.cloud/kimi/</c> both work: a missing trailing slash is added, so the
    /// base path is kept rather than replaced (plain <see cref="Uri(Uri, string)"/> would drop its last segment).
    /// </summary>
    public static Uri Combine(Uri baseUri, string relativePath)
    {
        var text = baseUri.GetLeftPart(UriPartial.Path);
        if (!text.EndsWith("/", StringComparison.Ordinal)) text += "/";
        return new Uri(text + relativePath.TrimStart('/'));
    }
}
