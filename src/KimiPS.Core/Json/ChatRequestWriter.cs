using System.Text.Json;

namespace KimiPS.Core;

/// <summary>
/// Writes exactly the Kimi chat body (reference/kimi-api.md §3.1) from a request the policy has prepared:
/// what is null is omitted, and nothing is decided here (see <see cref="ModelPolicy"/>).
/// </summary>
internal static class ChatRequestWriter
{
    public static byte[] ToUtf8(ChatRequest wire, bool stream)
    {
        var body = Serialize(w => Write(w, wire, stream));
        return wire.AdditionalBody is { Count: > 0 } extra ? AdditionalBody.Merge(body, extra) : body;
    }

    /// <summary>The body of /v1/tokenizers/estimate-token-count: the model and the messages only.</summary>
    public static byte[] EstimateBody(ChatRequest wire) => Serialize(w =>
    {
        w.WriteStartObject();
        w.WriteString("model", wire.Model);
        WriteMessages(w, wire.Messages);
        w.WriteEndObject();
    });

    public static void Write(Utf8JsonWriter writer, ChatRequest wire, bool stream)
    {
        writer.WriteStartObject();
        writer.WriteString("model", wire.Model);
        WriteMessages(writer, wire.Messages);

        if (wire.Temperature is { } temperature) KimiJson.WriteNumber(writer, "temperature", temperature);
        if (wire.TopP is { } topP) KimiJson.WriteNumber(writer, "top_p", topP);
        if (wire.MaxTokens is { } maxTokens) writer.WriteNumber("max_tokens", maxTokens);
        if (wire.MaxCompletionTokens is { } maxCompletion) writer.WriteNumber("max_completion_tokens", maxCompletion);
        if (wire.N is { } n) writer.WriteNumber("n", n);
        if (wire.PresencePenalty is { } presence) KimiJson.WriteNumber(writer, "presence_penalty", presence);
        if (wire.FrequencyPenalty is { } frequency) KimiJson.WriteNumber(writer, "frequency_penalty", frequency);
        WriteStop(writer, wire.Stop);

        if (stream)
        {
            writer.WriteBoolean("stream", true);
            if (wire.IncludeUsage)
            {
                writer.WriteStartObject("stream_options");
                writer.WriteBoolean("include_usage", true);
                writer.WriteEndObject();
            }
        }

        if (wire.ResponseFormat is { } format) WriteResponseFormat(writer, format);
        if (wire.Tools is { Count: > 0 } tools) WriteTools(writer, tools);
        if (wire.ToolChoice is { } toolChoice) writer.WriteString("tool_choice", toolChoice);

        if (wire.Thinking is { } thinking)
        {
            // An object, never a bool: Kimi answers 400 to "thinking": true.
            writer.WriteStartObject("thinking");
            writer.WriteString("type", thinking ? "enabled" : "disabled");
            if (thinking && wire.KeepThinking) writer.WriteString("keep", "all");
            writer.WriteEndObject();
        }
        if (wire.ReasoningEffort is { } effort) writer.WriteString("reasoning_effort", effort);
        if (wire.PromptCacheKey is { } cacheKey) writer.WriteString("prompt_cache_key", cacheKey);
        if (wire.SafetyIdentifier is { } safety) writer.WriteString("safety_identifier", safety);
        writer.WriteEndObject();
    }

    private static void WriteMessages(Utf8JsonWriter writer, IList<ChatMessage> messages)
    {
        writer.WriteStartArray("messages");
        foreach (var m in messages) WriteMessage(writer, m);
        writer.WriteEndArray();
    }

    /// <summary>One message exactly as the API takes it; conversation files use the same shape.</summary>
    internal static void WriteMessage(Utf8JsonWriter writer, ChatMessage m)
    {
        var hasToolCalls = m.ToolCalls is { Count: > 0 };
        writer.WriteStartObject();
        writer.WriteString("role", m.Role);
        if (m.Parts is { Count: > 0 } parts) WriteParts(writer, parts);
        else if (m.Content is not null) writer.WriteString("content", m.Content);
        else if (hasToolCalls) writer.WriteNull("content"); // null content is accepted only beside tool_calls
        else writer.WriteString("content", "");
        if (m.Name is not null) writer.WriteString("name", m.Name);
        if (m.Partial) writer.WriteBoolean("partial", true);
        if (m.ReasoningContent is not null) writer.WriteString("reasoning_content", m.ReasoningContent);
        if (hasToolCalls)
        {
            writer.WriteStartArray("tool_calls");
            foreach (var call in m.ToolCalls!)
            {
                writer.WriteStartObject();
                writer.WriteString("id", call.Id);
                writer.WriteString("type", call.Type);
                writer.WriteStartObject("function");
                writer.WriteString("name", call.Name);
                // Echoed verbatim (a JSON string): $web_search needs its arguments back unchanged.
                writer.WriteString("arguments", call.Arguments);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (m.ToolCallId is not null) writer.WriteString("tool_call_id", m.ToolCallId);
        writer.WriteEndObject();
    }

    private static void WriteParts(Utf8JsonWriter writer, IList<ChatContentPart> parts)
    {
        writer.WriteStartArray("content");
        foreach (var part in parts)
        {
            writer.WriteStartObject();
            writer.WriteString("type", part.Type);
            if (part.Type == "text")
            {
                writer.WriteString("text", part.Text ?? "");
            }
            else
            {
                writer.WriteStartObject(part.Type); // image_url / video_url: {"url": ...}
                writer.WriteString("url", part.Url ?? "");
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteStop(Utf8JsonWriter writer, IList<string>? stop)
    {
        if (stop is null || stop.Count == 0) return;
        if (stop.Count == 1)
        {
            writer.WriteString("stop", stop[0]);
            return;
        }
        writer.WriteStartArray("stop");
        foreach (var s in stop) writer.WriteStringValue(s);
        writer.WriteEndArray();
    }

    private static void WriteResponseFormat(Utf8JsonWriter writer, ChatResponseFormat format)
    {
        writer.WriteStartObject("response_format");
        writer.WriteString("type", format.Type);
        if (format.Type == "json_schema")
        {
            writer.WriteStartObject("json_schema");
            writer.WriteString("name", format.SchemaName);
            writer.WritePropertyName("schema");
            writer.WriteRawValue(format.SchemaJson ?? "{}");
            if (format.Strict is { } strict) writer.WriteBoolean("strict", strict);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteTools(Utf8JsonWriter writer, IList<ChatTool> tools)
    {
        writer.WriteStartArray("tools");
        foreach (var tool in tools)
        {
            writer.WriteStartObject();
            writer.WriteString("type", tool.Type);
            writer.WriteStartObject("function");
            writer.WriteString("name", tool.Name);
            // Built-ins ($web_search) are declared by name alone.
            if (tool.Type == "function")
            {
                if (tool.Description is not null) writer.WriteString("description", tool.Description);
                if (tool.ParametersJson is not null)
                {
                    writer.WritePropertyName("parameters");
                    writer.WriteRawValue(tool.ParametersJson);
                }
                if (tool.Strict is { } strict) writer.WriteBoolean("strict", strict);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static byte[] Serialize(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, KimiJson.WriterOptions)) write(writer);
        return buffer.ToArray();
    }
}
