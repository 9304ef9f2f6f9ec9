using System.Text.Json;

namespace KimiPS.Core;

/// <summary>
/// Reads a non-streaming chat answer (reference/kimi-api.md §4.1), including gateways' vLLM-flavoured
/// bodies (seed 003): <c>reasoning</c> (a duplicate of reasoning_content), <c>refusal</c>, <c>logprobs</c>,
/// <c>tool_calls: []</c> and <c>prompt_tokens_details</c> are tolerated. JsonDocument is fine here: one
/// body per request, not the stream hot path.
/// </summary>
internal static class ChatCompletionReader
{
    /// <param name="json">The response body.</param>
    /// <param name="requestId">Msh-Request-Id (or a gateway's trace id) from the headers, if any.</param>
    /// <param name="partialPrefix">A Partial Mode prefix: Kimi does not repeat it, so it is prepended to choice 0.</param>
    /// <param name="apiKey">Kept out of the text of an error the body may carry.</param>
    public static ChatCompletion Read(ReadOnlySpan<byte> json, string? requestId, string? partialPrefix, string? apiKey = null)
    {
        JsonDocument doc;
        try
        {
            var reader = new Utf8JsonReader(json);
            doc = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw Protocol(Msg.ChatNotJson.Format(ex.Message), requestId, ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Protocol(Msg.ChatNotObject.Format(root.ValueKind), requestId);
            // Some gateways answer 200 with an error envelope: it is still that error, typed by the catalogue.
            if ((root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
                || (root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False))
                throw ErrorCatalog.FromStreamError(json, requestId, apiKey, Msg.ErrorObjectIn200);
            if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
                throw Protocol(Msg.ChatNoChoicesArray, requestId);
            // An empty answer with a 200 would pass for a successful one: no Kimi answer has no choice.
            if (choices.GetArrayLength() == 0)
                throw Protocol(Msg.ChatEmptyChoices, requestId);

            var list = new List<ChatChoice>(choices.GetArrayLength());
            var position = 0;
            foreach (var choice in choices.EnumerateArray())
                list.Add(ReadChoice(choice, position++, requestId));

            if (!string.IsNullOrEmpty(partialPrefix) && list.Count > 0)
                list[0].Content = partialPrefix + list[0].Content;

            var usage = OptionalObject(root, "usage", requestId) is { } u ? ReadUsage(u, requestId) : null;
            // Some servers report usage only per choice; with one choice that is the whole request's usage.
            if (usage is null && list.Count == 1) usage = list[0].Usage;

            return new ChatCompletion
            {
                Id = OptionalString(root, "id", requestId) ?? "",
                Model = OptionalString(root, "model", requestId) ?? "",
                Created = OptionalLong(root, "created", requestId) is { } created ? DateTimeOffset.FromUnixTimeSeconds(created) : null,
                Choices = list,
                Usage = usage,
                RequestId = requestId,
            };
        }
    }

    private static ChatChoice ReadChoice(JsonElement choice, int position, string? requestId)
    {
        if (choice.ValueKind != JsonValueKind.Object)
            throw Protocol(Msg.ChoiceNotObject.Format(position), requestId);
        var message = OptionalObject(choice, "message", requestId)
            ?? throw Protocol(Msg.ChoiceNoMessage.Format(position), requestId);

        return new ChatChoice
        {
            Index = OptionalLong(choice, "index", requestId) is { } index ? (int)index : position,
            Content = ReadContent(message, requestId),
            ReasoningContent = OptionalString(message, "reasoning_content", requestId),
            FinishReason = OptionalString(choice, "finish_reason", requestId),
            ToolCalls = ReadToolCalls(message, requestId),
            Usage = OptionalObject(choice, "usage", requestId) is { } u ? ReadUsage(u, requestId) : null,
        };
    }

    /// <summary>A string, null, or (some gateways) an array of text parts, joined.</summary>
    private static string? ReadContent(JsonElement message, string? requestId)
    {
        if (!message.TryGetProperty("content", out var content)) return null;
        switch (content.ValueKind)
        {
            case JsonValueKind.String: return content.GetString();
            case JsonValueKind.Null: return null;
            case JsonValueKind.Array:
                var text = new System.Text.StringBuilder();
                foreach (var part in content.EnumerateArray())
                    if (part.ValueKind == JsonValueKind.Object && OptionalString(part, "text", requestId) is { } t) text.Append(t);
                return text.ToString();
            default:
                throw Protocol(Msg.ContentNotString.Format(content.ValueKind), requestId);
        }
    }

    private static IReadOnlyList<ToolCall> ReadToolCalls(JsonElement message, string? requestId)
    {
        if (!message.TryGetProperty("tool_calls", out var calls) || calls.ValueKind == JsonValueKind.Null) return Array.Empty<ToolCall>();
        if (calls.ValueKind != JsonValueKind.Array) throw Protocol(Msg.ToolCallsNotArray, requestId);
        if (calls.GetArrayLength() == 0) return Array.Empty<ToolCall>();

        var list = new List<ToolCall>();
        var position = 0;
        foreach (var call in calls.EnumerateArray())
        {
            if (call.ValueKind != JsonValueKind.Object) throw Protocol(Msg.ToolCallNotObject.Format(position), requestId);
            var function = OptionalObject(call, "function", requestId) ?? throw Protocol(Msg.ToolCallNoFunction.Format(position), requestId);
            var name = OptionalString(function, "name", requestId) ?? throw Protocol(Msg.ToolCallNoName.Format(position), requestId);
            list.Add(new ToolCall(
                OptionalString(call, "id", requestId) ?? "",
                name,
                ReadArguments(function, requestId),
                OptionalString(call, "type", requestId) ?? "function",
                OptionalLong(call, "index", requestId) is { } index ? (int)index : position));
            position++;
        }
        return list;
    }

    /// <summary>A JSON string per the spec; some gateways send the object itself, kept as its JSON text.</summary>
    private static string ReadArguments(JsonElement function, string? requestId)
    {
        if (!function.TryGetProperty("arguments", out var args)) return "";
        return args.ValueKind switch
        {
            JsonValueKind.String => args.GetString() ?? "",
            JsonValueKind.Null => "",
            JsonValueKind.Object or JsonValueKind.Array => args.GetRawText(),
            _ => throw Protocol(Msg.ToolArgsNotString.Format(args.ValueKind), requestId),
        };
    }

    /// <summary>cached_tokens is top-level on Kimi; gateways put it in prompt_tokens_details (reference §2.6).</summary>
    internal static ChatUsage ReadUsage(JsonElement usage, string? requestId)
    {
        var cached = OptionalLong(usage, "cached_tokens", requestId);
        if (cached is null && OptionalObject(usage, "prompt_tokens_details", requestId) is { } details)
            cached = OptionalLong(details, "cached_tokens", requestId);
        return new ChatUsage
        {
            PromptTokens = (int)(OptionalLong(usage, "prompt_tokens", requestId) ?? 0),
            CompletionTokens = (int)(OptionalLong(usage, "completion_tokens", requestId) ?? 0),
            TotalTokens = (int)(OptionalLong(usage, "total_tokens", requestId) ?? 0),
            CachedTokens = (int)(cached ?? 0),
        };
    }

    private static JsonElement? OptionalObject(JsonElement parent, string name, string? requestId)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Object) throw Protocol(Msg.FieldNotObject.Format(name, value.ValueKind), requestId);
        return value;
    }

    private static string? OptionalString(JsonElement parent, string name, string? requestId)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw Protocol(Msg.FieldNotString.Format(name, value.ValueKind), requestId);
        return value.GetString();
    }

    private static long? OptionalLong(JsonElement parent, string name, string? requestId)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < 0 || (number > int.MaxValue && name != "created"))
            throw Protocol(Msg.FieldNotWhole.Format(name), requestId);
        return number;
    }

    private static KimiException Protocol(string message, string? requestId, Exception? inner = null) =>
        Errors.ProtocolError(requestId is null ? message : Msg.WithRequestId.Format(message, requestId), inner,
            Msg.ChatProtocolFix);
}
