using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KimiPS.Core;

/// <summary>What could be read from an error body. Every field may be missing; reading never throws.</summary>
internal sealed class ErrorEnvelope
{
    /// <summary>Bodies larger than this are not error envelopes worth parsing (a proxy's page, a dump).</summary>
    private const int MaxParsedBytes = 1024 * 1024;
    private const int MaxTitleChars = 120;
    private const int MaxPlainTextChars = 300;

    private static readonly Regex HtmlTitle = new(@"<title[^>]*>(?<t>[^<]{1,500})</title>",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    private ErrorEnvelope(BodyShape shape) => Shape = shape;

    public BodyShape Shape { get; }
    /// <summary>Kimi's <c>error.type</c>.</summary>
    public string? Type { get; private set; }
    /// <summary>A gateway's <c>error.code</c> (or Kimi's optional one).</summary>
    public string? Code { get; private set; }
    /// <summary>The server's text, unredacted and untruncated: callers redact.</summary>
    public string? Message { get; private set; }
    /// <summary><c>trace_id</c> or <c>request_id</c> from the body.</summary>
    public string? TraceId { get; private set; }

    public static ErrorEnvelope Read(ReadOnlySpan<byte> body)
    {
        body = TrimStart(body);
        if (body.IsEmpty) return new ErrorEnvelope(BodyShape.Empty);
        if (body[0] == (byte)'<') return ReadHtml(body);
        if (body[0] == (byte)'{' || body[0] == (byte)'[' || body[0] == (byte)'"')
            return body.Length <= MaxParsedBytes ? ReadJson(body) : new ErrorEnvelope(BodyShape.Unreadable);
        return ReadPlainText(body);
    }

    private static ErrorEnvelope ReadJson(ReadOnlySpan<byte> body)
    {
        try
        {
            // JsonDocument needs memory, not a span; an error body is small and rare, so one copy is fine.
            using var doc = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
                MaxDepth = 32,
            });
            var envelope = new ErrorEnvelope(BodyShape.Json);
            envelope.Fill(doc.RootElement);
            return envelope;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            // Malformed JSON: the caller falls back to the status alone.
            return new ErrorEnvelope(BodyShape.Unreadable);
        }
    }

    private void Fill(JsonElement root)
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.String:
                Message = root.GetString();
                return;
            case JsonValueKind.Array:
                // AceData's SDK tolerates a list; take the first element.
                foreach (var item in root.EnumerateArray()) { Fill(item); return; }
                return;
            case JsonValueKind.Object:
                break;
            default:
                return;
        }

        TraceId = Text(root, "trace_id") ?? Text(root, "request_id");
        if (root.TryGetProperty("error", out var error))
        {
            switch (error.ValueKind)
            {
                case JsonValueKind.Object:
                    Type = Text(error, "type");
                    Code = Text(error, "code");
                    Message = Text(error, "message");
                    TraceId ??= Text(error, "trace_id") ?? Text(error, "request_id");
                    break;
                case JsonValueKind.String:
                    Message = error.GetString();
                    break;
                case JsonValueKind.Array:
                    foreach (var item in error.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.Object)
                        {
                            Type = Text(item, "type");
                            Code = Text(item, "code");
                            Message = Text(item, "message");
                        }
                        else if (item.ValueKind == JsonValueKind.String) Message = item.GetString();
                        break;
                    }
                    break;
            }
        }

        // Some proxies answer {"message": "..."} or FastAPI's {"detail": "..."}.
        Message ??= Text(root, "message") ?? Text(root, "detail");
    }

    private static string? Text(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Object or JsonValueKind.Array => value.GetRawText(),
            _ => null,
        };
    }

    private static ErrorEnvelope ReadHtml(ReadOnlySpan<byte> body)
    {
        // Only the <title> is kept ("504 Gateway Time-out"); the page itself is never shown.
        var head = Decode(body.Slice(0, Math.Min(body.Length, 4096)));
        var envelope = new ErrorEnvelope(BodyShape.Html);
        try
        {
            var match = HtmlTitle.Match(head);
            if (match.Success)
            {
                var title = Collapse(System.Net.WebUtility.HtmlDecode(match.Groups["t"].Value));
                if (title.Length > 0) envelope.Message = Cut(title, MaxTitleChars);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological page: no title then.
        }
        return envelope;
    }

    private static ErrorEnvelope ReadPlainText(ReadOnlySpan<byte> body)
    {
        // "upstream request timeout" from a proxy is worth showing; a long dump is not.
        var text = Collapse(Decode(body.Slice(0, Math.Min(body.Length, MaxPlainTextChars * 4))));
        return new ErrorEnvelope(BodyShape.PlainText) { Message = text.Length == 0 ? null : Cut(text, MaxPlainTextChars) };
    }

    private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> body)
    {
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF) body = body.Slice(3);
        var i = 0;
        while (i < body.Length && body[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return body.Slice(i);
    }

    private static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes.ToArray());

    /// <summary>Control characters and runs of white space become one space, so a message stays on one line.</summary>
    internal static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    internal static string Cut(string text, int max)
    {
        if (text.Length <= max) return text;
        // Do not split a surrogate pair: half a character renders as garbage.
        if (char.IsHighSurrogate(text[max - 1])) max--;
        return text.Substring(0, max) + "…";
    }
}
