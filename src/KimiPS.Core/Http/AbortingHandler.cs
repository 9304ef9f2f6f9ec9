using System.Net;
using System.Reflection;

namespace KimiPS.Core;

/// <summary>
/// On .NET (PowerShell 7), a SocketsHttpHandler that closes an unfinished response at once instead of draining it.
/// </summary>
/// <remarks>
/// Disposing a response whose body is not read to its end makes SocketsHttpHandler drain the rest, for up to
/// ResponseDrainTimeout (2 s by default), to reuse the connection. For a stream cancelled by Ctrl+C that is wrong
/// twice: the server goes on generating (and billing) for 2 s, and a read blocked on a silent server is released
/// only when the drain gives up, so Ctrl+C took 2 s to return. A drain time of zero keeps reuse when the end of the
/// body is already buffered and closes the connection otherwise. SocketsHttpHandler is not in netstandard2.0, so
/// it is created by name; its public properties are stable API since .NET Core 2.1. On .NET Framework (Windows
/// PowerShell 5.1) the type does not exist and the caller uses HttpClientHandler.
/// </remarks>
internal static class AbortingHandler
{
    // Not on .NET Framework, nor on Mono (its stand-in in tests, which Runtime.IsNetFramework counts in).
    private static readonly Type? SocketsHandler =
        Runtime.IsNetFramework
            ? null
            : Type.GetType("System.Net.Http.SocketsHttpHandler, System.Net.Http", throwOnError: false);

    /// <summary>The handler, or null where SocketsHttpHandler is missing (or its shape differs) so the caller falls back.</summary>
    public static HttpMessageHandler? TryCreate(IWebProxy? proxy)
    {
        if (SocketsHandler is null) return null;
        HttpMessageHandler? handler = null;
        try
        {
            handler = (HttpMessageHandler)Activator.CreateInstance(SocketsHandler)!;
            Set(handler, "AutomaticDecompression", DecompressionMethods.GZip | DecompressionMethods.Deflate);
            Set(handler, "UseCookies", false);
            // KimiHttp follows same-origin redirects itself; an automatic one would send the prompt to any origin.
            Set(handler, "AllowAutoRedirect", false);
            Set(handler, "ResponseDrainTimeout", TimeSpan.Zero);
            if (proxy is not null)
            {
                Set(handler, "Proxy", proxy);
                Set(handler, "UseProxy", true);
            }
            return handler;
        }
        catch (Exception ex) when (ex is MissingMemberException or TargetInvocationException or ArgumentException or InvalidCastException)
        {
            handler?.Dispose();
            return null;
        }
    }

    private static void Set(object handler, string name, object value)
    {
        var property = SocketsHandler!.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                       ?? throw new MissingMemberException(SocketsHandler.FullName, name);
        property.SetValue(handler, value);
    }
}
