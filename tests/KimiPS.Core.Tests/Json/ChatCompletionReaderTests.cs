using System.Runtime.CompilerServices;
using System.Text;

namespace KimiPS.Core.Tests.Json;

public sealed class ChatCompletionReaderTests
{
    /// <summary>Fixtures live next to this file (the csproj is not ours to change, so they are not copied to bin).</summary>
    private static byte[] Fixture(string name, [CallerFilePath] string here = "") =>
        File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(here)!, "Fixtures", name));

    private static ChatCompletion Read(string json, string? requestId = null, string? prefix = null) =>
        ChatCompletionReader.Read(Encoding.UTF8.GetBytes(json), requestId, prefix);

    [Fact]
    public void Seed003_vllm_flavoured_body_is_read()
    {
        var c = ChatCompletionReader.Read(Fixture("seed003-hello.json"), "2cf86e86-trace", null);

        Assert.Equal("chatcmpl-b5d9e1b799c137e3", c.Id);
        Assert.Equal("kimi-k2.5", c.Model);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1770991864), c.Created);
        Assert.Equal(" Hello! How can I help you today?", c.Content);
        Assert.StartsWith(" The user has simply said \"Hello\".", c.ReasoningContent);
        Assert.EndsWith("invites them to share what they need. ", c.ReasoningContent);
        Assert.Equal("stop", c.FinishReason);
        Assert.Empty(c.ToolCalls);
        Assert.Equal("2cf86e86-trace", c.RequestId);
        var choice = Assert.Single(c.Choices);
        Assert.Equal(0, choice.Index);
        Assert.Null(choice.Usage);
        Assert.Equal(9, c.Usage!.PromptTokens);
        Assert.Equal(184, c.Usage.CompletionTokens);
        Assert.Equal(193, c.Usage.TotalTokens);
        Assert.Equal(0, c.Usage.CachedTokens); // cached_tokens_details: {} carries no count
    }

    [Fact]
    public void Seed003_multiturn_body_is_read()
    {
        var c = ChatCompletionReader.Read(Fixture("seed003-multiturn.json"), null, null);
        Assert.Equal("chatcmpl-81e5f161ea077f5e", c.Id);
        Assert.Equal(" I'm Kimi, an AI assistant made by Moonshot AI. I'm from the **K2.5** series.", c.Content);
        Assert.Contains("What model are you?", c.ReasoningContent);
        Assert.Equal(28, c.Usage!.PromptTokens);
        Assert.Equal(235, c.Usage.CompletionTokens);
        Assert.Equal(263, c.Usage.TotalTokens);
    }

    [Fact]
    public void Kimi_body_with_tool_calls_and_top_level_cached_tokens()
    {
        var c = Read("""
            {"id":"cmpl-04ea","object":"chat.completion","created":1698999496,"model":"kimi-k2.6",
             "choices":[{"index":0,"message":{"role":"assistant","content":"","reasoning_content":"search first",
               "tool_calls":[{"id":"search:0","type":"builtin_function","function":{"name":"$web_search","arguments":"{\"query\":\"天气\"}"}},
                             {"id":"functions.add:1","type":"function","function":{"name":"add","arguments":"{\"a\":1}"}}]},
               "finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":19,"completion_tokens":21,"total_tokens":40,"cached_tokens":10,
                      "prompt_tokens_details":{"cached_tokens":3}}}
            """, "msh-1");
        Assert.Equal("tool_calls", c.FinishReason);
        Assert.Equal(2, c.ToolCalls.Count);
        Assert.Equal("search:0", c.ToolCalls[0].Id);
        Assert.Equal("builtin_function", c.ToolCalls[0].Type);
        Assert.Equal("$web_search", c.ToolCalls[0].Name);
        Assert.Equal("{\"query\":\"天气\"}", c.ToolCalls[0].Arguments);
        Assert.Equal(1, c.ToolCalls[1].Index);
        Assert.Equal(10, c.Usage!.CachedTokens); // top-level wins
        var turn = c.ToMessage();
        Assert.Equal(2, turn.ToolCalls!.Count);
        Assert.Equal("search first", turn.ReasoningContent);
    }

    [Fact]
    public void Gateway_cached_tokens_come_from_prompt_tokens_details()
    {
        var c = Read("""
            {"id":"x","model":"m","choices":[{"index":0,"message":{"content":"hi"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6,"prompt_tokens_details":{"cached_tokens":4}}}
            """);
        Assert.Equal(4, c.Usage!.CachedTokens);
    }

    [Fact]
    public void Per_choice_usage_is_kept()
    {
        var c = Read("""
            {"id":"x","model":"m","choices":[
              {"index":0,"message":{"content":"a"},"finish_reason":"stop","usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7,"cached_tokens":1}},
              {"index":1,"message":{"content":"b"},"finish_reason":"length","usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}],
             "usage":{"prompt_tokens":5,"completion_tokens":5,"total_tokens":10}}
            """);
        Assert.Equal(2, c.Choices[0].Usage!.CompletionTokens);
        Assert.Equal(1, c.Choices[0].Usage!.CachedTokens);
        Assert.Equal(3, c.Choices[1].Usage!.CompletionTokens);
        Assert.Equal("length", c.Choices[1].FinishReason);
        Assert.Equal(10, c.Usage!.TotalTokens);
    }

    [Fact]
    public void Per_choice_usage_stands_in_for_a_missing_top_level_usage()
    {
        var c = Read("""
            {"id":"x","model":"m","choices":[{"index":0,"message":{"content":"a"},"finish_reason":"stop",
             "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}]}
            """);
        Assert.Equal(7, c.Usage!.TotalTokens);
    }

    [Fact]
    public void The_partial_prefix_is_prepended_to_choice_0_only()
    {
        var c = Read("""
            {"id":"x","model":"m","choices":[
              {"index":0,"message":{"content":" upon a time"},"finish_reason":"stop"},
              {"index":1,"message":{"content":" more"},"finish_reason":"stop"}]}
            """, prefix: "Once");
        Assert.Equal("Once upon a time", c.Content);
        Assert.Equal(" more", c.Choices[1].Content);

        var empty = Read("""{"id":"x","model":"m","choices":[{"index":0,"message":{"content":null},"finish_reason":"length"}]}""", prefix: "Once");
        Assert.Equal("Once", empty.Content);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"id\":\"x\"")]
    [InlineData("[1,2]")]
    [InlineData("{\"id\":\"x\",\"model\":\"m\"}")]
    [InlineData("{\"choices\":{}}")]
    [InlineData("{\"choices\":[{\"index\":0,\"finish_reason\":\"stop\"}]}")]
    [InlineData("{\"choices\":[{\"index\":0,\"message\":{\"content\":42}}]}")]
    [InlineData("{\"choices\":[{\"index\":0,\"message\":{\"content\":\"a\",\"tool_calls\":[{\"id\":\"a\"}]}}]}")]
    [InlineData("{\"choices\":[{\"index\":0,\"message\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":\"many\"}}")]
    [InlineData("")]
    public void Malformed_bodies_are_protocol_errors(string json)
    {
        var ex = Assert.Throws<KimiException>(() => Read(json, "req-42"));
        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);
        Assert.Equal(KimiErrorCategories.ProtocolError, ex.Category);
        Assert.Contains("req-42", ex.Message);
        Assert.NotNull(ex.RecommendedAction);
    }

    [Fact]
    public void An_empty_choices_array_is_a_protocol_error_not_an_empty_answer()
    {
        var ex = Assert.Throws<KimiException>(() => Read("""{"id":"x","model":"m","choices":[]}""", "req-7"));
        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);
        Assert.Contains("no choices", ex.Message);
        Assert.Contains("req-7", ex.Message);
    }

    [Theory]
    [InlineData("{\"error\":{\"type\":\"server_error\",\"message\":\"boom\"}}", KimiErrorIds.ServerError)]
    [InlineData("{\"success\":false,\"error\":{\"code\":\"used_up\",\"message\":\"no balance\"},\"trace_id\":\"t-1\"}", KimiErrorIds.QuotaExceeded)]
    public void An_error_envelope_in_a_200_body_is_that_error(string json, string errorId)
    {
        var ex = Assert.Throws<KimiApiException>(() => Read(json, "req-42"));
        Assert.Equal(errorId, ex.ErrorId);
        Assert.Contains("HTTP 200 body", ex.Message);
    }
}
