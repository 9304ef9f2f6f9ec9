using System.Text.Json;

namespace KimiPS.Core;

/// <summary>Tolerant accessors for the small, non-hot-path JSON bodies (files, models, balance, batches).</summary>
internal static class JsonRead
{
    public static JsonDocument Parse(byte[] body, string what)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw Errors.ProtocolError(Msg.AnswerNotJson.Format(what, ex.BytePositionInLine), ex);
        }
    }

    public static string? String(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static long? Long(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    public static decimal? Decimal(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var n) ? n : null;

    public static bool Bool(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    public static DateTimeOffset? UnixTime(this JsonElement e, string name) =>
        e.Long(name) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    public static JsonElement Child(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    /// <summary>The items of <c>data</c> in a <c>{"object":"list","data":[…]}</c> body.</summary>
    public static IEnumerable<JsonElement> DataItems(this JsonElement root)
    {
        var data = root.Child("data");
        return data.ValueKind == JsonValueKind.Array ? data.EnumerateArray() : Enumerable.Empty<JsonElement>();
    }
}
