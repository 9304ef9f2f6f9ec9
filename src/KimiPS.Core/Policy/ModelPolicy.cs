namespace KimiPS.Core;

/// <summary>
/// Decides, per model id and before any byte is sent, what goes on the wire (DESIGN.md §3.3,
/// reference/kimi-api.md §3, §5, §9): validates the caller's request, drops what the model would reject
/// (with a warning), rewrites what Kimi spells differently, and plans the follow-up rounds.
/// </summary>
internal static partial class ModelPolicy
{
    /// <summary>The request to send (a copy: the caller's request and messages are never changed) and the follow-up plan.</summary>
    /// <param name="request">The caller's request.</param>
    /// <param name="warn">Receives changes the caller should know about (PowerShell's warning stream).</param>
    /// <param name="note">Receives harmless rewrites (verbose stream), such as legacy functions converted to tools.</param>
    public static PreparedChat Prepare(ChatRequest request, Action<string> warn, Action<string>? note = null)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (warn is null) throw new ArgumentNullException(nameof(warn));

        var family = ModelFamilies.Of(request.Model ?? "");
        var tools = MergeTools(request);
        RequestValidator.Validate(request, family, tools);

        var model = request.Model!;
        var wire = request.Clone();

        if (RetiredModels.RetiredSince(model) is { } since) warn(RetiredModels.Warning(model, since));

        ApplyLegacyFunctions(request, wire, tools, note);
        var (emulation, requiredTool) = ApplyToolChoice(wire);
        var thinkingOn = ApplyThinking(wire, family, warn);
        ApplyFixedSampling(wire, family, warn);

        var isThinkingModel = ModelFamilies.IsThinkingModel(model);
        wire.Messages = PrepareMessages(request.Messages, isThinkingModel && thinkingOn, warn);

        var last = wire.Messages.Count > 0 ? wire.Messages[wire.Messages.Count - 1] : null;
        var prefix = last is { Partial: true } ? last.Content ?? "" : null;

        return new PreparedChat(wire, emulation, requiredTool, prefix, isThinkingModel, thinkingOn);
    }

    /// <summary>Tools plus the legacy OpenAI functions (seed 002: Kimi accepts only tools).</summary>
    private static List<ChatTool> MergeTools(ChatRequest request)
    {
        var tools = new List<ChatTool>();
        if (request.Tools is not null) tools.AddRange(request.Tools);
        if (request.Functions is not null)
            foreach (var f in request.Functions)
                tools.Add(f is null || f.Type == "function" ? f! : new ChatTool(f.Name, f.Description, f.ParametersJson) { Strict = f.Strict });
        return tools;
    }

    private static void ApplyLegacyFunctions(ChatRequest request, ChatRequest wire, List<ChatTool> tools, Action<string>? note)
    {
        if (request.Functions is { Count: > 0 })
            note?.Invoke(Msg.LegacyFunctions.Format(request.Functions.Count));
        if (request.FunctionCall is not null)
        {
            if (request.ToolChoice is null)
                note?.Invoke(Msg.LegacyFunctionCall.Format(request.FunctionCall));
            else
                note?.Invoke(Msg.LegacyFunctionCallIgnored.Format(request.FunctionCall, request.ToolChoice));
        }
        wire.Tools = tools.Count > 0 ? tools : null;
        wire.ToolChoice = RequestValidator.EffectiveToolChoice(request);
        wire.Functions = null;
        wire.FunctionCall = null;
    }

    /// <summary>
    /// Kimi accepts only auto/none (seed 002; with thinking on, required or a named function is a 400).
    /// The others are sent as auto, and the client asks once more when no tool was called.
    /// </summary>
    private static (ToolChoiceEmulation, string?) ApplyToolChoice(ChatRequest wire)
    {
        switch (wire.ToolChoice)
        {
            case null:
            case "auto":
            case "none":
                return (ToolChoiceEmulation.None, null);
            case "required":
                wire.ToolChoice = "auto";
                return (ToolChoiceEmulation.Required, null);
            default:
                var name = wire.ToolChoice;
                wire.ToolChoice = "auto";
                return (ToolChoiceEmulation.Named, name);
        }
    }
}
