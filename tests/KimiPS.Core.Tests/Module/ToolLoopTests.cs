using KimiPS.Core;

namespace KimiPS.Core.Tests.Module;

public class ToolLoopTests
{
    private static ChatCompletion Answer(string text, int tokens = 10) => new()
    {
        Choices = new[] { new ChatChoice { Content = text, FinishReason = "stop" } },
        Usage = new ChatUsage { PromptTokens = tokens, TotalTokens = tokens },
    };

    private static ChatCompletion Calls(params ToolCall[] calls) => new()
    {
        Choices = new[] { new ChatChoice { Content = "", ReasoningContent = "thinking", FinishReason = "tool_calls", ToolCalls = calls } },
        Usage = new ChatUsage { PromptTokens = 5, TotalTokens = 5 },
    };

    private static readonly ToolCall WebSearch = new("$web_search:0", "$web_search", "{\"query\":\"kimi\",\"usage\":{\"total_tokens\":321}}", "builtin_function");

    private sealed class FakeRunner : IToolRunner
    {
        public List<string> Ran { get; } = new();
        public bool CanRun(ToolCall call) => call.Name == "add";
        public string Run(ToolCall call) { Ran.Add(call.Arguments); return "3"; }
    }

    [Fact]
    public void Web_search_calls_are_echoed_verbatim()
    {
        var messages = ToolLoop.EchoBuiltinCalls(Calls(WebSearch, new ToolCall("functions.add:1", "add", "{}")));
        var m = Assert.Single(messages);
        Assert.Equal("tool", m.Role);
        Assert.Equal("$web_search:0", m.ToolCallId);
        Assert.Equal("$web_search", m.Name);
        Assert.Equal(WebSearch.Arguments, m.Content);
    }

    [Fact]
    public void A_dollar_name_is_builtin_even_when_typed_function() =>
        Assert.True(ToolLoop.IsBuiltin(new ToolCall("x", "$web_search", "{}", "function")));

    [Fact]
    public void Loop_echoes_web_search_and_sends_again_until_the_answer()
    {
        var request = new ChatRequest("kimi-k2.6", ChatMessage.User("news?"));
        var sent = new List<ChatRequest>();
        var replies = new Queue<ChatCompletion>(new[] { Calls(WebSearch), Answer("Here is the news.") });
        var result = ToolLoop.Run(request, r => { sent.Add(r.Clone()); return replies.Dequeue(); }, runner: null);

        Assert.Equal("Here is the news.", result.Completion.Content);
        Assert.Equal(2, result.Rounds);
        Assert.False(result.LimitReached);
        Assert.Empty(result.Unhandled);
        Assert.Single(request.Messages); // the caller's request is not modified
        var second = sent[1].Messages;
        Assert.Equal(new[] { "user", "assistant", "tool" }, second.Select(m => m.Role));
        Assert.Equal("thinking", second[1].ReasoningContent);
        Assert.Single(second[1].ToolCalls!);
        Assert.Equal(WebSearch.Arguments, second[2].Content);
        Assert.Equal(new[] { "assistant", "tool" }, result.AddedMessages.Select(m => m.Role));
        Assert.Equal(15, result.Completion.Usage!.TotalTokens);
        Assert.Equal(1, result.Completion.FollowUps);
    }

    [Fact]
    public void Runner_answers_function_calls()
    {
        var runner = new FakeRunner();
        var replies = new Queue<ChatCompletion>(new[] { Calls(new ToolCall("functions.add:0", "add", "{\"a\":1,\"b\":2}"), WebSearch), Answer("3") });
        var result = ToolLoop.Run(new ChatRequest("m", ChatMessage.User("1+2")), _ => replies.Dequeue(), runner);
        Assert.Equal(new[] { "{\"a\":1,\"b\":2}" }, runner.Ran);
        Assert.Equal(new[] { "assistant", "tool", "tool" }, result.AddedMessages.Select(m => m.Role));
        Assert.Equal("3", result.AddedMessages[1].Content);
        Assert.Equal("functions.add:0", result.AddedMessages[1].ToolCallId);
    }

    [Fact]
    public void Unknown_function_stops_before_running_anything()
    {
        var runner = new FakeRunner();
        var calls = 0;
        var result = ToolLoop.Run(new ChatRequest("m", ChatMessage.User("x")),
            _ => { calls++; return Calls(new ToolCall("a:0", "add", "{}"), new ToolCall("b:1", "delete_everything", "{}")); }, runner);
        Assert.Equal(1, calls);
        Assert.Empty(runner.Ran);
        Assert.Equal("delete_everything", Assert.Single(result.Unhandled).Name);
        Assert.Equal("tool_calls", result.Completion.FinishReason);
    }

    [Fact]
    public void Function_calls_without_a_runner_are_returned_to_the_caller()
    {
        var result = ToolLoop.Run(new ChatRequest("m", ChatMessage.User("x")), _ => Calls(new ToolCall("a:0", "add", "{}")), runner: null);
        Assert.Single(result.Unhandled);
        Assert.Empty(result.AddedMessages);
    }

    [Fact]
    public void Round_cap_stops_a_model_that_never_answers()
    {
        var calls = 0;
        var result = ToolLoop.Run(new ChatRequest("m", ChatMessage.User("x")), _ => { calls++; return Calls(WebSearch); }, null, maxRounds: 3);
        Assert.Equal(3, calls);
        Assert.True(result.LimitReached);
        Assert.Equal(3, result.Rounds);
    }

    [Fact]
    public void Partial_prefix_is_dropped_on_tool_rounds()
    {
        var request = new ChatRequest("m", ChatMessage.User("x"), new ChatMessage("assistant", "Answer:") { Partial = true });
        var sent = new List<ChatRequest>();
        var replies = new Queue<ChatCompletion>(new[] { Calls(WebSearch), Answer("done") });
        ToolLoop.Run(request, r => { sent.Add(r.Clone()); return replies.Dequeue(); }, null);
        Assert.True(sent[0].Messages.Last().Partial);
        Assert.DoesNotContain(sent[1].Messages, m => m.Partial);
    }
}

public class ToolResultTests
{
    [Fact]
    public void Results_are_trimmed_and_empty_output_is_said()
    {
        Assert.Equal("(no output)", ToolLoop.FormatResult("  \r\n"));
        Assert.Equal("(no output)", ToolLoop.FormatResult(null));
        Assert.Equal("42", ToolLoop.FormatResult("\n42\n"));
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        // An emoji straddling the limit: half of it would go on the wire as U+FFFD.
        var result = ToolLoop.FormatResult(new string('x', ToolLoop.MaxResultLength - 1) + "😀 and more");
        var kept = result.Substring(0, result.IndexOf('\n'));
        Assert.False(char.IsHighSurrogate(kept[kept.Length - 1]));
        Assert.Equal(new string('x', ToolLoop.MaxResultLength - 1), kept);
        Assert.EndsWith("11 more characters)", result);
    }

    [Fact]
    public void Long_results_are_cut_with_a_note()
    {
        var result = ToolLoop.FormatResult(new string('x', ToolLoop.MaxResultLength + 5));
        Assert.StartsWith(new string('x', ToolLoop.MaxResultLength) + "\n…", result);
        Assert.EndsWith("5 more characters)", result);
    }
}
