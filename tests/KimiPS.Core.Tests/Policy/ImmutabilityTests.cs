using static KimiPS.Core.Tests.Policy.PolicyTestHelpers;

namespace KimiPS.Core.Tests.Policy;

public sealed class ImmutabilityTests
{
    [Fact]
    public void Prepare_never_changes_the_callers_request_or_messages()
    {
        var assistant = ToolCallTurn(null);
        var empty = new ChatMessage("assistant", "");
        var request = new ChatRequest("kimi-k2.6",
            ChatMessage.System("Be brief."),
            ChatMessage.User("Weather?"),
            assistant,
            ChatMessage.Tool("get_weather:0", "get_weather", "20"),
            empty,
            ChatMessage.User("And tomorrow?"))
        {
            Temperature = 0.7,
            TopP = 0.5,
            N = 2,
            ReasoningEffort = "high",
            KeepThinking = true,
            Functions = new List<ChatTool> { Weather() },
            FunctionCall = "required",
        };
        var messages = request.Messages.ToList();
        var before = ChatRequestWriter.ToUtf8(request, stream: false);

        var prepared = Prepare(request, out var warnings);

        Assert.NotEmpty(warnings);
        Assert.Equal(before, ChatRequestWriter.ToUtf8(request, stream: false));
        Assert.Equal(messages, request.Messages); // same instances, same order
        Assert.Null(assistant.ReasoningContent);
        Assert.Equal(0.7, request.Temperature);
        Assert.Equal(0.5, request.TopP);
        Assert.Equal(2, request.N);
        Assert.Equal("high", request.ReasoningEffort);
        Assert.Null(request.Thinking);
        Assert.Null(request.Tools);
        Assert.Equal("required", request.FunctionCall);
        Assert.Null(request.ToolChoice);

        Assert.NotSame(request, prepared.Wire);
        Assert.NotSame(request.Messages, prepared.Wire.Messages);
        foreach (var m in prepared.Wire.Messages) Assert.DoesNotContain(m, messages);
    }
}
