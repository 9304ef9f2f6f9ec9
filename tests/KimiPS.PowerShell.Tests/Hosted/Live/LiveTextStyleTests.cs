using KimiPS.PowerShell.Tests.Hosted.ChatRun;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Live;

/// <summary>$PSStyle and NO_COLOR are process-wide: these tests change them, so they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideStyle
{
    public const string Name = "Process-wide $PSStyle and NO_COLOR";
}

/// <summary>How reasoning is shown: dimmed with VT where colour is allowed, else a plain [thinking] prefix.</summary>
[Collection(ProcessWideStyle.Name)]
public sealed class LiveTextStyleTests
{
    [Fact]
    public void Reasoning_is_dimmed_with_VT_and_hidden_with_HideReasoning()
    {
        using var hosted = LiveTextTests.StartTerminal(out _, vt: true);
        hosted.Emulator.Enqueue(LiveTextTests.Answer("Yes.", reasoning: "Hmm."));
        hosted.Emulator.Enqueue(LiveTextTests.Answer("No.", reasoning: "Hmm again."));

        var dim = LiveTextTests.Text(LiveTextTests.Live(hosted.Run("$PSStyle.OutputRendering = 'Host'; Invoke-KimiChat 'why' -Stream").ThrowOnError()));
        var hidden = hosted.Run("Invoke-KimiChat 'why' -Stream -HideReasoning").ThrowOnError();

        Assert.Equal("\u001b[2mHmm.\u001b[22m\nYes.\n", dim);
        Assert.Equal("No.\n", LiveTextTests.Text(LiveTextTests.Live(hidden)));
        Assert.Equal("Hmm again.", Assert.Single(hidden.Output).Prop("ReasoningContent"));
    }

    [Theory]
    [InlineData("$env:NO_COLOR = '1'", "$env:NO_COLOR = $null")]
    [InlineData("$PSStyle.OutputRendering = 'PlainText'", "$PSStyle.OutputRendering = 'Host'")]
    public void Without_colour_reasoning_gets_the_thinking_prefix_even_where_VT_works(string set, string reset)
    {
        using var hosted = LiveTextTests.StartTerminal(out _, vt: true);
        hosted.Emulator.Enqueue(LiveTextTests.Answer("Yes.", reasoning: "Hmm."));
        try
        {
            var run = hosted.Run($"{set}; Invoke-KimiChat 'why' -Stream").ThrowOnError();
            Assert.Equal("[thinking] Hmm.\nYes.\n", LiveTextTests.Text(LiveTextTests.Live(run)));
        }
        finally
        {
            hosted.Run(reset).ThrowOnError();
        }
    }
}
