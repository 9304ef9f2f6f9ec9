using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KimiPS.Core;

/// <summary>
/// Rejects, before any byte is sent, what Kimi would reject with a terse 400 (reference/kimi-api.md §3, §9).
/// Each error names the PowerShell-facing parameter and the fix. Values a fixed-sampling model ignores are
/// not errors here: the policy drops them with a warning instead.
/// </summary>
internal static class RequestValidator
{
    public const int MaxTools = 128;
    public const int MaxStops = 5;
    public const int MaxStopBytes = 32;
    public const int MaxN = 5;
    public const double MinTemperatureForN = 0.3;

    // Kimi's documented function-name rule; '$' names are reserved for built-ins.
    private static readonly Regex ToolName = new("^[a-zA-Z_][a-zA-Z0-9-_]{2,63}$", RegexOptions.CultureInvariant);

    public static void Validate(ChatRequest request, ModelFamily family, IReadOnlyList<ChatTool> tools)
    {
        if (string.IsNullOrWhiteSpace(request.Model))
            throw Errors.InvalidParameter("Model", "is empty", "Give a model id such as kimi-k2.6 (Get-KimiModel lists the models your account can use).");
        ValidateMessages(request);
        ValidateSampling(request, family);
        ValidateStop(request.Stop);
        ValidateTools(tools);
        ValidateToolChoice(request, tools);
        ValidateReasoningEffort(request.ReasoningEffort);
        ValidateResponseFormat(request.ResponseFormat);
        // A continuation is a partial assistant message, which Kimi refuses in JSON mode (as for -Prefix below).
        if (request.AutoContinue > 0 && request.ResponseFormat?.Type == "json_object")
            throw Errors.InvalidParameter("AutoContinue", "cannot be combined with JSON mode (response_format json_object): a continuation uses Partial Mode",
                "Remove -AutoContinue, or remove -Json and raise -MaxTokens so the answer fits.");
    }

    private static void ValidateMessages(ChatRequest request)
    {
        var messages = request.Messages;
        if (messages is null || messages.Count == 0)
            throw Errors.InvalidParameter("Messages", "is empty", "Give a prompt (-Prompt) or at least one message (-Message).");

        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i] ?? throw Errors.InvalidParameter("Messages", $"has no message at position {i}", "Remove the null entry.");
            switch (m.Role)
            {
                case "user":
                    if (string.IsNullOrWhiteSpace(m.Content) && !HasParts(m))
                        throw Errors.InvalidParameter("Prompt", $"is empty or only white space (user message at position {i})",
                            "Give a non-empty prompt: Kimi rejects messages without content.");
                    break;
                case "tool":
                    if (string.IsNullOrEmpty(m.ToolCallId))
                        throw Errors.InvalidParameter("Messages", $"has a tool message at position {i} without ToolCallId",
                            "Set ToolCallId to the id of the tool call this result answers.");
                    break;
                case "system":
                case "assistant":
                case "cache": // legacy explicit context cache message
                    break;
                default:
                    throw Errors.InvalidParameter("Messages", $"has the unknown role '{m.Role}' at position {i}",
                        "Use system, user, assistant or tool.");
            }

            if (m.Partial)
            {
                if (m.Role != "assistant")
                    throw Errors.InvalidParameter("Prefix", $"marks a {m.Role} message as partial (position {i})",
                        "Only an assistant message can be partial: it is the prefix the model continues.");
                if (i != messages.Count - 1)
                    throw Errors.InvalidParameter("Prefix", $"is not the last message (partial assistant message at position {i})",
                        "Put the partial assistant message (the prefix) last in the conversation.");
                if (request.ResponseFormat?.Type == "json_object")
                    throw Errors.InvalidParameter("Prefix", "cannot be combined with JSON mode (response_format json_object)",
                        "Remove -Json, or remove -Prefix; Kimi does not accept Partial Mode with JSON mode.");
            }

