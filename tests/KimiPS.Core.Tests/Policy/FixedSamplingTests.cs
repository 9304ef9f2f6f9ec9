using static KimiPS.Core.Tests.Policy.PolicyTestHelpers;

namespace KimiPS.Core.Tests.Policy;

public sealed class FixedSamplingTests
{
    [Theory]
    [InlineData("kimi-k2.6")]
    [InlineData("kimi-k2.6-preview")]
    [InlineData("moonshotai/kimi-k2.6")]
    [InlineData("openrouter/moonshotai/KIMI-K2.6")]
    public void A_different_temperature_is_dropped_with_a_warning_naming_the_fixed_value(string model)
    {
        var request = Chat(model);
        request.Temperature = 0.7;
        var prepared = Prepare(request, out var warnings);
        Assert.Null(prepared.Wire.Temperature);
        Assert.Equal($"{model} uses a fixed temperature of 1 (thinking on); the requested 0.7 was not sent.", Assert.Single(warnings));
        Assert.Equal(0.7, request.Temperature); // the caller's request keeps its value
    }

    [Fact]
    public void An_equal_temperature_is_omitted_quietly()
    {
        var request = Chat("kimi-k2.6");
        request.Temperature = 1.0;
        Assert.Null(PrepareQuiet(request).Wire.Temperature);
    }

    [Fact]
    public void With_thinking_off_k26_uses_0_6()
    {
        var request = Chat("kimi-k2.6");
        request.Thinking = false;
        request.Temperature = 0.6;
        Assert.Null(PrepareQuiet(request).Wire.Temperature);

        request.Temperature = 1;
        Prepare(request, out var warnings);
        Assert.Equal("kimi-k2.6 uses a fixed temperature of 0.6 (thinking off); the requested 1 was not sent.", Assert.Single(warnings));
    }

    [Theory]
    [InlineData("kimi-k3")]
    [InlineData("kimi-k2.7-code")]
    [InlineData("kimi-k2.7-code-highspeed")]
    public void Always_thinking_models_use_1_without_a_mode(string model)
    {
        var request = Chat(model);
        request.Temperature = 0.2;
        var prepared = Prepare(request, out var warnings);
        Assert.Null(prepared.Wire.Temperature);
        Assert.Equal($"{model} uses a fixed temperature of 1; the requested 0.2 was not sent.", Assert.Single(warnings));
    }

    [Fact]
    public void TopP_n_and_penalties_are_dropped_with_warnings()
    {
        var request = Chat("kimi-k3");
        request.TopP = 0.5;
        request.N = 3;
        request.PresencePenalty = 0.5;
        request.FrequencyPenalty = -1;
        var prepared = Prepare(request, out var warnings);
        Assert.Equal(new[]
        {
            "kimi-k3 uses a fixed top_p of 0.95; the requested 0.5 was not sent.",
            "kimi-k3 uses a fixed n of 1; the requested 3 was not sent.",
            "kimi-k3 uses a fixed presence_penalty of 0; the requested 0.5 was not sent.",
            "kimi-k3 uses a fixed frequency_penalty of 0; the requested -1 was not sent.",
        }, warnings);
        var wire = prepared.Wire;
        Assert.Null(wire.TopP);
        Assert.Null(wire.N);
        Assert.Null(wire.PresencePenalty);
        Assert.Null(wire.FrequencyPenalty);
    }

    [Fact]
    public void Fixed_values_are_omitted_quietly()
    {
        var request = Chat("kimi-k2.6");
        request.TopP = 0.95;
        request.N = 1;
        request.PresencePenalty = 0;
        request.FrequencyPenalty = 0;
        var wire = PrepareQuiet(request).Wire;
        Assert.Null(wire.TopP);
        Assert.Null(wire.N);
        Assert.Null(wire.PresencePenalty);
        Assert.Null(wire.FrequencyPenalty);
    }

    [Fact]
    public void N_above_1_at_low_temperature_is_not_an_error_on_fixed_models()
    {
        var request = Chat("kimi-k2.6");
        request.N = 2;
        request.Temperature = 0.1;
        var prepared = Prepare(request, out var warnings);
        Assert.Equal(2, warnings.Count);
        Assert.Null(prepared.Wire.N);
    }

    [Theory]
    [InlineData("kimi-k2-instruct")]
    [InlineData("kimi-k2-thinking")]
    [InlineData("some-gateway-model")]
    public void Other_models_send_sampling_as_given(string model)
    {
        var request = Chat(model);
        request.Temperature = 0.7;
        request.TopP = 0.9;
        request.N = 2;
        request.PresencePenalty = 0.5;
        request.FrequencyPenalty = 0.25;
        var wire = Prepare(request, out _).Wire;
        Assert.Equal(0.7, wire.Temperature);
        Assert.Equal(0.9, wire.TopP);
        Assert.Equal(2, wire.N);
        Assert.Equal(0.5, wire.PresencePenalty);
        Assert.Equal(0.25, wire.FrequencyPenalty);
    }
}
