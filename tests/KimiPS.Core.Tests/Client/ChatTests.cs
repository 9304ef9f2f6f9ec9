using System.Text.Json;
using KimiPS.Core;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.Client;

public sealed class ChatTests : EmulatorTest
{
    [Fact]
    public void Chat_returns_the_answer_with_reasoning_usage_and_request_id()
    {
        using var client = Client();
        var answer = client.Chat(Ask("hello"));
        Assert.Equal("Echo: hello", answer.Content);
        Assert.Equal("Thinking about it.", answer.ReasoningContent);
        Assert.Equal("stop", answer.FinishReason);
        Assert.NotNull(answer.Usage);
        Assert.True(answer.Usage!.TotalTokens > 0);
        Assert.StartsWith("emu-", answer.RequestId);
        Assert.Equal("Echo: hello", answer.ToString());
    }

    [Fact]
    public async Task ChatAsync_gives_the_same_answer()
    {
        using var client = Client();
        var answer = await client.ChatAsync(Ask("async"));
        Assert.Equal("Echo: async", answer.Content);
    }

    [Fact]
    public void Request_body_is_what_Kimi_expects()
    {
        using var client = Client();
        var request = Ask("body", "kimi-k2.6");
        request.Thinking = false;
        request.MaxTokens = 100;
        request.Stop = new List<string> { "END" };
        client.Chat(request);
        var sent = Emulator.Requests.Single(r => r.Path.EndsWith("chat/completions", StringComparison.Ordinal));
        var json = sent.Json!.RootElement;
        Assert.Equal("kimi-k2.6", json.GetProperty("model").GetString());
        Assert.Equal("disabled", json.GetProperty("thinking").GetProperty("type").GetString());
        Assert.Equal(100, json.GetProperty("max_tokens").GetInt32());
        Assert.False(json.TryGetProperty("stream", out _));
        Assert.Equal("Bearer " + KimiEmulator.ApiKey, sent.Headers["Authorization"]);
        Assert.StartsWith("application/json", sent.Headers["Content-Type"]);
    }

    [Fact]
    public void Fixed_sampling_is_dropped_with_a_warning_and_the_server_accepts_the_request()
    {
        using var client = Client();
        var request = Ask("sampling", "kimi-k2.6");
        request.Temperature = 0.7;
        request.TopP = 0.95;
        var answer = client.Chat(request);
        Assert.Equal("Echo: sampling", answer.Content);
        var json = Emulator.Requests.Last().Json!.RootElement;
        Assert.False(json.TryGetProperty("temperature", out _));
        Assert.False(json.TryGetProperty("top_p", out _));
        var warning = Assert.Single(Warnings);
        Assert.Contains("0.7", warning);
        Assert.Contains("temperature", warning);
    }

    [Fact]
    public void Out_of_range_temperature_fails_before_anything_is_sent()
    {
        using var client = Client();
        var request = Ask("hot", "kimi-k2-custom");
        request.Temperature = 1.5;
        var ex = Assert.Throws<KimiException>(() => client.Chat(request));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Contains("Temperature", ex.Message);
        Assert.Equal(0, Emulator.Counters.Requests);
    }

    [Fact]
    public void N_above_one_with_low_temperature_fails_before_sending()
    {
        using var client = Client();
        var request = Ask("many", "kimi-k2-custom");
        request.N = 3;
        request.Temperature = 0.001;
        var ex = Assert.Throws<KimiException>(() => client.Chat(request));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Equal(0, Emulator.Counters.Requests);
    }

    [Fact]
    public void Empty_prompt_fails_before_sending()
    {
        using var client = Client();
        var ex = Assert.Throws<KimiException>(() => client.Chat(Ask("")));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Equal(0, Emulator.Counters.Requests);
    }

    [Fact]
    public void Empty_assistant_messages_are_never_sent()
    {
        using var client = Client();
        var request = new ChatRequest("kimi-k2.6", ChatMessage.User("first"), ChatMessage.Assistant(""), ChatMessage.User("second"));
        Assert.Equal("Echo: second", client.Chat(request).Content);
        var messages = Emulator.Requests.Last().Json!.RootElement.GetProperty("messages");
        Assert.Equal(2, messages.GetArrayLength());
    }

