using static KimiPS.Core.Tests.Policy.PolicyTestHelpers;

namespace KimiPS.Core.Tests.Policy;

public sealed class ThinkingTests
{
    [Fact]
    public void K26_default_sends_no_thinking_field_and_thinks()
    {
        var prepared = PrepareQuiet(Chat("kimi-k2.6"));
        Assert.Null(prepared.Wire.Thinking);
        Assert.True(prepared.ThinkingOn);
        Assert.True(prepared.IsThinkingModel);
    }

    [Fact]
    public void K26_thinking_off_is_sent()
    {
        var request = Chat("kimi-k2.6");
        request.Thinking = false;
        var prepared = PrepareQuiet(request);
        Assert.False(prepared.Wire.Thinking);
        Assert.False(prepared.ThinkingOn);
    }

    [Fact]
    public void KeepThinking_alone_sends_thinking_enabled_with_keep()
    {
        var request = Chat("kimi-k2.6");
        request.KeepThinking = true;
        var wire = PrepareQuiet(request).Wire;
        Assert.True(wire.Thinking);
        Assert.True(wire.KeepThinking);
    }

    [Fact]
    public void KeepThinking_with_thinking_off_is_dropped_with_a_warning()
    {
        var request = Chat("kimi-k2.6");
        request.Thinking = false;
        request.KeepThinking = true;
        var prepared = Prepare(request, out var warnings);
        Assert.Equal("KeepThinking has no effect with thinking off; thinking.keep was not sent.", Assert.Single(warnings));
        Assert.False(prepared.Wire.KeepThinking);
        Assert.True(request.KeepThinking);
    }

    [Theory]
    [InlineData("kimi-k2.6")]
    [InlineData("kimi-k2.7-code")]
    public void ReasoningEffort_is_dropped_outside_k3(string model)
    {
        var request = Chat(model);
        request.ReasoningEffort = "high";
        var prepared = Prepare(request, out var warnings);
        Assert.Null(prepared.Wire.ReasoningEffort);
        Assert.Equal($"{model} does not accept ReasoningEffort (kimi-k3 only); the requested 'high' was not sent. Use -Thinking to switch thinking on or off.",
            Assert.Single(warnings));
    }

    [Fact]
    public void K27_code_accepts_only_thinking_enabled()
    {
        var off = Chat("kimi-k2.7-code");
        off.Thinking = false;
        var prepared = Prepare(off, out var warnings);
        Assert.Null(prepared.Wire.Thinking);
        Assert.True(prepared.ThinkingOn);
        Assert.Equal("kimi-k2.7-code always thinks (it accepts only thinking enabled); Thinking $false was not sent.", Assert.Single(warnings));

        var on = Chat("kimi-k2.7-code");
        on.Thinking = true;
        Assert.True(PrepareQuiet(on).Wire.Thinking);
    }

    [Fact]
    public void K3_sends_reasoning_effort_lower_case_and_drops_thinking_with_a_warning()
    {
        var request = Chat("kimi-k3");
        request.Thinking = true;
        request.ReasoningEffort = "High";
        var prepared = Prepare(request, out var warnings);
        Assert.Null(prepared.Wire.Thinking);
        Assert.Equal("high", prepared.Wire.ReasoningEffort);
        Assert.True(prepared.ThinkingOn);
        Assert.Equal("kimi-k3 does not accept the thinking switch; Thinking $true was not sent. Use ReasoningEffort (low, high or max) to control its thinking.",
            Assert.Single(warnings));
    }

    [Fact]
    public void K3_drops_KeepThinking_with_a_warning()
    {
        var request = Chat("kimi-k3");
        request.KeepThinking = true;
        var prepared = Prepare(request, out var warnings);
        Assert.False(prepared.Wire.KeepThinking);
        Assert.Contains("KeepThinking was not sent", Assert.Single(warnings));
    }

    [Fact]
    public void Other_models_send_thinking_as_given_but_never_with_reasoning_effort()
    {
        var request = Chat("vendor/some-model");
        request.Thinking = true;
        request.ReasoningEffort = "max";
        var prepared = Prepare(request, out var warnings);
        Assert.True(prepared.Wire.Thinking);
        Assert.Null(prepared.Wire.ReasoningEffort);
        Assert.Equal("Thinking and ReasoningEffort cannot be sent together (Kimi rejects both at once); the requested ReasoningEffort 'max' was not sent.",
            Assert.Single(warnings));
    }

    [Fact]
    public void Other_models_send_reasoning_effort_alone_as_given()
    {
        var request = Chat("vendor/some-model");
        request.ReasoningEffort = "low";
        var prepared = PrepareQuiet(request);
        Assert.Equal("low", prepared.Wire.ReasoningEffort);
        Assert.Null(prepared.Wire.Thinking);
    }

    [Fact]
    public void Other_models_without_a_switch_drop_KeepThinking_with_a_warning()
    {
        var request = Chat("vendor/some-model");
        request.KeepThinking = true;
        var prepared = Prepare(request, out var warnings);
        Assert.False(prepared.Wire.KeepThinking);
        Assert.Equal("KeepThinking was not sent: vendor/some-model has no known thinking switch. Add -Thinking to send thinking.keep with it.", Assert.Single(warnings));
    }

    [Fact]
    public void Ordinary_models_are_not_thinking()
    {
        var prepared = PrepareQuiet(Chat("kimi-k2-instruct"));
        Assert.False(prepared.IsThinkingModel);
        Assert.False(prepared.ThinkingOn);
    }
}
