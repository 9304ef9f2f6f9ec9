using static KimiPS.Core.Tests.Policy.PolicyTestHelpers;

namespace KimiPS.Core.Tests.Policy;

public sealed class FollowUpTests
{
    private static ChatCompletion Answer(string? content, string finish, string? reasoning = null, params ToolCall[] calls) => new()
    {
        Id = "cmpl-1",
        Model = "kimi-k2.6",
        Choices = new[] { new ChatChoice { Content = content, ReasoningContent = reasoning, FinishReason = finish, ToolCalls = calls } },
    };

    private static PreparedChat Continuable(int autoContinue, bool? thinking = null, params ChatMessage[] extra)
    {
        var request = new ChatRequest("kimi-k2.6", ChatMessage.User("Write a long story")) { AutoContinue = autoContinue, Thinking = thinking };
        foreach (var m in extra) request.Messages.Add(m);
        return PrepareQuiet(request);
    }

    [Fact]
    public void Length_continues_with_the_whole_text_as_a_partial_prefix()
    {
        var prepared = Continuable(2);
        var next = prepared.Wire; // the engine's own copy, changed in place
        ModelPolicy.ContinueAfterLength(prepared, next, Answer("Once upon a time", "length", "Plan: a story."));

        Assert.Equal(2, next.Messages.Count);
        var last = next.Messages[1];
        Assert.Equal("assistant", last.Role);
        Assert.True(last.Partial);
        Assert.Equal("Once upon a time", last.Content);
        Assert.Equal("Plan: a story.", last.ReasoningContent);
    }

    [Fact]
    public void Reasoning_is_not_carried_when_thinking_is_off()
    {
        var prepared = Continuable(1, thinking: false);
        ModelPolicy.ContinueAfterLength(prepared, prepared.Wire, Answer("Once", "length", "x"));
        Assert.Null(prepared.Wire.Messages[1].ReasoningContent);
    }

    [Fact]
    public void An_existing_partial_prefix_is_replaced_and_its_name_kept()
    {
        var prepared = Continuable(3, null, new ChatMessage("assistant", "Once") { Partial = true, Name = "Narrator" });
        // The client prepended the prefix: soFar holds the whole text.
        var next = prepared.Wire;
        ModelPolicy.ContinueAfterLength(prepared, next, Answer("Once upon a time", "length"));
        Assert.Equal(2, next.Messages.Count);
        Assert.Equal("Once upon a time", next.Messages[1].Content);
        Assert.Equal("Narrator", next.Messages[1].Name);
        Assert.True(next.Messages[1].Partial);
    }

    [Fact]
    public void A_later_continuation_keeps_the_reasoning_of_the_earlier_rounds()
    {
        // Kimi's partial-mode guide: a thinking model's prefix carries the earlier reasoning_content. The second
        // round continues the text and thinks no more, so its own reasoning is empty: the first round's must stay.
        var prepared = Continuable(3);
        var request = prepared.Wire;
        ModelPolicy.ContinueAfterLength(prepared, request, Answer("Once upon", "length", "Plan: a story."));
        ModelPolicy.ContinueAfterLength(prepared, request, Answer("Once upon a time", "length", null));

        Assert.Equal(2, request.Messages.Count);
        Assert.Equal("Once upon a time", request.Messages[1].Content);
        Assert.Equal("Plan: a story.", request.Messages[1].ReasoningContent);

        // A round cut while still thinking continues that thinking: both parts are kept, in order.
        ModelPolicy.ContinueAfterLength(prepared, request, Answer("Once upon a time", "length", " More plan."));
        Assert.Equal("Plan: a story. More plan.", request.Messages[1].ReasoningContent);
    }

    [Fact]
    public void No_continuation_when_done_or_out_of_budget()
    {
        var prepared = Continuable(2);
        Assert.True(ModelPolicy.CanContinue(prepared, Answer("Once", "length"), 1));
        Assert.False(ModelPolicy.CanContinue(prepared, Answer("The end.", "stop"), 0));
        Assert.False(ModelPolicy.CanContinue(prepared, Answer("Once", "length"), 2));
        var none = Continuable(0);
        Assert.False(ModelPolicy.CanContinue(none, Answer("Once", "length"), 0));
    }

    private static PreparedChat Emulated(string toolChoice)
    {
        var request = Chat("kimi-k2.6");
        request.Tools = new List<ChatTool> { Weather() };
        request.ToolChoice = toolChoice;
        return PrepareQuiet(request);
    }

    [Fact]
    public void Required_without_a_tool_call_asks_once_more_with_the_steering_message()
    {
        var prepared = Emulated("required");
        var next = prepared.Wire;
        Assert.True(ModelPolicy.AskForTool(prepared, next, Answer("It is sunny, I think.", "stop", "no tool needed")));

        Assert.Equal(3, next.Messages.Count);
        Assert.Equal("assistant", next.Messages[1].Role);
        Assert.Equal("It is sunny, I think.", next.Messages[1].Content);
        Assert.Equal("no tool needed", next.Messages[1].ReasoningContent);
        Assert.Equal("user", next.Messages[2].Role);
        Assert.Equal("Please select a tool to handle the current issue.", next.Messages[2].Content);
        Assert.Equal("auto", next.ToolChoice);
    }

    [Fact]
    public void A_named_tool_is_asked_for_by_name()
    {
        var prepared = Emulated("get_weather");
        var next = prepared.Wire;
        Assert.True(ModelPolicy.AskForTool(prepared, next, Answer("Sunny.", "stop")));
        Assert.Equal("Please call the tool 'get_weather' to handle the current issue.", next.Messages[next.Messages.Count - 1].Content);
    }

    [Fact]
    public void An_empty_answer_is_not_replayed()
    {
        var prepared = Emulated("required");
        Assert.True(ModelPolicy.AskForTool(prepared, prepared.Wire, Answer("", "stop")));
        Assert.Equal(new[] { "user", "user" }, prepared.Wire.Messages.Select(m => m.Role));
    }

    [Fact]
    public void No_follow_up_when_a_tool_was_called_or_nothing_is_emulated()
    {
        var prepared = Emulated("required");
        Assert.False(ModelPolicy.AskForTool(prepared, prepared.Wire,
            Answer("", "tool_calls", null, new ToolCall("get_weather:0", "get_weather", "{}"))));
        var auto = Emulated("auto");
        Assert.False(ModelPolicy.AskForTool(auto, auto.Wire, Answer("Sunny.", "stop")));
        Assert.Single(prepared.Wire.Messages);
        Assert.Single(auto.Wire.Messages);
    }
}
