using Microsoft.AspNetCore.Http;

namespace KimiPS.Emulator.Server;

/// <summary>Turns an incoming request into a <see cref="RecordedRequest"/>.</summary>
internal static class Recorder
{
    /// <summary>Multipart bodies are left unread here: the files endpoint streams them, and Body stays empty.</summary>
    public static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;

    public static async Task<RecordedRequest> RecordAsync(HttpContext context, long number)
    {
        var request = context.Request;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers) headers[header.Key] = string.Join(", ", header.Value.ToArray());

        var body = Array.Empty<byte>();
        if (!IsMultipart(request))
        {
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy, context.RequestAborted);
            body = copy.ToArray();
        }
        return new RecordedRequest(number, request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", headers, body);
    }

    /// <summary>Reads and discards what is left of the body, so an early answer (401, 429, a fault) reaches an uploading client cleanly.</summary>
    public static async Task DrainAsync(HttpRequest request, CancellationToken ct)
    {
        var buffer = new byte[81920];
        while (await request.Body.ReadAsync(buffer, ct) > 0)
        {
        }
    }
}
