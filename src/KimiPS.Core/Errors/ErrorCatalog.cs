using System.Text;
using System.Text.RegularExpressions;

namespace KimiPS.Core;

/// <summary>
/// Turns a server error — an HTTP error response, or an <c>{"error":{...}}</c> event inside a stream —
/// into a typed <see cref="KimiApiException"/> (DESIGN.md §3.4). Understands Kimi's envelope
/// <c>{"error":{"type","message"}}</c>, the gateway envelopes <c>{"error":{"code","message"},"trace_id"}</c>
/// with or without <c>"success":false</c> (reference §8.1, seed 003), <c>error</c> as a plain string,
/// and HTML or empty bodies. Never throws on a bad body: it falls back to the status alone.
/// </summary>
internal static class ErrorCatalog
{
    /// <summary>Server texts longer than this are cut: a message is read by a person, not a parser.</summary>
    internal const int MaxServerMessageChars = 1000;
    private const int MaxTokenChars = 100;

    // OpenAI-style gateways append "(request id: 2024...)" to the message.
    private static readonly Regex RequestIdInMessage = new(
        @"request[ _-]?id\s*[:=]?\s*[""']?(?<id>[A-Za-z0-9][A-Za-z0-9._:\-]{5,127})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    /// <summary>Maps an HTTP error response.</summary>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="headers">Response headers; the caller's dictionary should compare names case-insensitively.</param>
    /// <param name="body">The response body as received (JSON, HTML, text or nothing).</param>
    /// <param name="apiKey">The key in use, so that a server echoing it cannot put it into the message.</param>
    /// <param name="context">Which kind of call failed (a 404 from chat means an unknown model).</param>
    public static KimiApiException FromResponse(int statusCode, IReadOnlyDictionary<string, string> headers,
        ReadOnlySpan<byte> body, string? apiKey, ErrorContext context)
    {
        var envelope = ErrorEnvelope.Read(body);
        var requestId = HeaderLookup.RequestId(headers)
                        ?? envelope.TraceId
                        ?? RequestIdFrom(envelope.Message);
        var errorId = Classify(statusCode, envelope, context);
        var retryAfter = RetryHints.ServerDelay(headers, envelope.Message);
        return Build(errorId, statusCode, "HTTP " + statusCode, envelope, requestId, retryAfter, apiKey);
    }

    /// <summary>Maps an <c>{"error":{...}}</c> object received as an event of a chat stream.</summary>
    /// <remarks>
    /// The HTTP status was 200 by then, so <see cref="KimiApiException.StatusCode"/> is 200 (as the
    /// property documents); the error id is chosen from the status that <c>error.type</c> implies
    /// (rate_limit_reached_error → 429, …, unknown → 500). The only retry hint is the message text.
    /// </remarks>
    /// <remarks><c>source</c> says where the object came from, for the message: a stream event, or a gateway's 200 body.</remarks>
    public static KimiApiException FromStreamError(ReadOnlySpan<byte> eventJson, string? requestId, string? apiKey,
        string? source = null)
    {
        var envelope = ErrorEnvelope.Read(eventJson);
        var impliedStatus = StatusImpliedBy(envelope.Type) ?? StatusImpliedBy(envelope.Code) ?? 500;
        var errorId = Classify(impliedStatus, envelope, ErrorContext.Chat);
        var id = requestId ?? envelope.TraceId ?? RequestIdFrom(envelope.Message);
        var retryAfter = RetryHints.FromMessage(envelope.Message);
        return Build(errorId, 200, (source ?? Msg.StreamErrorEvent) + ",", envelope, id, retryAfter, apiKey);
    }

    /// <summary>The error id for a status and what the body said. Type and code beat the status: they are specific.</summary>
    internal static string Classify(int status, ErrorEnvelope envelope, ErrorContext context)
    {
        var message = envelope.Message;
        return ByName(envelope.Type, status, message, context)
               ?? ByName(envelope.Code, status, message, context)
               ?? ByStatus(status, envelope, context);
    }

    private static string? ByName(string? name, int status, string? message, ErrorContext context)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case null or "":
                return null;
            // Kimi error.type (reference §6.2, seeds 000/001); some gateways carry them in error.code.
            case "content_filter" or "content_filter_error":
                return KimiErrorIds.ContentFiltered;
            case "exceeded_current_quota_error" or "insufficient_quota":
                return KimiErrorIds.QuotaExceeded;
            case "invalid_authentication_error" or "incorrect_api_key_error" or "authentication_error":
                return KimiErrorIds.AuthenticationFailed;
            case "permission_denied_error":
                return KimiErrorIds.PermissionDenied;
            case "resource_not_found_error":
                return NotFoundFor(context, message);
            case "rate_limit_reached_error":
                return KimiErrorIds.RateLimitReached;
            case "engine_overloaded_error":
                return KimiErrorIds.EngineOverloaded;
            case "server_error" or "unexpected_output" or "server_unavailable":
                return KimiErrorIds.ServerError;
            case "file_size_error":
                return KimiErrorIds.FileTooLarge;
            case "file_count_error":
                return KimiErrorIds.FileCountExceeded;
            case "invalid_request_error":
                return BadRequest(message, context);

            // Gateway error.code (AceData, reference §8.1).
            case "bad_request":
                return BadRequest(message, context);
            case "no_token" or "invalid_token" or "token_expired" or "token_mismatched":
                return KimiErrorIds.AuthenticationFailed;
            case "used_up" or "disabled":
                return KimiErrorIds.QuotaExceeded;
            case "forbidden":
                // AceData's 403 "forbidden" is its moderation verdict; elsewhere the word means nothing specific.
                return status == 403 ? KimiErrorIds.ContentFiltered : null;
            case "no_api":
                return KimiErrorIds.NotFound;
            case "too_many_requests":
                return KimiErrorIds.RateLimitReached;
            case "api_error" or "timeout":
                return KimiErrorIds.ServerError;
            default:
                return null;
        }
    }

    private static string ByStatus(int status, ErrorEnvelope envelope, ErrorContext context)
    {
        var message = envelope.Message;
        switch (status)
        {
            case 400: return BadRequest(message, context);
            case 401: return KimiErrorIds.AuthenticationFailed;
            // Kimi Code answers 402 when it cannot verify the membership: a billing problem.
            case 402: return KimiErrorIds.QuotaExceeded;
            case 403: return KimiErrorIds.PermissionDenied;
            case 404:
                // A chat 404 with no JSON error is a wrong URL (a proxy's page), not an unknown model.
                return envelope.Shape == BodyShape.Json ? NotFoundFor(context, message) : KimiErrorIds.NotFound;
            case 408: return KimiErrorIds.Timeout;
            case 413: return context is ErrorContext.Upload or ErrorContext.Files ? KimiErrorIds.FileTooLarge : KimiErrorIds.InvalidRequest;
            case 429:
                // An unknown 429 is a rate limit, unless the text says billing: never retry a billing error.
                return LooksLikeQuota(message) ? KimiErrorIds.QuotaExceeded : KimiErrorIds.RateLimitReached;
        }
        if (status >= 500) return KimiErrorIds.ServerError;
        if (status >= 400) return KimiErrorIds.InvalidRequest;
        // 1xx/2xx/3xx handed to us as an error: the exchange did not follow the protocol.
        return KimiErrorIds.ProtocolError;
    }

    /// <summary>The 400 family: Kimi sends one type (invalid_request_error) for several conditions; only the text tells them apart.</summary>
    private static string BadRequest(string? message, ErrorContext context)
    {
        if (message is null) return KimiErrorIds.InvalidRequest;
        if (Has(message, "input token length too long") || Has(message, "exceeded model token limit")
            || Has(message, "token length") || Has(message, "token limit") || Has(message, "context length")
            || Has(message, "context_length_exceeded"))
            return KimiErrorIds.ContextLengthExceeded;
        if (Has(message, "max file count") || Has(message, "too many files"))
            return KimiErrorIds.FileCountExceeded;
        if (Has(message, "file size is zero") || Has(message, "file is empty"))
            return KimiErrorIds.FileEmpty;
        if (Has(message, "file size is too large") || Has(message, "max file size") || Has(message, "file is too large"))
            return KimiErrorIds.FileTooLarge;
        if (Has(message, "considered high risk"))
            return KimiErrorIds.ContentFiltered;
        return KimiErrorIds.InvalidRequest;
    }

    private static string NotFoundFor(ErrorContext context, string? message) =>
        context == ErrorContext.Chat || (message is not null && Has(message, "model"))
            ? KimiErrorIds.ModelNotFound
            : KimiErrorIds.NotFound;

    private static bool LooksLikeQuota(string? message) =>
        message is not null && (Has(message, "suspended") || Has(message, "quota")
                                || Has(message, "insufficient balance") || Has(message, "billing"));

    /// <summary>The status an in-stream error would have had as a response, from its type or code.</summary>
    internal static int? StatusImpliedBy(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "content_filter" or "content_filter_error" or "invalid_request_error" or "file_size_error"
            or "file_count_error" or "bad_request" or "no_token" => 400,
        "invalid_authentication_error" or "incorrect_api_key_error" or "authentication_error"
            or "invalid_token" or "token_expired" or "token_mismatched" => 401,
        "permission_denied_error" or "forbidden" or "used_up" or "disabled" => 403,
        "resource_not_found_error" or "no_api" => 404,
        "rate_limit_reached_error" or "engine_overloaded_error" or "exceeded_current_quota_error"
            or "too_many_requests" => 429,
        "timeout" => 504,
        "server_error" or "unexpected_output" or "api_error" => 500,
        "server_unavailable" => 503,
        _ => null,
    };

    private static KimiApiException Build(string errorId, int statusCode, string where, ErrorEnvelope envelope,
        string? requestId, TimeSpan? retryAfter, string? apiKey)
    {
        var entry = ErrorTable.Get(errorId);
        var type = Token(envelope.Type, apiKey);
        var code = Token(envelope.Code, apiKey);
        var id = Token(requestId, apiKey);

        // "Summary (where kind): what the server said." — the brackets and colon are the UI language's (（）： in Chinese).
        var context = (type ?? code) is { } kind ? where + " " + kind : where;
        var sb = new StringBuilder(Msg.ErrorContext.Format(entry.Summary, context));
        var said = ServerText(envelope, apiKey);
        if (said is not null) sb.Append(Msg.ErrorServerSaid.Format(said));
        EndSentence(sb);

        if (errorId == KimiErrorIds.AuthenticationFailed) sb.Append(SentenceGap).Append(ErrorTable.KeyPlatformHint);
        if (errorId == KimiErrorIds.ModelNotFound) sb.Append(SentenceGap).Append(ErrorTable.ListModelsHint);
        if (errorId == KimiErrorIds.ServerError && statusCode == 504)
            sb.Append(SentenceGap).Append(Msg.GatewayTimeoutHint);
        if (id is not null) sb.Append(SentenceGap).Append(Msg.RequestIdSentence.Format(id));

        // Last line of defence: whatever the pieces were, the key does not leave in the message.
        var text = Secrets.Redact(sb.ToString(), apiKey);
        return new KimiApiException(errorId, entry.Category, text, entry.RecommendedAction, statusCode,
            type, code, id, retryAfter)
        {
            IsRetryable = entry.IsRetryable,
        };
    }

    /// <summary>The server's own words, made safe to show: redacted first (so a cut cannot leave half a key), then one line, then cut.</summary>
    private static string? ServerText(ErrorEnvelope envelope, string? apiKey)
    {
        var message = envelope.Message is null ? null : ErrorEnvelope.Collapse(Secrets.Redact(envelope.Message, apiKey));
        if (message is { Length: 0 }) message = null;
        return envelope.Shape switch
        {
            BodyShape.Empty => Msg.BodyEmpty,
            BodyShape.Html => message is null ? Msg.BodyHtml : Msg.BodyHtmlSaid.Format(message),
            BodyShape.Unreadable => Msg.BodyUnreadable,
            _ => message is null ? null : ErrorEnvelope.Cut(message, MaxServerMessageChars),
        };
    }

    private static string? Token(string? value, string? apiKey)
    {
        if (value is null) return null;
        var v = ErrorEnvelope.Collapse(Secrets.Redact(value, apiKey));
        return v.Length == 0 ? null : ErrorEnvelope.Cut(v, MaxTokenChars);
    }

    private static string? RequestIdFrom(string? message)
    {
        if (string.IsNullOrEmpty(message)) return null;
        try
        {
            var match = RequestIdInMessage.Match(message!.Length > 4000 ? message.Substring(0, 4000) : message);
            return match.Success ? match.Groups["id"].Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Between two sentences: a space in English, nothing after a Chinese full stop.</summary>
    private static string SentenceGap => UiLanguage.IsChinese ? "" : " ";

    private static void EndSentence(StringBuilder sb)
    {
        var last = sb[sb.Length - 1];
        if (last is not ('.' or '!' or '?' or '。' or '！' or '？' or '…')) sb.Append(Msg.FullStop.Value);
    }

    private static bool Has(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
}
