namespace KimiPS.Core;

/// <summary>How the client makes up for a tool_choice Kimi does not accept (it takes only auto/none).</summary>
internal enum ToolChoiceEmulation
{
    None,
    /// <summary>tool_choice "required": sent as auto; if no tool is called, the model is asked once more.</summary>
    Required,
    /// <summary>tool_choice naming a function: sent as auto; if no tool is called, the model is asked to call that one.</summary>
    Named,
}

/// <summary>What <see cref="ModelPolicy.Prepare"/> decided: the request to put on the wire and the follow-up plan.</summary>
internal sealed class PreparedChat
{
    public PreparedChat(ChatRequest wire, ToolChoiceEmulation toolChoiceEmulation, string? requiredToolName,
        string? partialPrefix, bool isThinkingModel, bool thinkingOn)
    {
        Wire = wire;
        ToolChoiceEmulation = toolChoiceEmulation;
        RequiredToolName = requiredToolName;
        PartialPrefix = partialPrefix;
        IsThinkingModel = isThinkingModel;
        ThinkingOn = thinkingOn;
    }

    /// <summary>A copy of the caller's request, rewritten for Kimi; the caller's request is untouched.</summary>
    public ChatRequest Wire { get; }
    public ToolChoiceEmulation ToolChoiceEmulation { get; }
    /// <summary>For <see cref="ToolChoiceEmulation.Named"/>: the function the caller wanted called.</summary>
    public string? RequiredToolName { get; }
    /// <summary>The content of a trailing partial assistant message: the response does not repeat it, so the client prepends it.</summary>
    public string? PartialPrefix { get; }
    /// <summary>The model produces reasoning_content (k2.5/k2.6/k2.7/k3/k2-thinking).</summary>
    public bool IsThinkingModel { get; }
    /// <summary>Thinking is on for this request (the model's default or the caller's choice).</summary>
    public bool ThinkingOn { get; }
}
