using Microsoft.AspNetCore.Http;

namespace KimiPS.Emulator.Server;

/// <summary>
/// A hostile or buggy server that sends the caller's key back (behaviour <c>echoKey</c>): in an <c>X-Echo-Key</c>
/// header, inside the request id, and at the end of every default chat answer. Tests use it to prove the key
/// never reaches a log, a record or a view, whatever the server sends.
/// </summary>
internal static class KeyEcho
{
    public static void Headers(HttpContext context, long number)
    {
        var key = KeyOf(context.Request);
        context.Response.Headers["Msh-Request-Id"] = $"emu-{number}-{key}";
        context.Response.Headers["X-Echo-Key"] = key;
    }

    /// <summary>Appends the key to a default chat answer's text.</summary>
    public static void Into(ChatScript script, RecordedRequest request)
    {
        if (!request.Headers.TryGetValue("Authorization", out var auth)) return;
        script.Content += " (your key: " + (auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth.Substring(7) : auth) + ")";
    }

    private static string KeyOf(HttpRequest request)
    {
        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth.Substring(7) : auth;
    }
}
