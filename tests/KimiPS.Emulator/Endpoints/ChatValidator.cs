using System.Globalization;
using System.Text.Json;
using KimiPS.Emulator.Server;

namespace KimiPS.Emulator.Endpoints;

/// <summary>
/// Kimi's request checks with the texts it answers (reference §3, §6.2), so a client's model policy
/// is tested against the real refusals rather than against itself.
/// </summary>
internal static class ChatValidator
{
    /// <summary>Returns the error to answer, or null when the request is acceptable.</summary>
    public static ResponsePlan? Validate(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return Errors.InvalidRequest("Invalid request: the request body must be a JSON object");
        if (!body.TryGetProperty("model", out var modelElement) || modelElement.ValueKind != JsonValueKind.String || modelElement.GetString() is not { Length: > 0 } model)
            return Errors.InvalidRequest("Invalid request: model is required");
        if (ModelRules.IsRetired(model)) return Errors.NotFound($"Not found the model {model} or Permission denied");

        if (!body.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
            return Errors.InvalidRequest("Invalid request: messages must not be empty");

        var hasThinking = body.TryGetProperty("thinking", out var thinking) && thinking.ValueKind != JsonValueKind.Null;
        if (hasThinking && thinking.ValueKind != JsonValueKind.Object)
            return Errors.InvalidRequest($"the thinking field in the request (expected type object) is illegal, and {JsonTypeName(thinking)} is not acceptable");
        if (hasThinking && body.TryGetProperty("reasoning_effort", out var effort) && effort.ValueKind != JsonValueKind.Null)
            return Errors.InvalidRequest("cannot specify both 'thinking' and 'reasoning_effort'");

        var thinkingOn = ThinkingEnabled(model, body);
        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            if (Str(message, "role") == "assistant")
            {
                var hasToolCalls = message.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array && calls.GetArrayLength() > 0;
                if (!hasToolCalls && MessageText.IsEmpty(message))
                    return Errors.InvalidRequest($"Invalid request: the message at position {index} with role 'assistant' must not be empty");
                // An empty string counts as missing, which is why clients replay a single space.
                if (hasToolCalls && thinkingOn && string.IsNullOrEmpty(Str(message, "reasoning_content")))
                    return Errors.InvalidRequest($"thinking is enabled but reasoning_content is missing in assistant tool call message at index {index}");
            }
            index++;
        }

        return ModelRules.IsThinkingModel(model) ? FixedSampling(body, thinkingOn) : FreeSampling(body);
    }

    /// <summary>Thinking models: a value that differs from the fixed one is refused (Kimi does not clamp).</summary>
    private static ResponsePlan? FixedSampling(JsonElement body, bool thinkingOn)
    {
        var temperature = thinkingOn ? 1.0 : 0.6;
        if (Number(body, "temperature") is double t && t != temperature)
            return Errors.InvalidRequest($"invalid temperature: only {Format(temperature)} is allowed for this model");
        if (Number(body, "top_p") is double p && p != 0.95)
            return Errors.InvalidRequest("invalid top_p: only 0.95 is allowed for this model");
        if (Number(body, "n") is double n && n != 1)
            return Errors.InvalidRequest("invalid n: only 1 is allowed for this model");
        if (Number(body, "presence_penalty") is double pp && pp != 0)
            return Errors.InvalidRequest("invalid presence_penalty: only 0 is allowed for this model");
        if (Number(body, "frequency_penalty") is double fp && fp != 0)
            return Errors.InvalidRequest("invalid frequency_penalty: only 0 is allowed for this model");

        if (thinkingOn && body.TryGetProperty("tool_choice", out var choice))
        {
            if (choice.ValueKind == JsonValueKind.String && choice.GetString() == "required")
                return Errors.InvalidRequest("tool_choice 'required' is incompatible with thinking enabled");
            if (choice.ValueKind == JsonValueKind.Object)
                return Errors.InvalidRequest("tool_choice 'specified' is incompatible with thinking enabled");
        }
        return null;
    }

    /// <summary>Other models: temperature in [0, 1] (not OpenAI's [0, 2]); n &gt; 1 needs temperature &gt;= 0.3 (seed 002).</summary>
    private static ResponsePlan? FreeSampling(JsonElement body)
    {
        var temperature = Number(body, "temperature");
        if (temperature is double t && (t < 0 || t > 1))
            return Errors.InvalidRequest($"Invalid request: temperature must be in [0, 1], got {Format(t)}");
        if (Number(body, "n") is double n)
        {
            if (n < 1 || n > 5) return Errors.InvalidRequest($"Invalid request: n must be in [1, 5], got {Format(n)}");
            if (n > 1 && temperature is double low && low < 0.3)
                return Errors.InvalidRequest("Invalid request: when temperature is close to 0, n must be 1");
        }
        return null;
    }

    /// <summary>k2.5/k2.6 think unless <c>thinking.type</c> is "disabled"; k2.7-code and k3 always think.</summary>
    public static bool ThinkingEnabled(string model, JsonElement body)
    {
        if (!ModelRules.IsThinkingModel(model)) return false;
        if (!ModelRules.CanDisableThinking(model)) return true;
        return !(body.TryGetProperty("thinking", out var thinking) && thinking.ValueKind == JsonValueKind.Object && Str(thinking, "type") == "disabled");
    }

    public static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string JsonTypeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.Array => "array",
        _ => "value",
    };
}
