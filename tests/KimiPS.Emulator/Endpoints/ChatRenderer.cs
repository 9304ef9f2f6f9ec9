using System.Text.Json;
using KimiPS.Emulator.Server;

namespace KimiPS.Emulator.Endpoints;

/// <summary>
/// Renders a <see cref="ChatScript"/> the way Kimi does (reference §4): a <c>chat.completion</c>, or a
/// stream of <c>chat.completion.chunk</c> events with reasoning before content, tool calls as
/// fragments keyed by index, and per-choice usage on each choice's final chunk.
/// </summary>
internal static class ChatRenderer
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    public static ResponsePlan Render(ChatScript script, ChatRequestInfo request) =>
        request.Stream ? Stream(script, request) : JsonBytes.Ok(w => WriteCompletion(w, script, request));

    /// <summary>A non-streamed completion; also the body of each batch output line.</summary>
    public static void WriteCompletion(Utf8JsonWriter w, ChatScript script, ChatRequestInfo request)
    {
        w.WriteStartObject();
        w.WriteString("id", request.Id);
        w.WriteString("object", "chat.completion");
        w.WriteNumber("created", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        w.WriteString("model", request.Model);
        w.WriteStartArray("choices");
        for (var i = 0; i < ChoiceCount(script); i++)
        {
            w.WriteStartObject();
            w.WriteNumber("index", i);
            w.WriteStartObject("message");
            w.WriteString("role", "assistant");
            // Kimi sends "" (not null) when the answer is only tool calls.
            w.WriteString("content", script.Content ?? "");
            if (script.Reasoning is not null) w.WriteString("reasoning_content", script.Reasoning);
            if (script.ToolCalls.Count > 0)
            {
                w.WriteStartArray("tool_calls");
                foreach (var call in script.ToolCalls)
                {
                    w.WriteStartObject();
                    w.WriteString("id", call.Id);
                    w.WriteString("type", call.Type);
                    w.WriteStartObject("function");
                    w.WriteString("name", call.Name);
                    w.WriteString("arguments", call.Arguments);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteString("finish_reason", script.FinishReason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteUsage(w, script, ChoiceCount(script));
        w.WriteEndObject();
    }

    private static ResponsePlan Stream(ChatScript script, ChatRequestInfo request)
    {
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var events = new List<byte[]>();
        void Chunk(int index, Action<Utf8JsonWriter> delta, string? finish = null, bool usage = false) =>
            events.Add(Event(request, created, w =>
            {
                w.WriteStartArray("choices");
                w.WriteStartObject();
                w.WriteNumber("index", index);
                w.WriteStartObject("delta");
                delta(w);
                w.WriteEndObject();
                if (finish is null) w.WriteNull("finish_reason");
                else w.WriteString("finish_reason", finish);
                // Kimi's extension: the finishing chunk carries this choice's usage inside the choice.
                if (usage) WriteUsage(w, script, 1);
                w.WriteEndObject();
                w.WriteEndArray();
            }));

        for (var i = 0; i < ChoiceCount(script); i++)
        {
            Chunk(i, w => { w.WriteString("role", "assistant"); w.WriteString("content", ""); });
            foreach (var piece in Pieces(script.Reasoning, script.ChunkChars))
                Chunk(i, w => w.WriteString("reasoning_content", piece));
            foreach (var piece in Pieces(script.Content, script.ChunkChars))
                Chunk(i, w => w.WriteString("content", piece));
            for (var k = 0; k < script.ToolCalls.Count; k++)
            {
                var call = script.ToolCalls[k];
                var index = k;
                Chunk(i, w => ToolFragment(w, index, call, ""));
                foreach (var piece in Pieces(call.Arguments, script.ChunkChars))
                    Chunk(i, w => ToolFragment(w, index, null, piece));
            }
            Chunk(i, _ => { }, script.FinishReason, usage: true);
        }

        if (request.IncludeUsage)
        {
            events.Add(Event(request, created, w =>
            {
                w.WriteStartArray("choices");
                w.WriteEndArray();
                WriteUsage(w, script, ChoiceCount(script));
            }));
        }
        events.Add(Done);
        return new ResponsePlan(200, "text/event-stream", events);
    }

    /// <summary>First fragment: index, id, type, name and empty arguments; later ones: index and an arguments piece only.</summary>
    private static void ToolFragment(Utf8JsonWriter w, int index, ScriptedToolCall? first, string arguments)
    {
        w.WriteStartArray("tool_calls");
        w.WriteStartObject();
        w.WriteNumber("index", index);
        if (first is not null)
        {
            w.WriteString("id", first.Id);
            w.WriteString("type", first.Type);
        }
        w.WriteStartObject("function");
        if (first is not null) w.WriteString("name", first.Name);
        w.WriteString("arguments", arguments);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static byte[] Event(ChatRequestInfo request, long created, Action<Utf8JsonWriter> body)
    {
        var json = JsonBytes.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", request.Id);
            w.WriteString("object", "chat.completion.chunk");
            w.WriteNumber("created", created);
            w.WriteString("model", request.Model);
            body(w);
            w.WriteEndObject();
        });
        var bytes = new byte[DataPrefix.Length + json.Length + 2];
        DataPrefix.CopyTo(bytes, 0);
        json.CopyTo(bytes, DataPrefix.Length);
        bytes[^2] = (byte)'\n';
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    private static void WriteUsage(Utf8JsonWriter w, ChatScript script, int choices)
    {
        var completion = script.CompletionTokens * choices;
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", script.PromptTokens);
        w.WriteNumber("completion_tokens", completion);
        w.WriteNumber("total_tokens", script.PromptTokens + completion);
        // Kimi reports cache hits at the top of usage, not in prompt_tokens_details (reference §2.6).
        if (script.CachedTokens is int cached) w.WriteNumber("cached_tokens", cached);
        w.WriteEndObject();
    }

    private static int ChoiceCount(ChatScript script) => Math.Max(1, script.Choices);

    /// <summary>Splits text into deltas of <paramref name="size"/> chars, never between the halves of a surrogate pair.</summary>
    internal static IEnumerable<string> Pieces(string? text, int size)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        size = Math.Max(1, size);
        for (var start = 0; start < text.Length;)
        {
            var length = Math.Min(size, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1])) length++;
            yield return text.Substring(start, length);
            start += length;
        }
    }
}
