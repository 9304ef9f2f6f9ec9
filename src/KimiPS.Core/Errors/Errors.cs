namespace KimiPS.Core;

/// <summary>Builds the client-side errors of the catalogue (DESIGN.md §3.4). Server errors: <c>ErrorCatalog</c>.</summary>
internal static class Errors
{
    /// <summary>Bad input caught before sending: names the parameter, what is wrong and the fix.</summary>
    public static KimiException InvalidParameter(string parameterName, string problem, string fix) =>
        new(KimiErrorIds.InvalidParameter, KimiErrorCategories.InvalidArgument,
            $"Parameter '{parameterName}' {problem}.", fix);

    public static KimiException NotConnected() =>
        new(KimiErrorIds.NotConnected, KimiErrorCategories.AuthenticationError,
            "No Kimi API key is configured.",
            "Run Connect-Kimi -ApiKey (Read-Host -AsSecureString), or set the MOONSHOT_API_KEY environment variable.");

    /// <summary>
    /// No response arrived: DNS, a refused connection, TLS, a proxy. Retryable, because nothing reached
    /// the server. Names the host and port only — never the whole URI, which could carry user info.
    /// </summary>
    /// <remarks>
    /// With a <paramref name="proxy"/> in the way, every socket goes to the proxy, so a socket failure is the
    /// proxy's and is named as such; other failures (the proxy refused the tunnel) name both.
    /// </remarks>
    public static KimiException ConnectionFailed(Uri uri, Exception inner, Uri? proxy = null)
    {
        var entry = ErrorTable.Get(KimiErrorIds.ConnectionFailed);
        var reason = ConnectionReason.Describe(inner);
        string message;
        var action = entry.RecommendedAction;
        if (proxy is null)
        {
            message = $"Could not connect to {uri.Host}:{uri.Port}: {reason}";
        }
        else
        {
            message = ConnectionReason.IsSocketLevel(inner)
                ? $"Could not connect to the proxy {proxy.Host}:{proxy.Port} (used for {uri.Host}:{uri.Port}): {reason}"
                : $"Could not connect to {uri.Host}:{uri.Port} through the proxy {proxy.Host}:{proxy.Port}: {reason}";
            action = "Check that the proxy is running and its address (Connect-Kimi -Proxy, or the HTTPS_PROXY / NO_PROXY environment variables), and -ProxyCredential if it asks for one.";
        }
        return new KimiException(KimiErrorIds.ConnectionFailed, entry.Category, message, action, inner)
        {
            IsRetryable = true,
        };
    }

    /// <summary>A request (or a stream's response headers) took longer than RequestTimeout, retries included. Retryable while time is left.</summary>
    public static KimiException RequestTimeout(TimeSpan limit) =>
        new(KimiErrorIds.Timeout, KimiErrorCategories.OperationTimeout,
            $"The request did not complete within {TimeText.Seconds(limit)} s in total, retries included (RequestTimeout; Connect-Kimi -TimeoutSec).",
            ErrorTable.Get(KimiErrorIds.Timeout).RecommendedAction)
        {
            IsRetryable = true,
        };

    /// <summary>
    /// A stream went silent for StreamIdleTimeout. Not retryable: text may already have been shown,
    /// and a stream is never replayed once a chunk was yielded (DESIGN.md §3.4).
    /// </summary>
    public static KimiException StreamIdleTimeout(TimeSpan limit) =>
        new(KimiErrorIds.Timeout, KimiErrorCategories.OperationTimeout,
            $"The stream sent no data for {TimeText.Seconds(limit)} s (-IdleTimeoutSec {TimeText.Seconds(limit)}).",
            "Ask again; if the model thinks for long before answering, raise -IdleTimeoutSec (Invoke-KimiChat for one call, Connect-Kimi for the session).")
        {
            IsRetryable = false,
        };

    /// <summary>The server broke the protocol (malformed JSON, an unexpected shape). Not retryable: the same answer would come back.</summary>
    /// <remarks><paramref name="action"/> replaces the catalogue's generic advice where the caller knows better.</remarks>
    public static KimiException ProtocolError(string what, Exception? inner = null, string? action = null)
    {
        var entry = ErrorTable.Get(KimiErrorIds.ProtocolError);
        var text = what.TrimEnd();
        if (text.Length > 0 && !text.EndsWith(".", StringComparison.Ordinal)) text += ".";
        return new KimiException(KimiErrorIds.ProtocolError, entry.Category,
            $"{entry.Summary}: {text}", action ?? entry.RecommendedAction, inner);
    }

    /// <summary>A whole response larger than MaxResponseBytes: a broken or hostile server. Not retryable, the same body would come again.</summary>
    public static KimiException ResponseTooLarge(long? declared, int limit) =>
        ProtocolError(declared is long length
                ? $"the response declares {Mebibytes(length)} MiB, more than the {Mebibytes(limit)} MiB allowed (MaxResponseBytes)"
                : $"the response is larger than the {Mebibytes(limit)} MiB allowed (MaxResponseBytes); it was not read further",
            action: "No Kimi answer is that large: check BaseUri (a proxy or gateway may be answering). " +
                    "If such answers are expected, raise KimiClientOptions.MaxResponseBytes.");

    /// <summary>A redirect the client does not follow: to another origin (the prompt would go there), or a loop.</summary>
    public static KimiException RedirectRefused(int status, string problem) =>
        ProtocolError($"HTTP {status}: the server redirected the request {problem}",
            action: "KimiPS follows no redirect to another origin: the prompt and files would go there. " +
                    "If you trust the new address, set BaseUri to it (Connect-Kimi -BaseUri).");

    private static string Mebibytes(long bytes) =>
        (bytes / 1048576.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
