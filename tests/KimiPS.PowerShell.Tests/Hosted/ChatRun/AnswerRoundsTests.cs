using System.Text;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.ChatRun;

/// <summary>
/// Invoke-KimiChat over the client's rounds engine: the partial text of every stream failure is on the exception
/// (`$_.Exception.PartialContent`), an answer's extra rounds warn when they could not do their job, and a web
/// search streams as one answer.
/// </summary>
public sealed class AnswerRoundsTests
{
    private static string Reasoning(string text) =>
        "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"kimi-k2.6\",\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"" + text + "\"},\"finish_reason\":null}]}";

    private static string Chunk(string text) =>
        "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"kimi-k2.6\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}]}";

    private static readonly string[] Received = { Reasoning("Think. "), Chunk("Hello "), Chunk("world") };

    private static EmulatorResponse Failure(string kind)
    {
        switch (kind)
        {
            case "cut":
                return Faults.With(EmulatorResponse.Sse(Received.Append(Chunk(" and more")), done: false),
                    r => r.CutAfterBytes = Received.Sum(e => Encoding.UTF8.GetByteCount("data: " + e + "\n\n")) + 20);
            case "error event":
                return Faults.With(EmulatorResponse.Sse(Received.Append("""{"error":{"type":"content_filter","message":"high risk"}}"""), done: false), _ => { });
            default:
                return Faults.With(EmulatorResponse.Sse(Received.Append("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"), done: false), _ => { });
        }
    }

    /// <summary>What a script sees: the text shown, then what the caught exception kept.</summary>
    private const string CatchPartial = """
        $shown = [System.Text.StringBuilder]::new()
        try {
            Invoke-KimiChat 'partial' -Stream -ErrorAction Stop | ForEach-Object { [void]$shown.Append($_.Content) }
        } catch {
            [pscustomobject]@{
                Id        = $_.FullyQualifiedErrorId
                Shown     = $shown.ToString()
                Partial   = $_.Exception.PartialContent
                Reasoning = $_.Exception.PartialReasoning
                InData    = $_.Exception.Data.Contains('PartialContent')
            }
        }
        """;

    [Theory]
    [InlineData("cut", "KimiStreamInterrupted")]
    [InlineData("error event", "KimiContentFiltered")]
    [InlineData("protocol error", "KimiProtocolError")]
    public void Every_stream_failure_keeps_the_text_in_Exception_PartialContent(string kind, string errorId)
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(Failure(kind));

        var run = hosted.Run(CatchPartial);

        var caught = Assert.Single(run.Output);
        Assert.StartsWith(errorId + ",", caught.Prop("Id"));
        Assert.Equal("Hello world", caught.Prop("Shown"));
        Assert.Equal("Hello world", caught.Prop("Partial"));
        Assert.Equal("Think. ", caught.Prop("Reasoning"));
        Assert.Equal("False", caught.Prop("InData"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-Stream")]
    public void An_emulated_ToolChoice_required_that_still_calls_no_tool_warns(string stream)
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run($"Invoke-KimiChat 'no tool, thanks' -Tool (New-KimiTool -Name get_x -Description 'Gets x') -ToolChoice required {stream}");

        Assert.Empty(run.Errors);
        Assert.Equal(2, hosted.Emulator.Counters.ChatRequests);
        var warning = Assert.Single(run.Warnings);
        Assert.Contains("ToolChoice 'required'", warning);
        Assert.Contains("still called no tool", warning);
        Assert.Contains("Please select a tool", warning);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-Stream")]
    public void AutoContinue_that_runs_out_while_the_answer_is_still_cut_warns(string stream)
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run($"Invoke-KimiChat 'Count to a hundred, please' -MaxTokens 2 -AutoContinue 2 -Thinking disabled {stream} | Select-Object -Last 1");

        Assert.Empty(run.Errors);
        Assert.Equal(3, hosted.Emulator.Counters.ChatRequests);
        var last = Assert.Single(run.Output);
        Assert.Equal("length", last.Prop("FinishReason"));
        var warning = Assert.Single(run.Warnings);
        Assert.Contains("still cut at the token limit", warning);
        Assert.Contains("AutoContinue 2", warning);
    }

    [Fact]
    public void A_plain_cut_without_AutoContinue_warns_once_naming_MaxTokens_and_AutoContinue()
    {
        // Issue 10 (visible limits): a cut answer says so; the engine's AutoContinue warning is not added to it.
        using var hosted = HostedKimi.Start();
        var run = hosted.Run("Invoke-KimiChat 'Count to a hundred, please' -MaxTokens 2 -Thinking disabled");
        Assert.Equal("length", Assert.Single(run.Output).Prop("FinishReason"));
        var warning = Assert.Single(run.Warnings);
        Assert.Contains("-MaxTokens", warning);
        Assert.Contains("-AutoContinue", warning);
        Assert.DoesNotContain("still cut", warning);
    }

    [Fact]
    public void A_streamed_web_search_is_one_answer_with_one_final_chunk_and_usage_summed()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("Invoke-KimiChat 'call:$web_search' -WebSearch -Thinking disabled -Stream");

        Assert.Empty(run.Errors);
        Assert.Equal(2, hosted.Emulator.Counters.ChatRequests);
        var final = Assert.Single(run.Output, o => o.Value("Completion") is not null);
        Assert.Same(run.Output[^1], final);
        var completion = (dynamic)final.Value("Completion")!;
        Assert.Equal("Echo: call:$web_search", (string)completion.Content);
        Assert.Equal(1, (int)completion.FollowUps);
        Assert.Equal(9 + 9, (int)completion.Usage.PromptTokens); // the emulator's usage of each round, summed once
    }

    [Fact]
    public void A_streamed_answer_runs_the_tools_on_the_pipeline_thread_and_asks_first()
    {
        using var hosted = HostedKimi.Start();
        hosted.Run("function Get-Answer { param([int] $x) \"answer $x\" }").ThrowOnError();

        var run = hosted.Run("$t = New-KimiTool -Command Get-Answer; Invoke-KimiChat 'call:Get-Answer' -Tool $t -InvokeTools -Stream -WhatIf");

        // -WhatIf: the chat itself is not sent.
        Assert.Equal(0, hosted.Emulator.Counters.ChatRequests);
        run = hosted.Run("$t = New-KimiTool -Command Get-Answer; Invoke-KimiChat 'call:Get-Answer' -Tool $t -InvokeTools -Stream -Confirm:$false -Verbose");

        Assert.Empty(run.Errors);
        Assert.Equal(2, hosted.Emulator.Counters.ChatRequests);
        Assert.Contains(run.Verbose, v => v.StartsWith("Running tool Get-Answer", StringComparison.Ordinal));
        var toolMessage = hosted.Emulator.Requests.Last().Json!.RootElement.GetProperty("messages").EnumerateArray()
            .Single(m => m.GetProperty("role").GetString() == "tool");
        Assert.Equal("answer 1", toolMessage.GetProperty("content").GetString());
        Assert.Single(run.Output, o => o.Value("Completion") is not null);
    }
}
