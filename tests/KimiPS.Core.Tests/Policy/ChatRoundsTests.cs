using KimiPS.Core;
using static KimiPS.Core.Tests.Policy.PolicyTestHelpers;

namespace KimiPS.Core.Tests.Policy;

/// <summary>The rounds engine without a transport: a fake send answers each round (over the wire: Client/AnswerRoundsTests).</summary>
public class ChatRoundsTests
{
    private static ChatCompletion Answer(string text, int tokens = 10, string finish = "stop") => new()
    {
        Choices = new[] { new ChatChoice { Content = text, FinishReason = finish } },
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
        public string Run(ToolCall call, CancellationToken ct) { Ran.Add(call.Arguments); return "3"; }
    }

    private static ChatRequest Request(string prompt, params ChatMessage[] extra)
    {
        var request = new ChatRequest("kimi-k2.6", ChatMessage.User(prompt))
        {
            Tools = new List<ChatTool> { ChatTool.WebSearch, ChatTool.Function("add", "Adds", """{"type":"object","properties":{}}""") },
            Thinking = false,
        };
        foreach (var m in extra) request.Messages.Add(m);
        return request;
    }

    private static ChatRounds Rounds(ChatRequest request, IToolRunner? runner = null, int maxToolRounds = ChatRounds.DefaultMaxToolRounds, List<string>? warnings = null) =>
        new(PrepareQuiet(request), (warnings ?? new List<string>()).Add, runner, maxToolRounds);

    /// <summary>What a client does: send the request of each round (a copy, as its body is written then), until the engine has the answer.</summary>
    private static ChatCompletion Drive(ChatRounds rounds, Func<ChatRequest, ChatCompletion> send)
    {
        while (true)
        {
            var completion = send(rounds.Request.Clone());
            if (!rounds.Next(completion)) return rounds.Result(completion);
        }
    }

    [Fact]
    public void A_web_search_is_echoed_verbatim_and_sent_again_until_the_answer()
    {
        var request = Request("news?");
        var sent = new List<ChatRequest>();
        var replies = new Queue<ChatCompletion>(new[] { Calls(WebSearch), Answer("Here is the news.") });
        var rounds = Rounds(request);
        var result = Drive(rounds, r => { sent.Add(r); return replies.Dequeue(); });

        Assert.Equal("Here is the news.", result.Content);
        Assert.Equal(2, rounds.Requests);
        Assert.False(rounds.ToolLimitReached);
        Assert.Empty(rounds.Unhandled);
        Assert.Single(request.Messages); // the caller's request is not modified
        var second = sent[1].Messages;
        Assert.Equal(new[] { "user", "assistant", "tool" }, second.Select(m => m.Role));
        Assert.Equal("thinking", second[1].ReasoningContent);
        Assert.Single(second[1].ToolCalls!);
        Assert.Equal(WebSearch.Arguments, second[2].Content);
        Assert.Equal("$web_search", second[2].Name);
        Assert.Equal(WebSearch.Id, second[2].ToolCallId);
        Assert.Equal(new[] { "assistant", "tool" }, rounds.AddedMessages.Select(m => m.Role));
        Assert.Equal(15, result.Usage!.TotalTokens);
        Assert.Equal(1, result.FollowUps);
    }

    [Fact]
    public void A_dollar_name_is_builtin_even_when_typed_function() =>
        Assert.True(ToolCalls.IsBuiltin(new ToolCall("x", "$web_search", "{}", "function")));

    [Fact]
    public void Runner_answers_function_calls()
    {
        var runner = new FakeRunner();
        var replies = new Queue<ChatCompletion>(new[] { Calls(new ToolCall("functions.add:0", "add", "{\"a\":1,\"b\":2}"), WebSearch), Answer("3") });
        var rounds = Rounds(Request("1+2"), runner);
        Drive(rounds, _ => replies.Dequeue());
        Assert.Equal(new[] { "{\"a\":1,\"b\":2}" }, runner.Ran);
        Assert.Equal(new[] { "assistant", "tool", "tool" }, rounds.AddedMessages.Select(m => m.Role));
        Assert.Equal("3", rounds.AddedMessages[1].Content);
        Assert.Equal("functions.add:0", rounds.AddedMessages[1].ToolCallId);
    }

    [Fact]
    public void Unknown_function_stops_before_running_anything()
    {
        var runner = new FakeRunner();
        var calls = 0;
        var rounds = Rounds(Request("x"), runner);
        var result = Drive(rounds, _ => { calls++; return Calls(new ToolCall("a:0", "add", "{}"), new ToolCall("b:1", "delete_everything", "{}")); });
        Assert.Equal(1, calls);
        Assert.Empty(runner.Ran);
        Assert.Equal("delete_everything", Assert.Single(rounds.Unhandled).Name);
        Assert.Equal("tool_calls", result.FinishReason);
    }

    [Fact]
    public void Function_calls_without_a_runner_are_returned_to_the_caller()
    {
        var rounds = Rounds(Request("x"));
        Drive(rounds, _ => Calls(new ToolCall("a:0", "add", "{}")));
        Assert.Single(rounds.Unhandled);
        Assert.Empty(rounds.AddedMessages);
    }

    [Fact]
    public void Round_cap_stops_a_model_that_never_answers()
    {
        var calls = 0;
        var rounds = Rounds(Request("x"), maxToolRounds: 3);
        Drive(rounds, _ => { calls++; return Calls(WebSearch); });
        Assert.Equal(3, calls);
        Assert.True(rounds.ToolLimitReached);
        Assert.Equal(3, rounds.Requests);
    }

