namespace KimiPS.Core.Tests.Policy;

internal static class PolicyTestHelpers
{
    public static PreparedChat Prepare(ChatRequest request, out List<string> warnings, List<string>? notes = null)
    {
        var w = new List<string>();
        var prepared = ModelPolicy.Prepare(request, w.Add, notes is null ? null : notes.Add);
        warnings = w;
        return prepared;
    }

    public static PreparedChat PrepareQuiet(ChatRequest request)
    {
        var prepared = Prepare(request, out var warnings);
        Assert.Empty(warnings);
        return prepared;
    }

    public static KimiException Rejects(ChatRequest request, string parameter)
    {
        var warnings = new List<string>();
        var ex = Assert.Throws<KimiException>(() => ModelPolicy.Prepare(request, warnings.Add));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Equal(KimiErrorCategories.InvalidArgument, ex.Category);
        Assert.StartsWith($"Parameter '{parameter}' ", ex.Message);
        Assert.False(string.IsNullOrWhiteSpace(ex.RecommendedAction));
        return ex;
    }

    public static ChatRequest Chat(string model = "kimi-k2-instruct") => new(model, ChatMessage.User("Hello"));

    public static ChatTool Weather() =>
        ChatTool.Function("get_weather", "Weather for a city", """{"type":"object","properties":{"city":{"type":"string"}}}""");

    public static ChatMessage ToolCallTurn(string? reasoning = null) => new("assistant", "")
    {
        ReasoningContent = reasoning,
        ToolCalls = new List<ToolCall> { new("get_weather:0", "get_weather", """{"city":"Beijing"}""") },
    };
}
