using static KimiPS.Core.Tests.Policy.PolicyTestHelpers;

namespace KimiPS.Core.Tests.Policy;

public sealed class MessageTests
{
    private static ChatRequest ToolConversation(string model, string? reasoning) => new(model,
        ChatMessage.User("Weather in Beijing?"),
        ToolCallTurn(reasoning),
        ChatMessage.Tool("get_weather:0", "get_weather", "{\"temp\":20}"))
    { Tools = new List<ChatTool> { Weather() } };

    [Theory]
    [InlineData("kimi-k2.6", null)]
    [InlineData("kimi-k2.6", "")]
    [InlineData("kimi-k2.5", null)]
    [InlineData("kimi-k2.7-code", "")]
    [InlineData("kimi-k3", null)]
    [InlineData("kimi-k2-thinking-turbo", null)]
    [InlineData("moonshotai/kimi-k2.6", null)]
    public void Lost_reasoning_on_a_tool_call_turn_is_replayed_as_a_space(string model, string? reasoning)
    {
        var request = ToolConversation(model, reasoning);
        var wire = Prepare(request, out _).Wire;
        Assert.Equal(" ", wire.Messages[1].ReasoningContent);
        Assert.Equal(reasoning, request.Messages[1].ReasoningContent); // the caller's message is untouched
    }

    [Fact]
    public void Reasoning_on_a_tool_call_turn_is_replayed_verbatim()
    {
        var wire = PrepareQuiet(ToolConversation("kimi-k2.6", "I should call get_weather.")).Wire;
        Assert.Equal("I should call get_weather.", wire.Messages[1].ReasoningContent);
    }

    [Fact]
    public void No_space_is_invented_when_thinking_is_off()
    {
        var request = ToolConversation("kimi-k2.6", null);
        request.Thinking = false;
        Assert.Null(PrepareQuiet(request).Wire.Messages[1].ReasoningContent);
    }

    [Fact]
    public void No_space_is_invented_for_non_thinking_models() =>
        Assert.Null(PrepareQuiet(ToolConversation("kimi-k2-instruct", null)).Wire.Messages[1].ReasoningContent);

    [Fact]
    public void Empty_assistant_messages_are_removed_with_a_warning()
    {
        var request = new ChatRequest("kimi-k2.6",
            ChatMessage.User("one"),
            new ChatMessage("assistant", ""),
            ChatMessage.User("two"),
            new ChatMessage("assistant", null) { ReasoningContent = "thought only" },
            ChatMessage.User("three"));
        var prepared = Prepare(request, out var warnings);
        Assert.Equal(new[]
        {
            "An empty assistant message at position 1 was not sent: Kimi rejects empty assistant turns.",
            "An empty assistant message at position 3 was not sent: Kimi rejects empty assistant turns.",
        }, warnings);
        Assert.Equal(new[] { "one", "two", "three" }, prepared.Wire.Messages.Select(m => m.Content));
        Assert.Equal(5, request.Messages.Count);
    }

    [Fact]
    public void A_space_or_a_tool_call_or_a_partial_prefix_is_not_empty()
    {
        var request = new ChatRequest("kimi-k2.6",
            ChatMessage.User("one"),
            new ChatMessage("assistant", " "),
            ChatMessage.User("two"),
            ToolCallTurn("r"),
            ChatMessage.Tool("get_weather:0", "get_weather", "20"),
            new ChatMessage("assistant", "") { Partial = true })
        { Tools = new List<ChatTool> { Weather() } };
        Assert.Equal(6, PrepareQuiet(request).Wire.Messages.Count);
    }

    [Fact]
    public void Tool_messages_keep_their_call_id_and_name()
    {
        var tool = PrepareQuiet(ToolConversation("kimi-k2.6", "r")).Wire.Messages[2];
        Assert.Equal("tool", tool.Role);
        Assert.Equal("get_weather:0", tool.ToolCallId);
        Assert.Equal("get_weather", tool.Name);
        Assert.Equal("{\"temp\":20}", tool.Content);
    }

    [Fact]
    public void A_trailing_partial_message_gives_the_prefix()
    {
        var request = new ChatRequest("kimi-k2.6", ChatMessage.User("Count to five"), new ChatMessage("assistant", "1, 2,") { Partial = true, Name = "Counter" });
        var prepared = PrepareQuiet(request);
        Assert.Equal("1, 2,", prepared.PartialPrefix);
        Assert.True(prepared.Wire.Messages[1].Partial);
        Assert.Equal("Counter", prepared.Wire.Messages[1].Name);
    }

    [Fact]
    public void Without_a_partial_message_there_is_no_prefix() => Assert.Null(PrepareQuiet(Chat("kimi-k2.6")).PartialPrefix);
}
