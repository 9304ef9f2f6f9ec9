using static KimiPS.Core.Tests.Policy.PolicyTestHelpers;

namespace KimiPS.Core.Tests.Policy;

public sealed class ToolChoiceTests
{
    private static ChatRequest WithTools(string? toolChoice, string model = "kimi-k2.6")
    {
        var request = Chat(model);
        request.Tools = new List<ChatTool> { Weather() };
        request.ToolChoice = toolChoice;
        return request;
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("none")]
    [InlineData("AUTO")]
    public void Auto_and_none_pass_through(string choice)
    {
        var prepared = PrepareQuiet(WithTools(choice));
        Assert.Equal(choice.ToLowerInvariant(), prepared.Wire.ToolChoice);
        Assert.Equal(ToolChoiceEmulation.None, prepared.ToolChoiceEmulation);
    }

    [Fact]
    public void No_tool_choice_sends_none_and_emulates_nothing()
    {
        var prepared = PrepareQuiet(WithTools(null));
        Assert.Null(prepared.Wire.ToolChoice);
        Assert.Equal(ToolChoiceEmulation.None, prepared.ToolChoiceEmulation);
    }

    [Theory]
    [InlineData("kimi-k2.6")]
    [InlineData("kimi-k2-instruct")]
    public void Required_is_sent_as_auto_and_emulated(string model)
    {
        var request = WithTools("required", model);
        var prepared = PrepareQuiet(request);
        Assert.Equal("auto", prepared.Wire.ToolChoice);
        Assert.Equal(ToolChoiceEmulation.Required, prepared.ToolChoiceEmulation);
        Assert.Null(prepared.RequiredToolName);
        Assert.Equal("required", request.ToolChoice);
    }

    [Fact]
    public void A_named_tool_is_sent_as_auto_and_emulated()
    {
        var prepared = PrepareQuiet(WithTools("get_weather"));
        Assert.Equal("auto", prepared.Wire.ToolChoice);
        Assert.Equal(ToolChoiceEmulation.Named, prepared.ToolChoiceEmulation);
        Assert.Equal("get_weather", prepared.RequiredToolName);
    }

    [Fact]
    public void Legacy_functions_become_tools_with_a_note_only()
    {
        var request = Chat("kimi-k2.6");
        request.Functions = new List<ChatTool> { Weather() };
        request.FunctionCall = "get_weather";
        var notes = new List<string>();
        var prepared = Prepare(request, out var warnings, notes);

        Assert.Empty(warnings);
        Assert.Equal(2, notes.Count);
        var wire = prepared.Wire;
        var tool = Assert.Single(wire.Tools!);
        Assert.Equal("function", tool.Type);
        Assert.Equal("get_weather", tool.Name);
        Assert.Null(wire.Functions);
        Assert.Null(wire.FunctionCall);
        Assert.Equal("auto", wire.ToolChoice);
        Assert.Equal(ToolChoiceEmulation.Named, prepared.ToolChoiceEmulation);
        Assert.Equal("get_weather", prepared.RequiredToolName);
        Assert.Null(request.Tools); // the caller's request is untouched
        Assert.NotNull(request.Functions);
    }

    [Theory]
    [InlineData("auto", "auto")]
    [InlineData("none", "none")]
    public void Legacy_function_call_keywords_map_to_tool_choice(string functionCall, string expected)
    {
        var request = Chat("kimi-k2.6");
        request.Functions = new List<ChatTool> { Weather() };
        request.FunctionCall = functionCall;
        var prepared = Prepare(request, out _);
        Assert.Equal(expected, prepared.Wire.ToolChoice);
        Assert.Equal(ToolChoiceEmulation.None, prepared.ToolChoiceEmulation);
    }

    [Fact]
    public void Legacy_functions_merge_with_tools()
    {
        var request = WithTools("auto");
        request.Functions = new List<ChatTool> { ChatTool.Function("get_time", "Time", """{"type":"object"}""") };
        var prepared = Prepare(request, out _);
        Assert.Equal(new[] { "get_weather", "get_time" }, prepared.Wire.Tools!.Select(t => t.Name));
        Assert.Single(request.Tools!);
    }

    [Fact]
    public void Legacy_function_call_naming_an_undeclared_function_is_rejected()
    {
        var request = Chat("kimi-k2.6");
        request.Functions = new List<ChatTool> { Weather() };
        request.FunctionCall = "get_time";
        Rejects(request, "FunctionCall");
    }
}