    [Fact]
    public void Partial_prefix_is_dropped_on_tool_rounds()
    {
        var sent = new List<ChatRequest>();
        var replies = new Queue<ChatCompletion>(new[] { Calls(WebSearch), Answer("done") });
        var rounds = Rounds(Request("x", new ChatMessage("assistant", "Answer:") { Partial = true }));
        Assert.Equal("Answer:", rounds.Prefix);
        Drive(rounds, r => { sent.Add(r); return replies.Dequeue(); });
        Assert.True(sent[0].Messages.Last().Partial);
        Assert.DoesNotContain(sent[1].Messages, m => m.Partial);
        Assert.Null(rounds.Prefix);
    }

    [Fact]
    public void A_tool_call_turn_without_reasoning_gets_a_space_when_thinking_is_on()
    {
        // The request is prepared once: the engine itself must keep Kimi's rule for the turns it adds.
        var request = Request("x");
        request.Thinking = true;
        var sent = new List<ChatRequest>();
        var noReasoning = Calls(WebSearch);
        noReasoning.Choices[0].ReasoningContent = null;
        var replies = new Queue<ChatCompletion>(new[] { noReasoning, Answer("done") });
        Drive(Rounds(request), r => { sent.Add(r); return replies.Dequeue(); });
        Assert.Equal(" ", sent[1].Messages[1].ReasoningContent);
    }

    [Fact]
    public void Continuations_web_search_and_the_answer_sum_usage_once_and_count_every_follow_up()
    {
        var request = Request("long news");
        request.AutoContinue = 1;
        var replies = new Queue<ChatCompletion>(new[] { Calls(WebSearch), Answer("Half", 7, "length"), Answer("Half and the rest", 11) });
        var rounds = Rounds(request);
        var result = Drive(rounds, _ => replies.Dequeue());
        Assert.Equal(5 + 7 + 11, result.Usage!.TotalTokens);
        Assert.Equal(2, result.FollowUps);
        Assert.Equal(3, rounds.Requests);
    }

    [Fact]
    public void The_caller_request_is_cloned_once_and_the_rounds_change_that_copy()
    {
        var request = Request("news?");
        var rounds = Rounds(request);
        var wire = rounds.Request;
        Drive(rounds, r => r.Messages.Count == 1 ? Calls(WebSearch) : Answer("ok"));
        Assert.Same(wire, rounds.Request);
        Assert.Equal(3, wire.Messages.Count);
        Assert.Single(request.Messages);
    }

    [Fact]
    public void An_emulated_required_that_still_calls_no_tool_warns()
    {
        var request = Request("no tool");
        request.ToolChoice = "required";
        var warnings = new List<string>();
        var rounds = Rounds(request, warnings: warnings);
        Drive(rounds, _ => Answer("No."));
        Assert.Equal(2, rounds.Requests);
        var warning = Assert.Single(warnings);
        Assert.Contains("ToolChoice 'required'", warning);
        Assert.Contains(ModelPolicy.SelectToolPrompt, warning);
    }

    [Fact]
    public void An_emulated_required_met_by_a_web_search_neither_steers_nor_warns()
    {
        var request = Request("news");
        request.ToolChoice = "required";
        var warnings = new List<string>();
        var replies = new Queue<ChatCompletion>(new[] { Calls(WebSearch), Answer("The news.") });
        var rounds = Rounds(request, warnings: warnings);
        Drive(rounds, _ => replies.Dequeue());
        Assert.Equal(2, rounds.Requests);
        Assert.Empty(warnings);
    }

    [Fact]
    public void AutoContinue_that_runs_out_warns_and_a_plain_cut_does_not()
    {
        var request = Request("long");
        request.AutoContinue = 2;
        var warnings = new List<string>();
        var rounds = Rounds(request, warnings: warnings);
        var result = Drive(rounds, _ => Answer("cut", 1, "length"));
        Assert.Equal(3, rounds.Requests);
        Assert.Equal("length", result.FinishReason);
        var warning = Assert.Single(warnings);
        Assert.Contains("AutoContinue 2", warning);
        Assert.Contains("2 continuations", warning);

        var plain = new List<string>();
        Drive(Rounds(Request("long"), warnings: plain), _ => Answer("cut", 1, "length"));
        Assert.Empty(plain);
    }
}

public class ToolOutputTests
{
    [Fact]
    public void Results_are_trimmed_and_empty_output_is_said()
    {
        Assert.Equal("(no output)", ToolOutput.Format("  \r\n"));
        Assert.Equal("(no output)", ToolOutput.Format(null));
        Assert.Equal("42", ToolOutput.Format("\n42\n"));
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        // An emoji straddling the limit: half of it would go on the wire as U+FFFD.
        var result = ToolOutput.Format(new string('x', ToolOutput.MaxLength - 1) + "😀 and more");
        var kept = result.Substring(0, result.IndexOf('\n'));
        Assert.False(char.IsHighSurrogate(kept[kept.Length - 1]));
        Assert.Equal(new string('x', ToolOutput.MaxLength - 1), kept);
        Assert.EndsWith("11 more characters)", result);
    }

    [Fact]
    public void Long_results_are_cut_with_a_note()
    {
        var result = ToolOutput.Format(new string('x', ToolOutput.MaxLength + 5));
        Assert.StartsWith(new string('x', ToolOutput.MaxLength) + "\n…", result);
        Assert.EndsWith("5 more characters)", result);
    }
}
