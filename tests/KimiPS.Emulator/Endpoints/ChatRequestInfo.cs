using System.Text.Json;

namespace KimiPS.Emulator.Endpoints;

/// <summary>The few request facts a rendered completion echoes: id number, model, stream flags.</summary>
internal sealed record ChatRequestInfo(long Number, string Model, bool Stream, bool IncludeUsage)
{
    public string Id => "chatcmpl-emu-" + Number;

    public static ChatRequestInfo From(RecordedRequest request)
    {
        var root = request.Json?.RootElement;
        if (root is not { ValueKind: JsonValueKind.Object } body) return new(request.Number, "kimi-k2.6", false, false);
        var model = body.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "kimi-k2.6";
        var stream = body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var includeUsage = body.TryGetProperty("stream_options", out var o) && o.ValueKind == JsonValueKind.Object
            && o.TryGetProperty("include_usage", out var u) && u.ValueKind == JsonValueKind.True;
        return new(request.Number, model, stream, includeUsage);
    }
}
