using System.Text;
using System.Text.Json;

namespace KimiPS.Core;

/// <summary>
/// Reads and writes a <see cref="KimiConversation"/> as UTF-8 JSON. Messages use the wire names
/// (reasoning_content, tool_calls, tool_call_id) so a saved file is readable next to the API docs.
/// Import also accepts a bare JSON array of messages (an OpenAI-style history).
/// </summary>
internal static class ConversationJson
{
    public const string Format = "KimiPS.Conversation";
    public const int Version = 1;

    public static byte[] Serialize(KimiConversation conversation)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = KimiJson.WriterOptions.Encoder }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("version", Version);
            if (conversation.Model != null) w.WriteString("model", conversation.Model);
            w.WriteString("created", conversation.Created);
            w.WriteStartArray("messages");
            foreach (var m in conversation.Messages) ChatRequestWriter.WriteMessage(w, m);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Parses a saved conversation; <paramref name="source"/> names the file in errors.</summary>
    public static KimiConversation Deserialize(byte[] utf8, string source)
    {
        // Files saved by Windows PowerShell 5.1 (Set-Content -Encoding UTF8) start with a BOM that JsonDocument rejects.
        var body = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF
            ? new ReadOnlyMemory<byte>(utf8, 3, utf8.Length - 3)
            : new ReadOnlyMemory<byte>(utf8);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw ModuleErrors.InvalidConversationFile(source, "it is not valid JSON (" + ex.Message + ")");
        }
        using (doc)
        {
            var root = doc.RootElement;
            var conversation = new KimiConversation();
            JsonElement messages;
            if (root.ValueKind == JsonValueKind.Array)
            {
                messages = root;
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("messages", out messages) && messages.ValueKind == JsonValueKind.Array)
            {
                if (root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.GetInt32() > Version)
                    throw ModuleErrors.InvalidConversationFile(source, $"it was written by a newer KimiPS (format version {v.GetInt32()})");
                conversation.Model = GetString(root, "model");
                if (root.TryGetProperty("created", out var c) && c.ValueKind == JsonValueKind.String && c.TryGetDateTimeOffset(out var created))
                    conversation.Created = created;
            }
            else
            {
                throw ModuleErrors.InvalidConversationFile(source, "the root is neither an object with a 'messages' array nor an array of messages");
            }

            var index = 0;
            foreach (var m in messages.EnumerateArray())
            {
                conversation.Messages.Add(ReadMessage(m, source, index++));
            }
            return conversation;
        }
    }

    private static ChatMessage ReadMessage(JsonElement e, string source, int index)
    {
        if (e.ValueKind != JsonValueKind.Object || GetString(e, "role") is not { Length: > 0 } role)
            throw ModuleErrors.InvalidConversationFile(source, $"message {index} has no 'role'");

        var message = new ChatMessage(role, null)
        {
            ReasoningContent = GetString(e, "reasoning_content"),
            Name = GetString(e, "name"),
            ToolCallId = GetString(e, "tool_call_id"),
            Partial = e.TryGetProperty("partial", out var partial) && partial.ValueKind == JsonValueKind.True,
        };

        if (e.TryGetProperty("content", out var content))
        {
            if (content.ValueKind == JsonValueKind.String) message.Content = content.GetString();
            else if (content.ValueKind == JsonValueKind.Array) message.Parts = ReadParts(content, source, index);
        }

        if (e.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
        {
            var list = new List<ToolCall>();
            var i = 0;
            foreach (var c in calls.EnumerateArray())
            {
                if (!c.TryGetProperty("function", out var f) || f.ValueKind != JsonValueKind.Object)
                    throw ModuleErrors.InvalidConversationFile(source, $"tool call {i} of message {index} has no 'function'");
                list.Add(new ToolCall(
                    GetString(c, "id") ?? "",
                    GetString(f, "name") ?? "",
                    GetString(f, "arguments") ?? "",
                    GetString(c, "type") ?? "function",
                    c.TryGetProperty("index", out var ix) && ix.ValueKind == JsonValueKind.Number ? ix.GetInt32() : i));
                i++;
            }
            message.ToolCalls = list;
        }
        return message;
    }

    private static List<ChatContentPart> ReadParts(JsonElement array, string source, int index)
    {
        var parts = new List<ChatContentPart>();
        foreach (var p in array.EnumerateArray())
        {
            var type = GetString(p, "type");
            if (type == "text")
            {
                parts.Add(ChatContentPart.FromText(GetString(p, "text") ?? ""));
            }
            else if (type is "image_url" or "video_url" && p.TryGetProperty(type, out var media))
            {
                // The API accepts both {"image_url":{"url":…}} and the 2026 string form {"image_url":"data:…"}.
                var url = media.ValueKind == JsonValueKind.String ? media.GetString() : GetString(media, "url");
                parts.Add(new ChatContentPart(type, url ?? ""));
            }
            else
            {
                throw ModuleErrors.InvalidConversationFile(source, $"message {index} has a content part of unknown type '{type}'");
            }
        }
        return parts;
    }

    private static string? GetString(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Writes the file; <paramref name="noClobber"/> refuses to replace an existing one.</summary>
    public static void Save(KimiConversation conversation, string path, bool noClobber)
    {
        var bytes = Serialize(conversation);
        FileStream stream;
        try
        {
            stream = new FileStream(path, noClobber ? FileMode.CreateNew : FileMode.Create, FileAccess.Write, FileShare.None);
        }
        catch (IOException) when (noClobber && File.Exists(path))
        {
            throw ModuleErrors.FileExists(path);
        }
        using (stream) stream.Write(bytes, 0, bytes.Length);
    }

    public static KimiConversation Load(string path) => Deserialize(File.ReadAllBytes(path), path);

    /// <summary>The JSON as text (UTF-8 without BOM on disk), for tests and diagnostics.</summary>
    public static string ToText(KimiConversation conversation) => Encoding.UTF8.GetString(Serialize(conversation));
}
