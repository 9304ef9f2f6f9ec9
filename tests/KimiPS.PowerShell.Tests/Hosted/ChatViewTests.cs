using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted;

/// <summary>What a user sees of Invoke-KimiChat's output (Out-String of the views), and -Json.</summary>
public sealed class ChatViewTests : IDisposable
{
    private readonly HostedKimi _kimi = HostedKimi.Start();

    private string Text(string script) => (string)Assert.Single(_kimi.Run(script).ThrowOnError().Output).BaseObject;

    private static List<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    [Fact]
    public void A_completion_shows_its_answer_first_then_model_finish_reason_and_usage()
    {
        var lines = Lines(Text("Invoke-KimiChat 'Hello view' | Out-String")).Where(l => l.Trim().Length > 0).ToList();

        Assert.Equal(4, lines.Count);
        Assert.Matches(@"^Content\s+: Echo: Hello view$", lines[0]);
        Assert.Matches(@"^Model\s+: kimi-k2\.6$", lines[1]);
        Assert.Matches(@"^FinishReason\s+: stop$", lines[2]);
        Assert.StartsWith("Usage", lines[3]);
        Assert.Contains("9", lines[3]);
    }

    [Fact]
    public void A_completion_with_tool_calls_lists_them()
    {
        var text = Text("""$t = New-KimiTool -Name lookup; Invoke-KimiChat 'call:lookup {"q":"x"}' -Tool $t | Out-String""");

        Assert.Matches(@"(?m)^ToolCalls\s+: lookup\(\{""q"":""x""\}\)\r?$", text);
        Assert.Matches(@"(?m)^FinishReason\s+: tool_calls\r?$", text);
    }

    [Fact]
    public void A_stream_shows_one_line_per_chunk_and_no_blank_line_first()
    {
        _kimi.Emulator.Handler = _ => EmulatorResponse.Chat(new ChatScript { Content = "Echo: Stream view", Reasoning = "Hmm", ChunkChars = 5 });

        var lines = Lines(Text("Invoke-KimiChat 'x' -Stream | Out-String"));

        // The reasoning, the answer in 5-character pieces, then the closing chunk's empty line.
        Assert.Equal(new[] { "Hmm", "Echo:", " Stre", "am vi", "ew" }, lines.Take(5));
        Assert.All(lines.Skip(5), l => Assert.Equal("", l));
    }

    [Fact]
    public void Chunk_properties_show_with_Format_List_Force_as_for_other_out_of_band_types()
    {
        var text = Text("$c = Invoke-KimiChat 'props' -Stream; $c[-1] | Format-List ChoiceIndex, FinishReason, Completion -Force | Out-String");

        Assert.Matches(@"(?m)^ChoiceIndex\s+: 0\r?$", text);
        Assert.Matches(@"(?m)^FinishReason\s+: stop\r?$", text);
        Assert.Matches(@"(?m)^Completion\s+: Echo: props\r?$", text);
    }

    [Fact]
    public void The_last_chunk_carries_the_whole_completion_and_chunks_add_up_to_it()
    {
        var run = _kimi.Run("$c = Invoke-KimiChat 'adds up' -Stream; ($c | ForEach-Object { $_.ToString() }) -join ''; $c[-1].Completion.Content; $c[-1].Completion.GetType().FullName");

        run.ThrowOnError();
        Assert.Equal(new[] { "Echo: adds up", "Echo: adds up", "KimiPS.Core.ChatCompletion" }, run.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Json_asks_for_a_json_object_and_the_answer_is_returned()
    {
        var run = _kimi.Run("Invoke-KimiChat 'Three cats as JSON' -Json");

        run.ThrowOnError();
        Assert.Equal("KimiPS.Core.ChatCompletion", Assert.Single(run.Objects).GetType().FullName);
        var body = _kimi.Emulator.Requests.Single(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)).Json!.RootElement;
        Assert.Equal("json_object", body.GetProperty("response_format").GetProperty("type").GetString());
    }

    [Fact]
    public void Json_and_JsonSchema_together_are_refused_before_sending()
    {
        var run = _kimi.Run("Invoke-KimiChat 'x' -Json -JsonSchema '{\"type\":\"object\"}'");

        Assert.NotNull(run.FirstError);
        Assert.StartsWith("KimiInvalidParameter,", run.FirstError!.FullyQualifiedErrorId);
        Assert.Equal(0, _kimi.Emulator.Counters.ChatRequests);
    }

    public void Dispose() => _kimi.Dispose();
}
