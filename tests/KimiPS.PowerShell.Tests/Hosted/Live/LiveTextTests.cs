using System.Management.Automation;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Hosted.ChatRun;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Live;

/// <summary>
/// Invoke-KimiChat -Stream as live text (issue 10): information records written as Write-Host writes them, the three
/// modes (last command in an interactive host, piped onward, no window), -LiveText, the footer view, -ContentOnly.
/// </summary>
public sealed class LiveTextTests
{
    internal static HostedKimi StartTerminal(out TerminalHost host, bool vt = false)
    {
        host = new TerminalHost { SupportsVirtualTerminal = vt };
        return HostedKimi.Start(host: host);
    }

    internal static List<(string Message, bool NoNewLine)> Live(HostedRun run)
    {
        Assert.All(run.Information, r => Assert.Contains("PSHOST", r.Tags));
        return run.Information.Select(r =>
        {
            var message = Assert.IsType<HostInformationMessage>(r.MessageData);
            return (message.Message, message.NoNewLine ?? false);
        }).ToList();
    }

    internal static string Text(IEnumerable<(string Message, bool NoNewLine)> records) =>
        string.Concat(records.Select(r => r.Message + (r.NoNewLine ? "" : "\n")));

    internal static EmulatorResponse Answer(string content, string? reasoning = null, TimeSpan pause = default, string finish = "stop") =>
        Faults.With(EmulatorResponse.Chat(new ChatScript { Content = content, Reasoning = reasoning, FinishReason = finish }), r => r.DelayBetweenWrites = pause);

