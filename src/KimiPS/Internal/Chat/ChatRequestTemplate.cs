using KimiPS.Commands;
using KimiPS.Core;

namespace KimiPS;

/// <summary>
/// Invoke-KimiChat's parameters checked together and turned into the request every item of the invocation
/// starts from (each item clones it and adds its messages).
/// </summary>
internal static class ChatRequestTemplate
{
    /// <summary>Checks the parameter combinations (before anything is sent); throws KimiInvalidParameter naming the parameter.</summary>
    /// <returns>The -Thinking switch as the request's Thinking.</returns>
    public static bool? Check(InvokeKimiChatCommand c)
    {
        ChatInputBuilder.ValidateOptions(c.ThrottleLimit, c.Stream, c.Conversation != null, c.InvokeTools, c.Json, c.JsonSchema, c.Prefix);
        return ChatInputBuilder.ParseThinking(c.Thinking);
    }

    /// <summary>The request of the bound parameters; an option that was not bound stays null (the model's default).</summary>
    public static ChatRequest Create(InvokeKimiChatCommand c, bool? thinking, string defaultModel)
    {
        var bound = c.MyInvocation.BoundParameters;
        var request = new ChatRequest
        {
            Model = c.Model ?? c.Conversation?.Model ?? defaultModel,
            Temperature = bound.ContainsKey(nameof(c.Temperature)) ? c.Temperature : null,
            TopP = bound.ContainsKey(nameof(c.TopP)) ? c.TopP : null,
            MaxTokens = bound.ContainsKey(nameof(c.MaxTokens)) ? c.MaxTokens : null,
            N = bound.ContainsKey(nameof(c.N)) ? c.N : null,
            Stop = c.Stop,
            ToolChoice = c.ToolChoice,
            Thinking = thinking,
            KeepThinking = c.KeepThinking,
            ReasoningEffort = c.ReasoningEffort,
            AutoContinue = c.AutoContinue,
        };
        if (c.Json) request.ResponseFormat = ChatResponseFormat.JsonObject;
        else if (c.JsonSchema != null) request.ResponseFormat = ChatResponseFormat.JsonSchema("response", c.JsonSchema);

        var tools = new List<ChatTool>(c.Tool ?? Array.Empty<ChatTool>());
        if (c.WebSearch && !tools.Any(t => t.Name == ChatTool.WebSearch.Name)) tools.Add(ChatTool.WebSearch);
        if (tools.Count > 0) request.Tools = tools;
        return request;
    }
}
