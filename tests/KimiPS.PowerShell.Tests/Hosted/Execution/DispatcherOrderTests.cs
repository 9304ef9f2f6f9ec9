using System.Management.Automation;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Execution;

/// <summary>
/// One dispatcher carries output objects and diagnostics in the order they happened: seen through *>&amp;1, which
/// merges the streams in the order the pipeline thread wrote them.
/// </summary>
public sealed class DispatcherOrderTests
{
    private static bool IsPost(object o) => o is VerboseRecord v && v.Message.StartsWith("POST ", StringComparison.Ordinal);

    private static bool IsChunk(object o) => o.GetType().FullName == "KimiPS.Core.ChatChunk";

    private static bool IsAnswer(object o) => o.GetType().FullName == "KimiPS.Core.ChatCompletion";

    [Fact]
    public void The_verbose_line_of_a_stream_connect_comes_before_its_first_chunk()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("Invoke-KimiChat 'hello' -Stream -Verbose *>&1");

        var merged = run.Objects.ToList();
        var post = merged.FindIndex(IsPost);
        var firstChunk = merged.FindIndex(IsChunk);
        Assert.True(post >= 0, "no verbose POST line");
        Assert.True(firstChunk > post, $"first chunk at {firstChunk}, verbose POST at {post}");
    }

    [Fact]
    public void Each_queued_request_writes_its_verbose_line_before_the_answers_that_follow_it()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Limits.Latency = TimeSpan.FromMilliseconds(100);

        var run = hosted.Run("1..3 | ForEach-Object { \"q$_\" } | Invoke-KimiChat -ThrottleLimit 3 -Verbose *>&1");

        var merged = run.Objects.ToList();
        var answers = merged.Where(IsAnswer).Select(a => (string?)a.GetType().GetProperty("Content")!.GetValue(a)).ToList();
        Assert.Equal(new[] { "Echo: q1", "Echo: q2", "Echo: q3" }, answers);
        var lastAnswer = merged.FindLastIndex(o => IsAnswer(o));
        Assert.Equal(3, merged.Take(lastAnswer).Count(IsPost));
        Assert.True(merged.FindIndex(IsPost) < merged.FindIndex(o => IsAnswer(o)));
    }
}
