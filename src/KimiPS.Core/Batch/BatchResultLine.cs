using System.Text;
using System.Text.Json;

namespace KimiPS.Core;

/// <summary>
/// Reads one line of a batch's output or error file (reference §2.5, OpenAI's shape):
/// <c>{"custom_id", "response": {"status_code", "request_id"?, "body"}, "error": {"code", "message"} | null}</c>.
/// A 2xx response is a ChatCompletion; any other status goes through the error catalogue as the same response
/// would for a direct call; a line with only an error (expired, cancelled, failed validation) maps by its code.
/// </summary>
internal static class BatchResultLine
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The answer, or the failure, of the request <paramref name="customId"/>.</summary>
    public static (ChatCompletion? Completion, KimiException? Error) Read(byte[] line, string customId, string? apiKey)
    {
        using var doc = Parse(line, customId);
        var root = doc.RootElement;
        var response = root.Child("response");
        var error = root.Child("error");
        if (response.ValueKind == JsonValueKind.Object && response.Long("status_code") is long status)
        {
            var body = response.Child("body");
            var bodyBytes = body.ValueKind == JsonValueKind.Undefined ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(body.GetRawText());
            if (status is >= 200 and < 300)
            {
                var completion = ChatCompletionReader.Read(bodyBytes, response.String("request_id"), null, apiKey);
                return (completion, null);
            }
            return (null, ErrorCatalog.FromResponse((int)status, NoHeaders, bodyBytes, apiKey, ErrorContext.Chat));
        }
        if (error.ValueKind == JsonValueKind.Object) return (null, FromError(error, customId, apiKey));
        return (null, Errors.ProtocolError($"the batch's result line for request '{customId}' has neither a response with a status_code nor an error"));
    }

    private static KimiException FromError(JsonElement error, string customId, string? apiKey)
    {
        var code = error.String("code") ?? error.String("type");
        var message = Secrets.Redact(error.String("message") ?? "", apiKey);
        switch (code)
        {
            case "batch_expired": return BatchErrors.Expired(customId, message);
            case "batch_cancelled": return BatchErrors.Cancelled(customId, message);
        }
        // A code no catalogue entry knows (invalid_json_line, duplicate_custom_id, ...) is the batch refusing the
        // request, not a server failure: it is classified as an invalid request, keeping the code in the message.
        var known = ErrorCatalog.StatusImpliedBy(error.String("type")) ?? ErrorCatalog.StatusImpliedBy(error.String("code"));
        var json = known is null
            ? "{\"error\":{\"type\":\"invalid_request_error\",\"code\":" + JsonString(code ?? "") + ",\"message\":" + JsonString(message) + "}}"
            : "{\"error\":" + error.GetRawText() + "}";
        return ErrorCatalog.FromStreamError(Encoding.UTF8.GetBytes(json), null, apiKey, "error line of the batch's result file");
    }

    private static string JsonString(string text)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) writer.WriteStringValue(text);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static JsonDocument Parse(byte[] line, string customId)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw Errors.ProtocolError($"the batch's result line for request '{customId}' is not valid JSON ({ex.Message})", ex);
        }
    }
}
