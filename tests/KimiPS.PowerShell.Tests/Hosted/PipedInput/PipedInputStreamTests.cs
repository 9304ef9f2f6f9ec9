using KimiPS.PowerShell.Tests.Hosted.ChatRun;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.PipedInput;

/// <summary>
/// Collected piped input (issue 16) as the streams see it: where its answer comes among the documents' answers,
/// with -ThrottleLimit and -Stream, its one warning about cut objects, and one conversation turn.
/// </summary>
public sealed class PipedInputStreamTests
{
    private const string Documents =
        "$d1 = [KimiPS.Core.KimiFileContent]::new('file_1', 'a.txt', 'Alpha document'); " +
        "$d2 = [KimiPS.Core.KimiFileContent]::new('file_2', 'b.txt', 'Beta document'); ";

    [Theory]
    [InlineData("")]
    [InlineData(" -ThrottleLimit 4")]
    public void Documents_answer_as_they_come_and_the_collected_text_last(string throttle)
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run(Documents + "$d1, 'a note', $d2, 'more' | Invoke-KimiChat 'Summarize'" + throttle).ThrowOnError();

        Assert.Equal(new[] { "Echo: Summarize", "Echo: Summarize", "Echo: a note\nmore\n\nSummarize" }, run.Output.Select(o => o.Prop("Content")));
        Assert.All(run.Output, o => Assert.Equal("KimiPS.Core.ChatCompletion", o.TypeName()));
        Assert.Equal(3, hosted.Emulator.Counters.ChatRequests);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void Collected_lines_stream_as_one_answer()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("1..300 | ForEach-Object { \"line $_\" } | Invoke-KimiChat 'Count' -Stream").ThrowOnError();

        Assert.All(run.Output, o => Assert.Equal("KimiPS.Core.ChatChunk", o.TypeName()));
        var text = string.Concat(run.Output.Select(o => o.Prop("Content")));
        Assert.StartsWith("Echo: line 1\nline 2\n", text);
        Assert.EndsWith("line 300\n\nCount", text);
        Assert.Equal(1, hosted.Emulator.Counters.ChatRequests);
    }

    [Fact]
    public void Cut_objects_give_one_warning_before_the_answer()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run(
            "1..3 | ForEach-Object { [pscustomobject]@{ N = $_; Huge = ('y' * 40000) } } | Invoke-KimiChat 'Explain'; 'after'").ThrowOnError();

        var warning = Assert.Single(run.Warnings);
        Assert.StartsWith("3 of the 3 piped objects were cut to fit", warning);
        Assert.Contains("Huge", warning);
        Assert.Equal(2, run.Output.Count);
        Assert.Equal("Echo: [{\"N\":1},{\"N\":2},{\"N\":3}]\n\nExplain", run.Output[0].Prop("Content"));
        Assert.Equal(1, hosted.Emulator.Counters.ChatRequests);
    }

    [Fact]
    public void Collected_input_is_one_turn_of_a_conversation()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("$c = New-KimiConversation; 'x', 'y' | Invoke-KimiChat 'Sum up' -Conversation $c | Out-Null; $c.TurnCount; $c.Messages[0].Content").ThrowOnError();

        Assert.Equal(1, (int)run.Output[0].BaseObject);
        Assert.Equal("x\ny\n\nSum up", run.Output[1].BaseObject);
    }
}
