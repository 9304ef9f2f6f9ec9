using System.Net;

namespace KimiPS.Core;

/// <summary>Joins endpoint paths to a base URI that may carry a path, and refuses clear-text keys.</summary>
internal static class Endpoint
{
    /// <summary>Throws KimiInvalidParameter for a relative URI, a non-http(s) scheme, or http:// to a non-loopback host.</summary>
    public static void Validate(Uri? baseUri, string parameterName)
    {
        if (baseUri is null || !baseUri.IsAbsoluteUri)
            throw Errors.InvalidParameter(parameterName, Msg.PMustBeAbsolute, Msg.BaseUriFix);
        if (baseUri.UserInfo.Length > 0)
            throw Errors.InvalidParameter(parameterName, Msg.PUserInfo, Msg.BaseUriUserInfoFix);
        if (baseUri.Scheme == Uri.UriSchemeHttps) return;
        if (baseUri.Scheme == Uri.UriSchemeHttp)
        {
            if (IsLoopback(baseUri)) return;
            throw Errors.InvalidParameter(parameterName, Msg.PPlainHttp.Format(baseUri.Host),
                Msg.PlainHttpFix);
        }
        throw Errors.InvalidParameter(parameterName, Msg.PScheme.Format(baseUri.Scheme), Msg.UseHttps);
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