    [Fact]
    public void Last_command_in_an_interactive_host_renders_PSHOST_records_and_writes_only_the_ChatCompletion()
    {
        using var hosted = StartTerminal(out _);

        var run = hosted.Run("Invoke-KimiChat 'Stream this please' -Stream -Thinking disabled").ThrowOnError();

        var answer = Assert.Single(run.Output);
        Assert.Equal("KimiPS.Core.ChatCompletion", answer.TypeName());
        Assert.Equal("Echo: Stream this please", answer.Prop("Content"));
        Assert.Equal("True", answer.Prop("ShownLive"));
        var live = Live(run);
        Assert.True(live.Count > 3, $"only {live.Count} records: the answer did not flow piece by piece");
        Assert.All(live.Take(live.Count - 1), r => Assert.True(r.NoNewLine, $"'{r.Message}' is not NoNewLine"));
        Assert.Equal(("", false), live[^1]); // one line end after the answer, as Write-Host '' writes
        Assert.Equal("Echo: Stream this please\n", Text(live));
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void Assigned_to_a_variable_the_text_is_shown_live_and_the_variable_holds_the_ChatCompletion()
    {
        using var hosted = StartTerminal(out _);

        var run = hosted.Run("$x = Invoke-KimiChat 'keep me' -Stream -Thinking disabled; $x.GetType().FullName; $x.Content").ThrowOnError();

        Assert.Equal(new[] { "KimiPS.Core.ChatCompletion", "Echo: keep me" }, run.Output.Select(o => o.ToString()));
        Assert.Equal("Echo: keep me\n", Text(Live(run)));
    }

    [Fact]
    public void Piped_onward_ChatChunks_flow_as_objects_and_nothing_is_rendered()
    {
        using var hosted = StartTerminal(out _);

        var run = hosted.Run("Invoke-KimiChat 'to the pipe' -Stream | ForEach-Object { $_ }").ThrowOnError();

        Assert.True(run.Output.Count > 2);
        Assert.All(run.Output, o => Assert.Equal("KimiPS.Core.ChatChunk", o.TypeName()));
        Assert.Equal("Echo: to the pipe", string.Concat(run.Output.Select(o => o.Prop("Content"))));
        Assert.Empty(run.Information);
    }

    [Fact]
    public void A_host_without_a_window_gets_ChatChunks_only()
    {
        using var hosted = HostedKimi.Start(); // PowerShell's default host: no UI, as a job or a scheduled runspace

        var run = hosted.Run("Invoke-KimiChat 'no window' -Stream").ThrowOnError();

        Assert.All(run.Output, o => Assert.Equal("KimiPS.Core.ChatChunk", o.TypeName()));
        Assert.Equal("Echo: no window", string.Concat(run.Output.Select(o => o.Prop("Content"))));
        Assert.Empty(run.Information);
    }

    [Fact]
    public void LiveText_Always_renders_without_a_window_and_Never_writes_chunks_in_a_terminal()
    {
        using (var hosted = HostedKimi.Start())
        {
            var run = hosted.Run("Invoke-KimiChat 'forced' -Stream -Thinking disabled -LiveText Always").ThrowOnError();
            Assert.Equal("KimiPS.Core.ChatCompletion", Assert.Single(run.Output).TypeName());
            Assert.Equal("Echo: forced\n", Text(Live(run)));
        }
        using (var hosted = StartTerminal(out _))
        {
            var run = hosted.Run("Invoke-KimiChat 'objects' -Stream -LiveText Never").ThrowOnError();
            Assert.All(run.Output, o => Assert.Equal("KimiPS.Core.ChatChunk", o.TypeName()));
            Assert.Empty(run.Information);
        }
    }

    [Fact]
    public void Without_Stream_nothing_is_rendered_even_in_a_terminal()
    {
        using var hosted = StartTerminal(out _);

        var run = hosted.Run("Invoke-KimiChat 'whole'").ThrowOnError();

        Assert.Equal("Echo: whole", Assert.Single(run.Output).Prop("Content"));
        Assert.Equal("False", run.Output[0].Prop("ShownLive"));
        Assert.Empty(run.Information);
    }

    [Fact]
    public void Live_records_come_before_the_answer_object_and_InformationAction_Ignore_silences_them()
    {
        using var hosted = StartTerminal(out _);

        var run = hosted.Run(
            "Invoke-KimiChat 'order' -Stream -Thinking disabled -LiveText Always | ForEach-Object { Write-Information \"OUT $($_.GetType().Name)\" -Tags Marker }").ThrowOnError();
        var tags = run.Information.Select(r => r.Tags.Contains("Marker") ? "OUT" : "LIVE").ToList();
        Assert.Equal("OUT", tags[^1]);
        Assert.Single(tags, t => t == "OUT");
        Assert.Equal("OUT ChatCompletion", run.Information[^1].MessageData.ToString());
        Assert.Equal("Echo: order\n", Text(run.Information.Take(run.Information.Count - 1)
            .Select(r => (((HostInformationMessage)r.MessageData).Message, ((HostInformationMessage)r.MessageData).NoNewLine ?? false))));

        var silent = hosted.Run("Invoke-KimiChat 'quiet' -Stream -InformationAction Ignore").ThrowOnError();
        Assert.Empty(silent.Information);
        Assert.Equal("Echo: quiet", Assert.Single(silent.Output).Prop("Content"));
    }

    [Fact]
    public void InformationVariable_and_6_redirection_capture_the_live_text()
    {
        using var hosted = StartTerminal(out _);

        var run = hosted.Run(
            "$null = Invoke-KimiChat 'captured' -Stream -Thinking disabled -InformationVariable iv; -join ($iv | ForEach-Object { $_.MessageData.Message }); " +
            "$r = Invoke-KimiChat 'redirected' -Stream -Thinking disabled 6>&1; ($r | Where-Object { $_ -is [System.Management.Automation.InformationRecord] } | ForEach-Object { $_.MessageData.Message }) -join ''").ThrowOnError();

        Assert.Equal(new[] { "Echo: captured", "Echo: redirected" }, run.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Reasoning_is_prefixed_with_thinking_without_VT_and_the_answer_starts_on_its_own_line()
    {
        using var hosted = StartTerminal(out _, vt: false);
        hosted.Emulator.Enqueue(Answer("The answer.", reasoning: "Let me think."));

        var run = hosted.Run("Invoke-KimiChat 'why' -Stream").ThrowOnError();

        Assert.Equal("[thinking] Let me think.\nThe answer.\n", Text(Live(run)));
        Assert.Equal("Let me think.", Assert.Single(run.Output).Prop("ReasoningContent"));
    }

    [Fact]
    public void Tool_calls_and_web_searches_are_announced_on_their_own_line()
    {
        using var hosted = StartTerminal(out _);
        var script = new ChatScript { Content = "Let me check", FinishReason = "tool_calls" };
        script.ToolCalls.Add(new ScriptedToolCall("functions.Get-Date:0", "Get-Date", "{}"));
        script.ToolCalls.Add(new ScriptedToolCall("web:1", "$web_search", "{\"query\":\"x\"}", "builtin_function"));
        hosted.Emulator.Enqueue(Faults.With(EmulatorResponse.Chat(script), _ => { }));

        var run = hosted.Run("Invoke-KimiChat 'tools' -Stream -Tool (New-KimiTool -Command Get-Date -IncludeParameter Format)").ThrowOnError();

        var live = Live(run);
        Assert.Equal("Let me check\n[tool Get-Date]\n[web search]\n", Text(live));
        Assert.Contains(("[tool Get-Date]", false), live);
        Assert.Contains(("[web search]", false), live);
    }

    [Fact]
    public void After_live_text_the_default_view_is_a_footer_and_Format_List_star_still_gives_everything()
    {
        using var hosted = StartTerminal(out _);

        var run = hosted.Run("$x = Invoke-KimiChat 'footer please' -Stream -Thinking disabled; ($x | Out-String); ($x | Format-List * | Out-String); (Invoke-KimiChat 'plain' | Out-String)").ThrowOnError();

        var footer = run.Output[0].ToString();
        Assert.DoesNotContain("Echo: footer please", footer);
        Assert.Contains("Model", footer);
        Assert.Contains("FinishReason : stop", footer);
        Assert.Contains("completion 12", footer);
        Assert.Contains("Content          : Echo: footer please", run.Output[1].ToString());
        Assert.Contains("Echo: plain", run.Output[2].ToString()); // an answer not shown live still shows its text
    }

    [Fact]
    public void ContentOnly_writes_the_answer_as_a_string_and_with_Stream_string_pieces()
    {
        using var hosted = StartTerminal(out _);

        var whole = hosted.Run("Invoke-KimiChat 'just text' -ContentOnly").ThrowOnError();
        var pieces = hosted.Run("Invoke-KimiChat 'just pieces' -ContentOnly -Stream").ThrowOnError();

        Assert.Equal("Echo: just text", Assert.IsType<string>(Assert.Single(whole.Output).BaseObject));
        Assert.True(pieces.Output.Count > 2);
        Assert.All(pieces.Output, o => Assert.IsType<string>(o.BaseObject));
        Assert.Equal("Echo: just pieces", string.Concat(pieces.Output.Select(o => o.BaseObject)));
        Assert.Empty(whole.Information);
        Assert.Empty(pieces.Information);
    }

    [Fact]
    public void ContentOnly_with_LiveText_Always_is_refused_before_anything_is_sent()
    {
        using var hosted = StartTerminal(out _);

        var run = hosted.Run("Invoke-KimiChat 'x' -Stream -ContentOnly -LiveText Always");

        var error = run.FirstError;
        Assert.NotNull(error);
        Assert.StartsWith("KimiInvalidParameter", error!.FullyQualifiedErrorId);
        Assert.Contains("ContentOnly", error.Exception.Message);
        Assert.Contains("-LiveText Always", error.ErrorDetails?.RecommendedAction ?? error.Exception.Message);
        Assert.Equal(0, hosted.Emulator.Counters.ChatRequests);
    }

    [Fact]
    public void Ctrl_C_keeps_what_was_shown_and_stops_at_once()
    {
        using var hosted = StartTerminal(out _);
        hosted.Emulator.Enqueue(Answer(new string('Z', 400), pause: TimeSpan.FromMilliseconds(100)));
        using var shell = hosted.Create("Invoke-KimiChat 'long' -Stream");
        var output = new PSDataCollection<PSObject>();
        var async = shell.BeginInvoke<PSObject, PSObject>(null, output);

        Assert.True(LiveRun.WaitFor(() => shell.Streams.Information.Count >= 3, TimeSpan.FromSeconds(30)), "no live text arrived");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        shell.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Stop took {clock.Elapsed}");
        Assert.True(async.IsCompleted);

        var shown = string.Concat(shell.Streams.Information.Select(r => ((HostInformationMessage)r.MessageData).Message));
        Assert.StartsWith("ZZZ", shown);
        Assert.True(shown.Length < 400, "the whole answer arrived before the stop");
        Assert.Empty(output);
    }
}
