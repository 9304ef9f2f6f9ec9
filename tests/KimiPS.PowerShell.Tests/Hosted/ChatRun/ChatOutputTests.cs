using System.Text.Json;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.ChatRun;

/// <summary>What Invoke-KimiChat writes to each stream as a user drives it: output objects and their order, warnings, verbose, debug, -WhatIf.</summary>
public sealed class ChatOutputTests
{
    private static JsonElement LastChatBody(HostedKimi hosted) =>
        hosted.Emulator.Requests.Last(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)).Json!.RootElement;

    [Fact]
    public void A_prompt_gives_one_ChatCompletion_and_nothing_else()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("Invoke-KimiChat 'Hello Kimi'").ThrowOnError();

        var answer = Assert.Single(run.Output);
        Assert.Equal("KimiPS.Core.ChatCompletion", answer.TypeName());
        Assert.Equal("Echo: Hello Kimi", answer.Prop("Content"));
        Assert.Equal("stop", answer.Prop("FinishReason"));
        Assert.NotNull(answer.Value("Usage"));
        Assert.Empty(run.Warnings);
        Assert.Equal(1, hosted.Emulator.Counters.ChatRequests);
    }

    [Fact]
    public void Piped_strings_give_one_answer_each_in_input_order()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("'one', 'two', 'three', 'four' | Invoke-KimiChat").ThrowOnError();

        Assert.Equal(new[] { "Echo: one", "Echo: two", "Echo: three", "Echo: four" }, run.Output.Select(o => o.Prop("Content")));
        Assert.All(run.Output, o => Assert.Equal("KimiPS.Core.ChatCompletion", o.TypeName()));
    }

    [Fact]
    public void Piped_text_with_a_Prompt_is_the_material_sent_before_the_prompt()
    {
        using var hosted = HostedKimi.Start();

        hosted.Run("'line 1', 'line 2' | Invoke-KimiChat 'Summarize'").ThrowOnError();

        // The lines are collected into one request (issue 16), not one request per line.
        var user = LastChatBody(hosted).GetProperty("messages").EnumerateArray().Last();
        Assert.Equal("user", user.GetProperty("role").GetString());
        Assert.Equal("line 1\nline 2\n\nSummarize", user.GetProperty("content").GetString());
        Assert.Equal(1, hosted.Emulator.Counters.ChatRequests);
    }

    [Fact]
    public void Stream_writes_only_ChatChunks_whose_text_adds_up_and_the_last_carries_the_whole_answer()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("Invoke-KimiChat 'Stream this please' -Stream").ThrowOnError();

        Assert.True(run.Output.Count > 2, $"only {run.Output.Count} chunks");
        Assert.All(run.Output, o => Assert.Equal("KimiPS.Core.ChatChunk", o.TypeName()));
        Assert.Equal("Echo: Stream this please", string.Concat(run.Output.Select(o => o.Prop("Content"))));
        var completion = Assert.IsAssignableFrom<System.Management.Automation.PSObject>(
            System.Management.Automation.PSObject.AsPSObject(run.Output[^1].Value("Completion")));
        Assert.Equal("Echo: Stream this please", completion.Prop("Content"));
        Assert.All(run.Output.Take(run.Output.Count - 1), o => Assert.Null(o.Value("Completion")));
        Assert.True(LastChatBody(hosted).GetProperty("stream").GetBoolean());
    }

    [Fact]
    public void Stream_chunks_reach_the_pipeline_while_the_answer_is_still_being_generated()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(Faults.SlowAnswer(TimeSpan.FromMilliseconds(100), chars: 80));
        using var run = new LiveRun(hosted, "Invoke-KimiChat 'live' -Stream");

        Assert.True(LiveRun.WaitFor(() => run.Output.Count >= 3, TimeSpan.FromSeconds(20)), "no chunk arrived");
        Assert.False(run.IsCompleted, "the chunks were held back until the end");
        Assert.Null(run.End());
        Assert.Equal(new string('Z', 80), string.Concat(run.Output.Select(o => o.Prop("Content"))));
    }

    [Fact]
    public void Select_First_on_a_stream_stops_it_at_once_and_closes_the_connection()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(Faults.SlowAnswer(TimeSpan.FromMilliseconds(50)));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var run = hosted.Run("Invoke-KimiChat 'long' -Stream | Select-Object -First 3").ThrowOnError();

        Assert.Equal(3, run.Output.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}: the whole answer was read");
        Assert.True(LiveRun.WaitFor(() => hosted.Emulator.Counters.ActiveRequests == 0, TimeSpan.FromSeconds(1.5)), "the connection stayed open");
    }

    [Fact]
    public void A_fixed_temperature_on_kimi_k2_6_is_dropped_with_a_warning_naming_the_fixed_value()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("Invoke-KimiChat 'hi' -Model kimi-k2.6 -Temperature 0.3").ThrowOnError();

        Assert.Equal("kimi-k2.6 uses a fixed temperature of 1 (thinking on); the requested 0.3 was not sent.", Assert.Single(run.Warnings));
        Assert.False(LastChatBody(hosted).TryGetProperty("temperature", out _));
        Assert.Single(run.Output);
    }

    [Fact]
    public void The_fixed_value_itself_is_omitted_without_a_warning()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("Invoke-KimiChat 'hi' -Model kimi-k2.6 -Temperature 1").ThrowOnError();

        Assert.Empty(run.Warnings);
        Assert.False(LastChatBody(hosted).TryGetProperty("temperature", out _));
    }

    [Fact]
    public void A_retired_model_is_named_in_a_warning_with_the_current_models_before_it_is_sent()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("Invoke-KimiChat 'hi' -Model moonshot-v1-8k -ErrorAction SilentlyContinue");

        var warning = Assert.Single(run.Warnings);
        Assert.StartsWith("Model 'moonshot-v1-8k' was retired by Moonshot", warning, StringComparison.Ordinal);
        Assert.Contains("kimi-k2.6", warning);
        Assert.Contains("Get-KimiModel", warning);
        Assert.Equal(1, hosted.Emulator.Counters.ChatRequests); // only a warning: the server decides
    }

    [Fact]
    public void Verbose_shows_the_method_and_URL_and_never_the_key_or_a_header()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("Invoke-KimiChat 'hi' -Verbose").ThrowOnError();

        Assert.Contains($"POST {hosted.Emulator.BaseUri}chat/completions", run.Verbose);
        Assert.All(run.Verbose, v =>
        {
            Assert.DoesNotContain(KimiEmulator.ApiKey, v);
            Assert.DoesNotContain("Bearer", v, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Authorization", v, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Empty(run.Debug);
    }

    [Fact]
    public void Debug_shows_status_timing_and_attempt_and_never_the_key()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("$DebugPreference = 'Continue'; Invoke-KimiChat 'hi'").ThrowOnError();

        var line = Assert.Single(run.Debug, d => d.StartsWith("HTTP 200 from POST /v1/chat/completions in ", StringComparison.Ordinal));
        Assert.EndsWith(" ms (attempt 1).", line, StringComparison.Ordinal);
        Assert.All(run.Debug, d => Assert.DoesNotContain(KimiEmulator.ApiKey, d));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-Stream")]
    [InlineData("-ThrottleLimit 4")]
    public void WhatIf_sends_nothing_and_writes_nothing_to_the_output(string options)
    {
        using var hosted = HostedKimi.Start();
        var before = hosted.Emulator.Counters.Requests; // Connect-Kimi's validation

        var run = hosted.Run($"'a', 'b', 'c' | Invoke-KimiChat {options} -WhatIf").ThrowOnError();

        Assert.Empty(run.Output);
        Assert.Equal(before, hosted.Emulator.Counters.Requests);
        Assert.Equal(0, hosted.Emulator.Counters.ChatRequests);
    }

    [Fact]
    public void ThrottleLimit_with_Stream_is_refused_by_name_before_anything_is_sent()
    {
        using var hosted = HostedKimi.Start();
        var before = hosted.Emulator.Counters.Requests;

        // A terminating error is caught by try/catch; a per-item one would let 'after' through.
        var run = hosted.Run("try { 'a', 'b' | Invoke-KimiChat -Stream -ThrottleLimit 2; 'after' } catch { $_ }");

        var error = Assert.IsType<System.Management.Automation.ErrorRecord>(Assert.Single(run.Output).BaseObject);
        Assert.Equal("KimiInvalidParameter,KimiPS.Commands.InvokeKimiChatCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("ThrottleLimit", error.Exception.Message);
        Assert.False(string.IsNullOrEmpty(error.ErrorDetails?.RecommendedAction));
        Assert.Equal(before, hosted.Emulator.Counters.Requests);
    }
}
