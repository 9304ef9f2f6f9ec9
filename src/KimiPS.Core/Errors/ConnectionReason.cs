using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace KimiPS.Core;

/// <summary>Says in plain words why a connection failed, from the exception chain of either .NET edition.</summary>
internal static class ConnectionReason
{
    private const int MaxDetailChars = 300;

    public static string Describe(Exception inner)
    {
        string? kind = null;
        for (var e = inner; e is not null && kind is null; e = e.InnerException)
        {
            kind = e switch
            {
                SocketException s => FromSocket(s.SocketErrorCode),
                AuthenticationException => Msg.ReasonTls,
                // .NET Framework reports through WebException.Status rather than the inner SocketException.
                WebException w => FromWebStatus(w.Status),
                _ => null,
            };
        }

        var detail = Innermost(inner).Message;
        detail = string.IsNullOrWhiteSpace(detail) ? "" : ErrorEnvelope.Cut(ErrorEnvelope.Collapse(WithoutUserInfo(detail)), MaxDetailChars);
        // .NET's proxy-tunnel message ends in a stray quote ("…status code '502'.\"").
        if (detail.EndsWith(".\"", StringComparison.Ordinal)) detail = detail.Substring(0, detail.Length - 1);
        if (kind is null) return detail.Length == 0 ? Msg.ReasonFailed : EndWith(detail);
        return detail.Length == 0 ? kind + "." : $"{kind} ({detail.TrimEnd('.')}).";
    }

    /// <summary>Whether the failure was in making the TCP connection (or resolving its host), not after it.</summary>
    public static bool IsSocketLevel(Exception inner)
    {
        for (var e = inner; e is not null; e = e.InnerException)
        {
            if (e is SocketException) return true;
            if (e is WebException { Status: WebExceptionStatus.ConnectFailure or WebExceptionStatus.NameResolutionFailure
                    or WebExceptionStatus.ProxyNameResolutionFailure }) return true;
        }
        return false;
    }

    private static string? FromSocket(SocketError error) => (error switch
    {
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => Msg.ReasonDns,
        SocketError.ConnectionRefused => Msg.ReasonRefused,
        SocketError.TimedOut => Msg.ReasonConnectTimeout,
        SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown => Msg.ReasonUnreachable,
        SocketError.ConnectionReset or SocketError.ConnectionAborted => Msg.ReasonReset,
        _ => (LocalizedText?)null,
    })?.Value;

    private static string? FromWebStatus(WebExceptionStatus status) => (status switch
    {
        WebExceptionStatus.NameResolutionFailure => Msg.ReasonDns,
        WebExceptionStatus.ProxyNameResolutionFailure => Msg.ReasonProxyDns,
        WebExceptionStatus.ConnectFailure => Msg.ReasonRefusedOrFailed,
        WebExceptionStatus.SecureChannelFailure or WebExceptionStatus.TrustFailure => Msg.ReasonTls,
        WebExceptionStatus.Timeout => Msg.ReasonConnectTimeout,
        WebExceptionStatus.ConnectionClosed or WebExceptionStatus.KeepAliveFailure => Msg.ReasonClosed,
        _ => (LocalizedText?)null,
    })?.Value;

    /// <summary>.NET names the proxy URI in some messages; one from HTTPS_PROXY may carry user:password@.</summary>
    private static string WithoutUserInfo(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"(?<=://)[^/@\s'""]+@", "");

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }

    private static string EndWith(string text) => text.EndsWith(".", StringComparison.Ordinal) ? text : text + ".";
}
