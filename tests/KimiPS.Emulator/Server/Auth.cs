using Microsoft.AspNetCore.Http;

namespace KimiPS.Emulator.Server;

/// <summary>Bearer authentication, checked before anything else on every API endpoint (reference §1).</summary>
internal static class Auth
{
    public static bool IsAuthorized(HttpRequest request, ICollection<string> acceptedKeys)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var key = header[scheme.Length..].Trim();
        return key.Length > 0 && acceptedKeys.Contains(key);
    }
}
