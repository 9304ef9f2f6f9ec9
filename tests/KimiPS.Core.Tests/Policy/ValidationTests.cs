using static KimiPS.Core.Tests.Policy.PolicyTestHelpers;

namespace KimiPS.Core.Tests.Policy;

public sealed class ValidationTests
{
    [Fact]
    public void Empty_model_is_rejected() => Rejects(new ChatRequest("", ChatMessage.User("hi")), "Model");

    [Fact]
    public void Empty_messages_are_rejected() => Rejects(new ChatRequest("kimi-k2.6"), "Messages");

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Empty_user_text_without_parts_is_rejected(string? text) =>
        Rejects(new ChatRequest("kimi-k2.6", new ChatMessage("user", text)), "Prompt");

    [Fact]
    public void User_parts_without_text_are_accepted() =>
        PrepareQuiet(new ChatRequest("kimi-k2.6", ChatMessage.UserParts(ChatContentPart.Image("data:image/png;base64,AAAA"))));

    [Theory]
    [InlineData(1.5)]
    [InlineData(2.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Temperature_outside_0_to_1_is_rejected_for_ordinary_models(double temperature)
    {
        var request = Chat();
        request.Temperature = temperature;
        var ex = Rejects(request, "Temperature");
        Assert.Contains("Kimi accepts 0 to 1, not OpenAI's 0 to 2", ex.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Temperature_bounds_are_accepted(double temperature)
    {
        var request = Chat();
        request.Temperature = temperature;
        Assert.Equal(temperature, PrepareQuiet(request).Wire.Temperature);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void N_outside_1_to_5_is_rejected(int n)
    {
        var request = Chat();
        request.N = n;
        Rejects(request, "N");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.001)]
    [InlineData(0.29)]
    public void Several_choices_at_near_zero_temperature_are_rejected(double temperature)
    {
        var request = Chat();
        request.N = 2;
        request.Temperature = temperature;
        var ex = Rejects(request, "N");
        Assert.Contains("Set Temperature to 0.3 or more", ex.RecommendedAction);
    }

    [Fact]
    public void Several_choices_at_0_3_are_sent()
    {
        var request = Chat();
        request.N = 5;
        request.Temperature = 0.3;
        var wire = PrepareQuiet(request).Wire;
        Assert.Equal(5, wire.N);
        Assert.Equal(0.3, wire.Temperature);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.01)]
    public void TopP_outside_0_exclusive_to_1_is_rejected(double topP)
    {
        var request = Chat();
        request.TopP = topP;
        Rejects(request, "TopP");
    }

    [Fact]
    public void TopP_of_1_is_accepted()
    {
        var request = Chat();
        request.TopP = 1;
        Assert.Equal(1, PrepareQuiet(request).Wire.TopP);
    }

    [Fact]
    public void Penalties_outside_minus_2_to_2_are_rejected()
    {
        var presence = Chat();
        presence.PresencePenalty = 2.5;
        Rejects(presence, "PresencePenalty");
        var frequency = Chat();
        frequency.FrequencyPenalty = -2.01;
        Rejects(frequency, "FrequencyPenalty");
        var fine = Chat();
        fine.PresencePenalty = -2;
        fine.FrequencyPenalty = 2;
        PrepareQuiet(fine);
    }

    [Fact]
    public void MaxTokens_below_1_is_rejected()
    {
        var request = Chat();
        request.MaxTokens = 0;
        Rejects(request, "MaxTokens");
        var completion = Chat();
        completion.MaxCompletionTokens = -5;
        Rejects(completion, "MaxCompletionTokens");
    }

    [Fact]
    public void More_than_5_stop_strings_are_rejected()
    {
        var request = Chat();
        request.Stop = new List<string> { "a", "b", "c", "d", "e", "f" };
        Rejects(request, "Stop");
    }

    [Fact]
    public void A_stop_string_over_32_utf8_bytes_is_rejected()
    {
        var request = Chat();
        request.Stop = new List<string> { new('停', 11) }; // 33 bytes in UTF-8, 11 chars
        var ex = Rejects(request, "Stop");
        Assert.Contains("33 UTF-8 bytes", ex.Message);

        var fits = Chat();
        fits.Stop = new List<string> { new('停', 10), new string('x', 32) };
        PrepareQuiet(fits);
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("ab")]
    [InlineData("has space")]
    [InlineData("dot.name")]
    [InlineData("$web_search")]
    [InlineData("")]
    public void Invalid_function_names_are_rejected(string name)
    {
        var request = Chat();
        request.Tools = new List<ChatTool> { ChatTool.Function(name, "d", """{"type":"object"}""") };
        Rejects(request, "Tool");
    }

    [Theory]
    [InlineData("get_weather")]
    [InlineData("_x-y")]
    [InlineData("abc")]
    public void Valid_function_names_and_the_builtin_search_are_accepted(string name)
    {
        var request = Chat();
        request.Tools = new List<ChatTool> { ChatTool.Function(name, "d", """{"type":"object"}"""), ChatTool.WebSearch };
        Assert.Equal(2, PrepareQuiet(request).Wire.Tools!.Count);
    }

    [Fact]
    public void A_64_character_name_is_the_limit()
    {
        var ok = Chat();
        ok.Tools = new List<ChatTool> { new(new string('a', 64)) };
        PrepareQuiet(ok);
        var tooLong = Chat();
        tooLong.Tools = new List<ChatTool> { new(new string('a', 65)) };
        Rejects(tooLong, "Tool");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[{\"type\":\"object\"}]")]
    [InlineData("\"object\"")]
    public void A_schema_that_is_not_a_json_object_is_rejected(string schema)
    {
        var request = Chat();
        request.Tools = new List<ChatTool> { ChatTool.Function("get_weather", "d", schema) };
        var ex = Rejects(request, "Tool");
        Assert.Contains("get_weather", ex.Message);
    }

    [Fact]
    public void More_than_128_tools_are_rejected()
    {
        var request = Chat();
        request.Tools = Enumerable.Range(0, 129).Select(i => new ChatTool("tool_" + i)).ToList();
        var ex = Rejects(request, "Tool");
        Assert.Contains("129", ex.Message);

        var limit = Chat();
        limit.Tools = Enumerable.Range(0, 128).Select(i => new ChatTool("tool_" + i)).ToList();
        PrepareQuiet(limit);
    }

    [Fact]
    public void Legacy_functions_count_towards_the_tool_limit()
    {
        var request = Chat();
        request.Tools = Enumerable.Range(0, 100).Select(i => new ChatTool("tool_" + i)).ToList();
        request.Functions = Enumerable.Range(0, 29).Select(i => new ChatTool("fn_" + i)).ToList();
        Rejects(request, "Tool");
    }

    [Fact]
    public void A_tool_declared_twice_is_rejected()
    {
        var request = Chat();
        request.Tools = new List<ChatTool> { Weather(), Weather() };
        Rejects(request, "Tool");
    }

    [Theory]
    [InlineData("medium")]
    [InlineData("minimal")]
    [InlineData("")]
    public void ReasoningEffort_other_than_low_high_max_is_rejected(string effort)
    {
        var request = Chat("kimi-k3");
        request.ReasoningEffort = effort;
        Rejects(request, "ReasoningEffort");
    }

    [Fact]
    public void ToolChoice_naming_an_undeclared_tool_is_rejected()
    {
        var request = Chat();
        request.Tools = new List<ChatTool> { Weather() };
        request.ToolChoice = "get_time";
        var ex = Rejects(request, "ToolChoice");
        Assert.Contains("get_time", ex.Message);
    }

    [Fact]
    public void ToolChoice_required_without_tools_is_rejected()
    {
        var request = Chat();
        request.ToolChoice = "required";
        Rejects(request, "ToolChoice");
    }

    [Theory]
    [InlineData("https://example.com/cat.png")]
    [InlineData("http://example.com/cat.png")]
    [InlineData("HTTPS://EXAMPLE.COM/cat.png")]
    public void Web_image_urls_are_rejected_with_the_upload_fix(string url)
    {
        var request = new ChatRequest("kimi-k2.6", ChatMessage.UserParts(ChatContentPart.FromText("What is this?"), ChatContentPart.Image(url)));
        var ex = Rejects(request, "Image");
        Assert.Contains("Send-KimiFile -Purpose image", ex.RecommendedAction);
        Assert.Contains("data URL", ex.RecommendedAction);
    }

    [Fact]
    public void Web_video_urls_are_rejected_with_the_video_fix()
    {
        var request = new ChatRequest("kimi-k2.6", ChatMessage.UserParts(ChatContentPart.Video("https://example.com/a.mp4")));
        var ex = Rejects(request, "Messages");
        Assert.Contains("Send-KimiFile -Purpose video", ex.RecommendedAction);
    }

    [Theory]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("ms://file_abc123")]
    public void Data_and_file_urls_are_accepted(string url) =>
        PrepareQuiet(new ChatRequest("kimi-k2.6", ChatMessage.UserParts(ChatContentPart.Image(url))));

    [Fact]
    public void A_partial_message_that_is_not_last_is_rejected()
    {
        var request = new ChatRequest("kimi-k2.6",
            ChatMessage.User("Write a poem"),
            new ChatMessage("assistant", "Roses") { Partial = true },
            ChatMessage.User("continue"));
        Rejects(request, "Prefix");
    }

    [Fact]
    public void A_partial_user_message_is_rejected()
    {
        var request = new ChatRequest("kimi-k2.6", new ChatMessage("user", "hi") { Partial = true });
        Rejects(request, "Prefix");
    }

    [Fact]
    public void Partial_mode_with_json_mode_is_rejected()
    {
        var request = new ChatRequest("kimi-k2.6", ChatMessage.User("Give JSON"), new ChatMessage("assistant", "{") { Partial = true })
        {
            ResponseFormat = ChatResponseFormat.JsonObject,
        };
        var ex = Rejects(request, "Prefix");
        Assert.Contains("json_object", ex.Message);
    }

    [Fact]
    public void AutoContinue_with_json_mode_is_rejected()
    {
        // Continuing after finish_reason length sends a partial assistant message, which Kimi refuses in JSON mode:
        // the continuation round would fail with a 400 after the first answer was paid for.
        var request = new ChatRequest("kimi-k2.6", ChatMessage.User("Give JSON"))
        {
            ResponseFormat = ChatResponseFormat.JsonObject,
            AutoContinue = 2,
        };
        var ex = Rejects(request, "AutoContinue");
        Assert.Contains("json_object", ex.Message);

        request.AutoContinue = 0;
        PrepareQuiet(request);
    }

    [Fact]
    public void A_tool_message_without_a_call_id_is_rejected() =>
        Rejects(new ChatRequest("kimi-k2.6", ChatMessage.User("hi"), new ChatMessage("tool", "42")), "Messages");

    [Fact]
    public void An_unknown_role_is_rejected() =>
        Rejects(new ChatRequest("kimi-k2.6", new ChatMessage("developer", "be brief"), ChatMessage.User("hi")), "Messages");

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("{broken")]
    public void A_json_schema_that_is_not_an_object_is_rejected(string schema)
    {
        var request = Chat();
        request.ResponseFormat = ChatResponseFormat.JsonSchema("answer", schema);
        Rejects(request, "Json");
    }

    [Fact]
    public void Fixed_sampling_models_drop_rather_than_reject_an_out_of_range_temperature()
    {
        var request = Chat("kimi-k2.6");
        request.Temperature = 1.5;
        var prepared = Prepare(request, out var warnings);
        Assert.Null(prepared.Wire.Temperature);
        Assert.Equal("kimi-k2.6 uses a fixed temperature of 1 (thinking on); the requested 1.5 was not sent.", Assert.Single(warnings));
    }

    [Fact]
    public void Validation_runs_before_any_warning()
    {
        var request = Chat("kimi-k2.5"); // retired: would warn
        request.TopP = 0;
        var warnings = new List<string>();
        Assert.Throws<KimiException>(() => ModelPolicy.Prepare(request, warnings.Add));
        Assert.Empty(warnings);
    }
}