            if (m.Parts is not null) ValidateParts(m.Parts, i);
        }
    }

    private static void ValidateParts(IList<ChatContentPart> parts, int position)
    {
        foreach (var part in parts)
        {
            if (part is null)
                throw Errors.InvalidParameter("Messages", $"has a null content part in the message at position {position}", "Remove the null part.");
            switch (part.Type)
            {
                case "text":
                    break;
                case "image_url":
                case "video_url":
                    var kind = part.Type == "image_url" ? "image" : "video";
                    var parameter = part.Type == "image_url" ? "Image" : "Messages";
                    var url = part.Url ?? "";
                    if (url.Length == 0)
                        throw Errors.InvalidParameter(parameter, $"has an {kind} part without a URL (message at position {position})",
                            $"Use a base64 data URL or ms://<file id> of a file uploaded with Send-KimiFile -Purpose {kind}.");
                    if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                        throw Errors.InvalidParameter(parameter, $"has a web URL for an {kind} (message at position {position}); Kimi accepts only base64 data URLs or ms://<file id>",
                            $"Upload the {kind} with Send-KimiFile -Purpose {kind} and use ms://<file id>, or pass the {kind} as a data URL (data:{kind}/...;base64,...).");
                    break;
                default:
                    throw Errors.InvalidParameter("Messages", $"has a content part of unknown type '{part.Type}' (message at position {position})",
                        "Use text, image_url or video_url parts.");
            }
        }
    }

    private static void ValidateSampling(ChatRequest r, ModelFamily family)
    {
        var fixedSampling = ModelFamilies.HasFixedSampling(family);

        // A fixed-sampling model's temperature is dropped with a warning, whatever its value.
        if (!fixedSampling && r.Temperature is { } t && !(t >= 0 && t <= 1))
            throw Errors.InvalidParameter("Temperature", $"is {Num(t)}; Kimi accepts 0 to 1, not OpenAI's 0 to 2",
                "Give a temperature from 0 to 1 (for example 0.6), or omit it to use the model's default.");

        if (r.N is { } n)
        {
            if (n < 1 || n > MaxN)
                throw Errors.InvalidParameter("N", $"is {n}; Kimi returns 1 to {MaxN} choices", $"Give N from 1 to {MaxN}.");
            // Seed 002: Kimi rejects n > 1 when the temperature is near zero (it can only return one distinct answer).
            if (!fixedSampling && n > 1 && r.Temperature is { } nt && nt < MinTemperatureForN)
                throw Errors.InvalidParameter("N", $"is {n} with a temperature of {Num(nt)}; Kimi rejects several choices at a temperature near 0",
                    "Set Temperature to 0.3 or more, or set N to 1.");
        }

        if (r.TopP is { } p && !(p > 0 && p <= 1))
            throw Errors.InvalidParameter("TopP", $"is {Num(p)}; it must be greater than 0 and at most 1",
                "Give TopP in (0, 1], or omit it to use the model's default of 1.");
        CheckPenalty("PresencePenalty", r.PresencePenalty);
        CheckPenalty("FrequencyPenalty", r.FrequencyPenalty);

        if (r.MaxTokens is < 1)
            throw Errors.InvalidParameter("MaxTokens", $"is {r.MaxTokens}; it must be at least 1", "Give a positive MaxTokens, or omit it to use the model's default.");
        if (r.MaxCompletionTokens is < 1)
            throw Errors.InvalidParameter("MaxCompletionTokens", $"is {r.MaxCompletionTokens}; it must be at least 1", "Give a positive MaxCompletionTokens, or omit it.");
    }

    private static void CheckPenalty(string name, double? value)
    {
        if (value is { } v && !(v >= -2 && v <= 2))
            throw Errors.InvalidParameter(name, $"is {Num(v)}; Kimi accepts -2 to 2", $"Give {name} from -2 to 2, or omit it (default 0).");
    }

    private static void ValidateStop(IList<string>? stop)
    {
        if (stop is null) return;
        if (stop.Count > MaxStops)
            throw Errors.InvalidParameter("Stop", $"has {stop.Count} strings; Kimi accepts at most {MaxStops}", $"Give at most {MaxStops} stop strings.");
        foreach (var s in stop)
        {
            if (string.IsNullOrEmpty(s))
                throw Errors.InvalidParameter("Stop", "contains an empty string", "Remove the empty stop string.");
            var bytes = Encoding.UTF8.GetByteCount(s);
            if (bytes > MaxStopBytes)
                throw Errors.InvalidParameter("Stop", $"contains '{s}', which is {bytes} UTF-8 bytes; Kimi accepts at most {MaxStopBytes} bytes per stop string",
                    $"Shorten the stop string to {MaxStopBytes} bytes or fewer (a CJK character takes 3 bytes).");
        }
    }

    private static void ValidateTools(IReadOnlyList<ChatTool> tools)
    {
        if (tools.Count > MaxTools)
            throw Errors.InvalidParameter("Tool", $"has {tools.Count} tools; Kimi accepts at most {MaxTools}", $"Give at most {MaxTools} tools.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            if (tool is null) throw Errors.InvalidParameter("Tool", "contains a null tool", "Remove the null entry.");
            var builtinSearch = tool.Type == "builtin_function" && tool.Name == "$web_search";
            if (tool.Type != "function" && !builtinSearch)
                throw Errors.InvalidParameter("Tool", $"'{tool.Name}' has the type '{tool.Type}'; Kimi accepts function tools and the built-in $web_search",
                    "Use a function tool (New-KimiTool), or -WebSearch for the built-in search.");
            if (!builtinSearch && !IsToolName(tool.Name))
                throw Errors.InvalidParameter("Tool", $"has the invalid function name '{tool.Name}'",
                    "Use 3 to 64 characters: a letter or underscore first, then letters, digits, underscores or dashes ('$' names are reserved for built-ins; use -WebSearch for $web_search).");
            if (!seen.Add(tool.Name!))
                throw Errors.InvalidParameter("Tool", $"declares '{tool.Name}' more than once", "Declare each tool once.");
            if (tool.ParametersJson is not null)
                RequireJsonObject(tool.ParametersJson, "Tool", $"'{tool.Name}' has a parameters schema",
                    "Give the parameters as a JSON schema object, for example {\"type\":\"object\",\"properties\":{...}}.");
        }
    }

    /// <summary>Kimi's function-name rule (reference/kimi-api.md §3.1); '$' names are reserved for built-ins.</summary>
    public static bool IsToolName(string? name) => name is not null && ToolName.IsMatch(name);

    /// <summary>
    /// Refuses <paramref name="json"/> unless it is a JSON object, as a tool's parameters and a response schema must be.
    /// <paramref name="subject"/> is what follows the parameter name in the message ("has a schema").
    /// </summary>
    public static void RequireJsonObject(string? json, string parameterName, string subject, string fix)
    {
        JsonValueKind kind;
        try
        {
            using var doc = JsonDocument.Parse(json ?? "");
            kind = doc.RootElement.ValueKind;
        }
        catch (JsonException ex)
        {
            throw Errors.InvalidParameter(parameterName, $"{subject} that is not valid JSON ({ex.Message})", fix);
        }
        if (kind != JsonValueKind.Object)
            throw Errors.InvalidParameter(parameterName, $"{subject} whose root is {Article(kind)}, not an object", fix);
    }

    private static void ValidateToolChoice(ChatRequest r, IReadOnlyList<ChatTool> tools)
    {
        var choice = EffectiveToolChoice(r);
        if (choice is null || choice == "auto" || choice == "none") return;
        var parameter = r.ToolChoice is null ? "FunctionCall" : "ToolChoice";
        if (choice == "required")
        {
            if (tools.Count == 0)
                throw Errors.InvalidParameter(parameter, "is 'required' but no tool is declared", "Add tools with -Tool, or remove -ToolChoice.");
            return;
        }
        foreach (var tool in tools)
            if (tool.Name == choice) return;
        throw Errors.InvalidParameter(parameter, $"names the tool '{choice}', which is not declared",
            "Add that tool with -Tool, or use auto, none, required or the name of a declared tool.");
    }

    private static void ValidateReasoningEffort(string? effort)
    {
        if (effort is null) return;
        var lower = effort.ToLowerInvariant();
        if (lower != "low" && lower != "high" && lower != "max")
            throw Errors.InvalidParameter("ReasoningEffort", $"is '{effort}'; Kimi accepts low, high or max", "Use low, high or max (kimi-k3 only).");
    }

    private static void ValidateResponseFormat(ChatResponseFormat? format)
    {
        if (format is null) return;
        switch (format.Type)
        {
            case "text":
            case "json_object":
                return;
            case "json_schema":
                if (string.IsNullOrEmpty(format.SchemaName))
                    throw Errors.InvalidParameter("Json", "has a JSON schema without a name", "Give the schema a name.");
                RequireJsonObject(format.SchemaJson, "Json", "has a schema", "Give the response schema as a JSON object.");
                return;
            default:
                throw Errors.InvalidParameter("Json", $"has the unknown response format '{format.Type}'", "Use text, json_object or json_schema.");
        }
    }

    /// <summary>tool_choice after the legacy function_call is folded in, lower-cased for the keywords.</summary>
    public static string? EffectiveToolChoice(ChatRequest r)
    {
        var choice = r.ToolChoice ?? r.FunctionCall;
        if (choice is null) return null;
        var lower = choice.ToLowerInvariant();
        return lower is "auto" or "none" or "required" ? lower : choice;
    }

    private static bool HasParts(ChatMessage m) => m.Parts is { Count: > 0 };

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    internal static string Num(double value) => PolicyText.Number(value);
}
