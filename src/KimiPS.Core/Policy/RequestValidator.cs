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
            throw Errors.InvalidParameter("Model", Msg.PIsEmpty, Msg.ModelIdFix);
        ValidateMessages(request);
        ValidateSampling(request, family);
        ValidateStop(request.Stop);
        ValidateTools(tools);
        ValidateToolChoice(request, tools);
        ValidateReasoningEffort(request.ReasoningEffort);
        ValidateResponseFormat(request.ResponseFormat);
        // A continuation is a partial assistant message, which Kimi refuses in JSON mode (as for -Prefix below).
        if (request.AutoContinue > 0 && request.ResponseFormat?.Type == "json_object")
            throw Errors.InvalidParameter("AutoContinue", Msg.AutoContinueJson,
                Msg.AutoContinueJsonFix);
    }

    private static void ValidateMessages(ChatRequest request)
    {
        var messages = request.Messages;
        if (messages is null || messages.Count == 0)
            throw Errors.InvalidParameter("Messages", Msg.PIsEmpty, Msg.MessagesEmptyFix);

        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i] ?? throw Errors.InvalidParameter("Messages", Msg.PNoMessageAt.Format(i), Msg.RemoveNullEntry);
            switch (m.Role)
            {
                case "user":
                    if (string.IsNullOrWhiteSpace(m.Content) && !HasParts(m))
                        throw Errors.InvalidParameter("Prompt", Msg.PPromptBlankAt.Format(i),
                            Msg.PromptBlankFix);
                    break;
                case "tool":
                    if (string.IsNullOrEmpty(m.ToolCallId))
                        throw Errors.InvalidParameter("Messages", Msg.PToolNoCallId.Format(i),
                            Msg.ToolNoCallIdFix);
                    break;
                case "system":
                case "assistant":
                case "cache": // legacy explicit context cache message
                    break;
                default:
                    throw Errors.InvalidParameter("Messages", Msg.PUnknownRole.Format(m.Role, i),
                        Msg.UnknownRoleFix);
            }

            if (m.Partial)
            {
                if (m.Role != "assistant")
                    throw Errors.InvalidParameter("Prefix", Msg.PPartialRole.Format(m.Role, i),
                        Msg.PartialRoleFix);
                if (i != messages.Count - 1)
                    throw Errors.InvalidParameter("Prefix", Msg.PPartialNotLast.Format(i),
                        Msg.PartialNotLastFix);
                if (request.ResponseFormat?.Type == "json_object")
                    throw Errors.InvalidParameter("Prefix", Msg.PPrefixJson,
                        Msg.PrefixJsonFix);
            }

            if (m.Parts is not null) ValidateParts(m.Parts, i);
        }
    }

    private static void ValidateParts(IList<ChatContentPart> parts, int position)
    {
        foreach (var part in parts)
        {
            if (part is null)
                throw Errors.InvalidParameter("Messages", Msg.PNullPart.Format(position), Msg.RemoveNullPart);
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
                        throw Errors.InvalidParameter(parameter, Msg.PPartNoUrl.Format(kind, position),
                            Msg.PartNoUrlFix.Format(kind));
                    if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                        throw Errors.InvalidParameter(parameter, Msg.PPartWebUrl.Format(kind, position),
                            Msg.PartWebUrlFix.Format(kind, kind, kind, kind));
                    break;
                default:
                    throw Errors.InvalidParameter("Messages", Msg.PUnknownPart.Format(part.Type, position),
                        Msg.UnknownPartFix);
            }
        }
    }

    private static void ValidateSampling(ChatRequest r, ModelFamily family)
    {
        var fixedSampling = ModelFamilies.HasFixedSampling(family);

        // A fixed-sampling model's temperature is dropped with a warning, whatever its value.
        if (!fixedSampling && r.Temperature is { } t && !(t >= 0 && t <= 1))
            throw Errors.InvalidParameter("Temperature", Msg.PTemperature.Format(Num(t)),
                Msg.TemperatureFix);

        if (r.N is { } n)
        {
            if (n < 1 || n > MaxN)
                throw Errors.InvalidParameter("N", Msg.PN.Format(n, MaxN), Msg.NFix.Format(MaxN));
            // Seed 002: Kimi rejects n > 1 when the temperature is near zero (it can only return one distinct answer).
            if (!fixedSampling && n > 1 && r.Temperature is { } nt && nt < MinTemperatureForN)
                throw Errors.InvalidParameter("N", Msg.PNTemperature.Format(n, Num(nt)),
                    Msg.NTemperatureFix);
        }

        if (r.TopP is { } p && !(p > 0 && p <= 1))
            throw Errors.InvalidParameter("TopP", Msg.PTopP.Format(Num(p)),
                Msg.TopPFix);
        CheckPenalty("PresencePenalty", r.PresencePenalty);
        CheckPenalty("FrequencyPenalty", r.FrequencyPenalty);

        if (r.MaxTokens is < 1)
            throw Errors.InvalidParameter("MaxTokens", Msg.PMaxTokens.Format(r.MaxTokens), Msg.MaxTokensFix);
        if (r.MaxCompletionTokens is < 1)
            throw Errors.InvalidParameter("MaxCompletionTokens", Msg.PMaxCompletionTokens.Format(r.MaxCompletionTokens), Msg.MaxCompletionTokensFix);
    }

    private static void CheckPenalty(string name, double? value)
    {
        if (value is { } v && !(v >= -2 && v <= 2))
            throw Errors.InvalidParameter(name, Msg.PPenalty.Format(Num(v)), Msg.PenaltyFix.Format(name));
    }

    private static void ValidateStop(IList<string>? stop)
    {
        if (stop is null) return;
        if (stop.Count > MaxStops)
            throw Errors.InvalidParameter("Stop", Msg.PStopCount.Format(stop.Count, MaxStops), Msg.StopCountFix.Format(MaxStops));
        foreach (var s in stop)
        {
            if (string.IsNullOrEmpty(s))
                throw Errors.InvalidParameter("Stop", Msg.PStopEmpty, Msg.StopEmptyFix);
            var bytes = Encoding.UTF8.GetByteCount(s);
            if (bytes > MaxStopBytes)
                throw Errors.InvalidParameter("Stop", Msg.PStopBytes.Format(s, bytes, MaxStopBytes),
                    Msg.StopBytesFix.Format(MaxStopBytes));
        }
    }

    private static void ValidateTools(IReadOnlyList<ChatTool> tools)
    {
        if (tools.Count > MaxTools)
            throw Errors.InvalidParameter("Tool", Msg.PToolCount.Format(tools.Count, MaxTools), Msg.ToolCountFix.Format(MaxTools));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            if (tool is null) throw Errors.InvalidParameter("Tool", Msg.PNullTool, Msg.RemoveNullEntry);
            var builtinSearch = tool.Type == "builtin_function" && tool.Name == "$web_search";
            if (tool.Type != "function" && !builtinSearch)
                throw Errors.InvalidParameter("Tool", Msg.PToolType.Format(tool.Name, tool.Type),
                    Msg.ToolTypeFix);
            if (!builtinSearch && !IsToolName(tool.Name))
                throw Errors.InvalidParameter("Tool", Msg.PToolName.Format(tool.Name),
                    Msg.ToolNameFix);
            if (!seen.Add(tool.Name!))
                throw Errors.InvalidParameter("Tool", Msg.PToolTwice.Format(tool.Name), Msg.ToolTwiceFix);
            if (tool.ParametersJson is not null)
                RequireJsonObject(tool.ParametersJson, "Tool", Msg.PToolSchemaSubject.Format(tool.Name),
                    Msg.ToolParametersFix);
        }
    }

    /// <summary>Kimi's function-name rule (reference/kimi-api.md §3.1); '$' names are reserved for built-ins.</summary>
    public static bool IsToolName(string? name) => name is not null && ToolName.IsMatch(name);

    /// <summary>
    /// Refuses <paramref name="json"/> unless it is a JSON object, as a tool's parameters and a response schema must be.
    /// <paramref name="subject"/> is what follows the parameter name in the message (Msg.PHasSchema).
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
            throw Errors.InvalidParameter(parameterName, Msg.PNotJson.Format(subject, ex.Message), fix);
        }
        if (kind != JsonValueKind.Object)
            throw Errors.InvalidParameter(parameterName, Msg.PRootNotObject.Format(subject, Article(kind)), fix);
    }

    private static void ValidateToolChoice(ChatRequest r, IReadOnlyList<ChatTool> tools)
    {
        var choice = EffectiveToolChoice(r);
        if (choice is null || choice == "auto" || choice == "none") return;
        var parameter = r.ToolChoice is null ? "FunctionCall" : "ToolChoice";
        if (choice == "required")
        {
            if (tools.Count == 0)
                throw Errors.InvalidParameter(parameter, Msg.PRequiredNoTool, Msg.RequiredNoToolFix);
            return;
        }
        foreach (var tool in tools)
            if (tool.Name == choice) return;
        throw Errors.InvalidParameter(parameter, Msg.PToolChoiceUnknown.Format(choice),
            Msg.ToolChoiceUnknownFix);
    }

    private static void ValidateReasoningEffort(string? effort)
    {
        if (effort is null) return;
        var lower = effort.ToLowerInvariant();
        if (lower != "low" && lower != "high" && lower != "max")
            throw Errors.InvalidParameter("ReasoningEffort", Msg.PReasoningEffort.Format(effort), Msg.ReasoningEffortFix);
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
                    throw Errors.InvalidParameter("Json", Msg.PSchemaNoName, Msg.SchemaNoNameFix);
                RequireJsonObject(format.SchemaJson, "Json", Msg.PHasSchema, Msg.ResponseSchemaFix);
                return;
            default:
                throw Errors.InvalidParameter("Json", Msg.PUnknownFormat.Format(format.Type), Msg.UnknownFormatFix);
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
        JsonValueKind.Array => Msg.JsonArray,
        JsonValueKind.String => Msg.JsonString,
        JsonValueKind.Number => Msg.JsonNumber,
        JsonValueKind.True or JsonValueKind.False => Msg.JsonBoolean,
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    internal static string Num(double value) => PolicyText.Number(value);
}
