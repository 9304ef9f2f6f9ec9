using System.Text;
using System.Text.Json;

namespace KimiPS.Emulator;

/// <summary>
/// A request as the emulator received it. Multipart uploads are not kept in <see cref="Body"/>
/// (a 100 MB upload must not sit in memory); their size, file name and purpose are recorded instead.
/// </summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(long number, string method, string path, string query, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        Number = number;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
        BodyText = Encoding.UTF8.GetString(body);
        Json = TryParse(body);
    }

    /// <summary>The request's number; its response carries <c>Msh-Request-Id: emu-{Number}</c>.</summary>
    public long Number { get; }

    /// <summary>The <c>Msh-Request-Id</c> value this request was answered with.</summary>
    public string RequestId => "emu-" + Number;

    public string Method { get; }

    /// <summary>The path, e.g. <c>/v1/chat/completions</c>.</summary>
    public string Path { get; }

    /// <summary>The query string with its leading <c>?</c>, or empty.</summary>
    public string Query { get; }

    /// <summary>Request headers, case-insensitive; repeated headers are joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body bytes; empty for multipart uploads.</summary>
    public byte[] Body { get; }

    public string BodyText { get; }

    /// <summary>The body parsed as JSON, or null when it is not JSON.</summary>
    public JsonDocument? Json { get; }

    /// <summary>For a multipart upload: the bytes of the <c>file</c> part (counted while discarding them).</summary>
    public long? UploadBytes { get; internal set; }

    /// <summary>For a multipart upload: the file name the client sent.</summary>
    public string? UploadFileName { get; internal set; }

    /// <summary>For a multipart upload: the plain <c>filename</c> parameter (unquoted), whatever <c>filename*</c> says.</summary>
    public string? UploadPlainFileName { get; internal set; }

    /// <summary>For a multipart upload: the <c>purpose</c> field.</summary>
    public string? UploadPurpose { get; internal set; }

    /// <summary>The request's Content-Type, or null.</summary>
    public string? ContentType => Headers.TryGetValue("Content-Type", out var value) ? value : null;

    public override string ToString() => $"{Method} {Path}{Query}";

    private static JsonDocument? TryParse(byte[] body)
    {
        var span = body.AsSpan().TrimStart(" \t\r\n"u8);
        if (span.IsEmpty || (span[0] != (byte)'{' && span[0] != (byte)'[')) return null;
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            // Malformed JSON is recorded as text only; the endpoint answers 400 for it.
            return null;
        }
    }
}