    [Fact]
    public void Required_tool_choice_is_emulated_with_one_follow_up()
    {
        using var client = Client();
        var request = Ask("no tool please");
        request.Tools = new List<ChatTool> { ChatTool.Function("lookup", "Looks things up", """{"type":"object","properties":{}}""") };
        request.ToolChoice = "required";
        var answer = client.Chat(request);
        Assert.Equal(2, ChatRequests);
        Assert.Equal(1, answer.FollowUps);
        var first = Emulator.Requests.First(r => r.Path.EndsWith("chat/completions", StringComparison.Ordinal)).Json!.RootElement;
        Assert.Equal("auto", first.GetProperty("tool_choice").GetString());
        var second = Emulator.Requests.Last().Json!.RootElement.GetProperty("messages");
        Assert.Contains("select a tool", second[second.GetArrayLength() - 1].GetProperty("content").GetString());
    }

    [Fact]
    public void A_tool_call_answer_needs_no_follow_up_and_is_surfaced_complete()
    {
        using var client = Client();
        var request = Ask("call:lookup");
        request.Tools = new List<ChatTool> { ChatTool.Function("lookup", "Looks things up", """{"type":"object","properties":{"x":{"type":"integer"}}}""") };
        request.ToolChoice = "required";
        var answer = client.Chat(request);
        Assert.Equal(1, ChatRequests);
        var call = Assert.Single(answer.ToolCalls);
        Assert.Equal("functions.lookup:0", call.Id);
        Assert.Equal("lookup", call.Name);
        Assert.Equal("""{"x":1}""", call.Arguments);
        Assert.Equal("tool_calls", answer.FinishReason);
    }

    [Fact]
    public void Partial_mode_prefix_is_prepended()
    {
        using var client = Client();
        var request = new ChatRequest("kimi-k2.6", ChatMessage.User("story"), new ChatMessage("assistant", "Once upon a time") { Partial = true });
        Assert.Equal("Once upon a time (continued)", client.Chat(request).Content);
    }

    [Fact]
    public void Length_cut_answers_are_continued_with_partial_mode()
    {
        using var client = Client();
        Emulator.Enqueue(EmulatorResponse.Chat(new ChatScript { Content = "The first half", FinishReason = "length", Reasoning = null }));
        var request = Ask("long");
        request.AutoContinue = 2;
        var answer = client.Chat(request);
        Assert.Equal("The first half (continued)", answer.Content);
        Assert.Equal("stop", answer.FinishReason);
        Assert.Equal(1, answer.FollowUps);
        var last = Emulator.Requests.Last().Json!.RootElement.GetProperty("messages");
        var tail = last[last.GetArrayLength() - 1];
        Assert.True(tail.GetProperty("partial").GetBoolean());
        Assert.Equal("The first half", tail.GetProperty("content").GetString());
    }

    [Fact]
    public void A_continued_answer_keeps_the_reasoning_of_every_round()
    {
        using var client = Client();
        Emulator.Enqueue(EmulatorResponse.Chat(new ChatScript { Content = "Half", Reasoning = "Plan first. ", FinishReason = "length" }));
        var request = Ask("long");
        request.AutoContinue = 1;
        var answer = client.Chat(request);
        Assert.Equal("Half (continued)", answer.Content);
        Assert.Equal("Plan first. Thinking about it.", answer.ReasoningContent);
        var streamed = client.ChatStream(request);
        Emulator.Enqueue(EmulatorResponse.Chat(new ChatScript { Content = "Half", Reasoning = "Plan first. ", FinishReason = "length" }));
        Assert.Equal("Plan first. Thinking about it.", streamed.Last().Completion!.ReasoningContent);
    }

    [Fact]
    public void Length_cut_answers_are_not_continued_by_default()
    {
        using var client = Client();
        Emulator.Enqueue(EmulatorResponse.Chat(new ChatScript { Content = "cut", FinishReason = "length" }));
        Assert.Equal("length", client.Chat(Ask("long")).FinishReason);
        Assert.Equal(1, ChatRequests);
    }

    [Fact]
    public void A_gateway_base_path_is_kept()
    {
        using var client = Client(o => o.BaseUri = new Uri(Emulator.RootUri, "kimi"));
        Assert.Equal("Echo: gateway", client.Chat(Ask("gateway")).Content);
        Assert.Equal("/kimi/chat/completions", Emulator.Requests.Last().Path);
    }

    [Fact]
    public void Fifty_sequential_calls_use_one_connection()
    {
        using var client = Client();
        for (var i = 0; i < 50; i++) client.Chat(Ask("ping " + i));
        Assert.Equal(50, ChatRequests);
        Assert.Equal(1, Emulator.Counters.Connections);
    }
}
