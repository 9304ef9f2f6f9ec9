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

    /// <summary>A conversation with images can be large, but not this large: bounds what Import reads into memory.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>The roles the chat API accepts (as RequestValidator does; cache is Kimi's legacy context-cache message).</summary>
    private static readonly string[] Roles = { "system", "user", "assistant", "tool", "cache" };

    /// <summary>
    /// A file people read: quotes as \" and &lt; &gt; &amp; ' as themselves, not \u0022 and the like, which the request
    /// bodies' encoder writes so that a body pasted into a page cannot break out of it (<see cref="KimiJson"/>). That
    /// defence is for HTML, not for a .json file on disk; what JSON itself requires (control characters, backslash)
    /// is still escaped.
    /// </summary>
    private static readonly JsonWriterOptions FileOptions = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Serialize(KimiConversation conversation)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, FileOptions))
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
        ReadOnlyMemory<byte> body;
        try
        {
            body = TextEncodings.ToUtf8(utf8);
        }
        catch (InvalidDataException ex)
        {
            throw ModuleErrors.InvalidConversationFile(source, ex.Message);
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw ModuleErrors.InvalidConversationFile(source, Msg.ConvNotJson.Format(ex.Message));
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
                if (root.Child("version") is { ValueKind: JsonValueKind.Number } v)
                {
                    if (!v.TryGetInt32(out var version))
                        throw ModuleErrors.InvalidConversationFile(source, Msg.ConvVersionNotWhole.Format(v.GetRawText()));
                    if (version > Version)
                        throw ModuleErrors.InvalidConversationFile(source, Msg.ConvNewerVersion.Format(version));
                }
                conversation.Model = root.String("model");
                if (root.TryGetProperty("created", out var c) && c.ValueKind == JsonValueKind.String && c.TryGetDateTimeOffset(out var created))
                    conversation.Created = created;
            }
            else
            {
                throw ModuleErrors.InvalidConversationFile(source, Msg.ConvRootShape);
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
        if (e.ValueKind != JsonValueKind.Object)
            throw ModuleErrors.InvalidConversationFile(source, Msg.ConvMessageKind.Format(index, Kind(e)));
        if (e.String("role") is not { Length: > 0 } role)
            throw ModuleErrors.InvalidConversationFile(source, Msg.ConvNoRole.Format(index));
        if (Array.IndexOf(Roles, role) < 0)
            throw ModuleErrors.InvalidConversationFile(source, Msg.ConvUnknownRole.Format(index, role));

        var message = new ChatMessage(role, null)
        {
            ReasoningContent = e.String("reasoning_content"),
            Name = e.String("name"),
            ToolCallId = e.String("tool_call_id"),
            Partial = e.Bool("partial"),
        };

        var hasToolCalls = e.Child("tool_calls") is { ValueKind: JsonValueKind.Array } calls0 && calls0.GetArrayLength() > 0;
        var content = e.Child("content");
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                message.Content = content.GetString();
                break;
            case JsonValueKind.Array:
                message.Parts = ReadParts(content, source, index);
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined when role == "assistant" && hasToolCalls:
                break; // the API's own shape for a turn that only calls tools
            case JsonValueKind.Null or JsonValueKind.Undefined:
                throw ModuleErrors.InvalidConversationFile(source, Msg.ConvNoContent.Format(index, role, (content.ValueKind == JsonValueKind.Null ? Msg.ConvNullContentField : Msg.ConvNoContentField).Value));
            default:
                throw ModuleErrors.InvalidConversationFile(source, Msg.ConvContentKind.Format(index, role, Kind(content), Clip(content.GetRawText())));
        }

        if (e.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
        {
            var list = new List<ToolCall>();
            var i = 0;
            foreach (var c in calls.EnumerateArray())
            {
                var f = c.Child("function");
                if (f.ValueKind != JsonValueKind.Object)
                    throw ModuleErrors.InvalidConversationFile(source, Msg.ConvToolCallNoFunction.Format(i, index));
                list.Add(new ToolCall(
                    c.String("id") ?? "",
                    f.String("name") ?? "",
                    ArgumentsOf(f),
                    c.String("type") ?? "function",
                    c.Long("index") is { } ix and >= 0 and <= int.MaxValue ? (int)ix : i));
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
            var type = p.String("type");
            if (type == "text")
            {
                parts.Add(ChatContentPart.FromText(p.String("text") ?? ""));
            }
            else if (type is "image_url" or "video_url" && p.TryGetProperty(type, out var media))
            {
                // The API accepts both {"image_url":{"url":…}} and the 2026 string form {"image_url":"data:…"}.
                var url = media.ValueKind == JsonValueKind.String ? media.GetString() : media.String("url");
                parts.Add(new ChatContentPart(type, url ?? ""));
            }
            else
            {
                throw ModuleErrors.InvalidConversationFile(source, Msg.ConvUnknownPart.Format(index, type));
            }
        }
        return parts;
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => "number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        _ => "null",
    };

    private static string Clip(string raw) => raw.Length <= 40 ? raw : raw.Substring(0, 39) + "…";

    /// <summary>A JSON string as written by the API and by us; the object itself (other tools' files) as its JSON text.</summary>
    private static string ArgumentsOf(JsonElement function)
    {
        var arguments = function.Child("arguments");
        return arguments.ValueKind switch
        {
            JsonValueKind.String => arguments.GetString() ?? "",
            JsonValueKind.Object or JsonValueKind.Array => arguments.GetRawText(),
            _ => "",
        };
    }

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

    public static KimiConversation Load(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Deserialize(ReadBounded(stream, path), path);
    }

    /// <summary>
    /// The whole file, but never more than <see cref="MaxFileBytes"/>: a device such as /dev/zero reports no length
    /// and never ends, so the bound is checked while reading as well as up front.
    /// </summary>
    private static byte[] ReadBounded(Stream stream, string path)
    {
        KimiException TooLarge(long bytes) => ModuleErrors.InvalidConversationFile(path,
            Msg.ConvTooLarge.Format(MaxFileBytes / (1024 * 1024), bytes / (1024 * 1024)));
        if (stream.CanSeek && stream.Length > MaxFileBytes) throw TooLarge(stream.Length);
        using var buffer = new MemoryStream(stream.CanSeek ? (int)stream.Length : 81920);
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes) throw TooLarge(buffer.Length + read);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The JSON as text (UTF-8 without BOM on disk), for tests and diagnostics.</summary>
    public static string ToText(KimiConversation conversation) => Encoding.UTF8.GetString(Serialize(conversation));
}
