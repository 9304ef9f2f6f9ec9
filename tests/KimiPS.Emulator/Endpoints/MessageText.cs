using System.Text;
using System.Text.Json;

namespace KimiPS.Emulator.Endpoints;

/// <summary>Reads the text of a chat message whose content is a string or an array of parts.</summary>
internal static class MessageText
{
    /// <summary>The text of the message: a string content, or its <c>text</c> parts joined.</summary>
    public static string Of(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("content", out var content)) return "";
        if (content.ValueKind == JsonValueKind.String) return content.GetString() ?? "";
        if (content.ValueKind != JsonValueKind.Array) return "";
        var text = new StringBuilder();
        foreach (var part in content.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                text.Append(t.GetString());
        }
        return text.ToString();
    }

    /// <summary>Kimi refuses null, missing, "" and [] content; a single space is accepted (clients rely on it).</summary>
    public static bool IsEmpty(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("content", out var content)) return true;
        return content.ValueKind switch
        {
            JsonValueKind.String => (content.GetString() ?? "").Length == 0,
            JsonValueKind.Array => content.GetArrayLength() == 0,
            _ => true,
        };
    }
}
