using System.Text.Json;

namespace KimiPS.Core;

/// <summary>
/// Small <see cref="Utf8JsonReader"/> helpers for the stream decoder. Each checks the token type first,
/// so a value of the wrong shape is a protocol error naming its byte offset, not an InvalidOperationException.
/// </summary>
internal static class StreamJson
{
    /// <summary>Moves to the next token; the event is a complete JSON text, so running out is an error.</summary>
    public static void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw Malformed(reader.BytesConsumed, Msg.JsonEndsEarly);
    }

    /// <summary>A string value, or null for JSON null. An empty string costs nothing.</summary>
    public static string? ReadString(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return null;
            case JsonTokenType.String: return reader.ValueSpan.Length == 0 ? "" : reader.GetString();
            default: throw Unexpected(ref reader, Msg.JsonString);
        }
    }

    /// <summary>An integer value; null for JSON null. Tolerates a whole number written as a float.</summary>
    public static long? ReadInt64(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return null;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out long value)) return value;
                if (reader.TryGetDouble(out double d) && d >= long.MinValue && d <= long.MaxValue) return (long)d;
                throw Unexpected(ref reader, Msg.JsonInteger);
            default: throw Unexpected(ref reader, "a number");
        }
    }

    public static int ReadInt32OrZero(ref Utf8JsonReader reader)
    {
        long? value = ReadInt64(ref reader);
        if (value is null) return 0;
        if (value < int.MinValue || value > int.MaxValue) throw Unexpected(ref reader, Msg.JsonInt32);
        return (int)value.Value;
    }

    /// <summary>
    /// Reads a usage object (reader on its first token); null for JSON null. <c>cached_tokens</c> is Kimi's
    /// top-level field; gateways put it in <c>prompt_tokens_details</c>, used only when the top-level one is absent.
    /// </summary>
    public static ChatUsage? ReadUsage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        ExpectStartObject(ref reader, "usage");
        var usage = new ChatUsage();
        int? cached = null, detailsCached = null;
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) break;
            if (reader.ValueTextEquals("prompt_tokens"u8)) { Read(ref reader); usage.PromptTokens = ReadInt32OrZero(ref reader); }
            else if (reader.ValueTextEquals("completion_tokens"u8)) { Read(ref reader); usage.CompletionTokens = ReadInt32OrZero(ref reader); }
            else if (reader.ValueTextEquals("total_tokens"u8)) { Read(ref reader); usage.TotalTokens = ReadInt32OrZero(ref reader); }
            else if (reader.ValueTextEquals("cached_tokens"u8))
            {
                Read(ref reader);
                if (reader.TokenType != JsonTokenType.Null) cached = ReadInt32OrZero(ref reader);
            }
            else if (reader.ValueTextEquals("prompt_tokens_details"u8))
            {
                Read(ref reader);
                detailsCached = ReadDetailsCachedTokens(ref reader) ?? detailsCached;
            }
            else
            {
                Read(ref reader);
                reader.Skip();
            }
        }
        usage.CachedTokens = cached ?? detailsCached ?? 0;
        return usage;
    }

    private static int? ReadDetailsCachedTokens(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        ExpectStartObject(ref reader, "prompt_tokens_details");
        int? cached = null;
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) return cached;
            bool isCached = reader.ValueTextEquals("cached_tokens"u8);
            Read(ref reader);
            if (isCached && reader.TokenType != JsonTokenType.Null) cached = ReadInt32OrZero(ref reader);
            else reader.Skip();
        }
    }

    /// <summary>
    /// Looks ahead, on a copy of the reader, for a property of the object the reader is in (reader on a
    /// property name or value of that object). Used when a key such as <c>index</c> comes after the data
    /// that needs it; servers send it first, so this is the rare path.
    /// </summary>
    public static bool TryFindProperty(Utf8JsonReader copy, ReadOnlySpan<byte> name, out Utf8JsonReader value)
    {
        if (copy.TokenType == JsonTokenType.PropertyName) Read(ref copy);
        while (true)
        {
            copy.Skip(); // the current value (no-op for a primitive)
            Read(ref copy);
            if (copy.TokenType != JsonTokenType.PropertyName) break; // end of the object
            bool match = copy.ValueTextEquals(name);
            Read(ref copy);
            if (match)
            {
                value = copy;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static void ExpectStartObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Unexpected(ref reader, Msg.JsonObjectFor.Format(what));
    }

    public static KimiException Unexpected(ref Utf8JsonReader reader, string expected) =>
        SseProtocol.Error(Msg.StreamEventUnexpected.Format(Describe(reader.TokenType), reader.TokenStartIndex, expected));

    public static KimiException Malformed(long byteOffset, string reason) =>
        SseProtocol.Error(Msg.StreamEventNotJsonReason.Format(byteOffset, reason));

    public static KimiException Malformed(long byteOffset, Exception inner) =>
        SseProtocol.Error(Msg.StreamEventNotJson.Format(byteOffset), inner);

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => Msg.JsonObject,
        JsonTokenType.StartArray => Msg.JsonArray,
        JsonTokenType.String => Msg.JsonString,
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };
}
