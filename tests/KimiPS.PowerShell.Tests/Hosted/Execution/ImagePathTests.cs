using System.Management.Automation;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Execution;

/// <summary>-Image and -LiteralImage go through the one path resolver of -Path/-LiteralPath.</summary>
public sealed class ImagePathTests
{
    // The smallest valid PNG: a 1x1 transparent pixel.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    [Fact]
    public void LiteralImage_sends_a_file_whose_name_holds_wildcard_characters()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Bytes("shot[1].png", Png);
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("Invoke-KimiChat 'what is this?' -LiteralImage $path -Model kimi-k2.6",
            new Dictionary<string, object?> { ["path"] = path }).ThrowOnError();

        Assert.Single(run.Output);
        Assert.Contains(hosted.Emulator.Requests, r => r.BodyText.Contains("data:image/png;base64,"));
    }

    [Theory]
    [InlineData("Image", "Env:PATH", "KimiPathNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData("Image", "no-such-file-*.png", "KimiPathNotFound", ErrorCategory.ObjectNotFound)]
    // The literal form resolves without looking (as -LiteralPath does); the file check then names the parameter.
    [InlineData("LiteralImage", "no-such-file.png", "KimiInvalidParameter", ErrorCategory.InvalidArgument)]
    public void An_image_path_that_finds_no_file_is_an_error_naming_the_parameter_and_sends_nothing(string parameter, string path, string id, ErrorCategory category)
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run($"Invoke-KimiChat 'what is this?' -{parameter} $path", new Dictionary<string, object?> { ["path"] = path });

        var error = ErrorAssert.Is(Assert.Single(run.Errors), id, category, "InvokeKimiChatCommand");
        Assert.Contains($"'{parameter}'", error.Exception.Message);
        Assert.Empty(run.Output);
        Assert.Equal(0, hosted.Emulator.Counters.ChatRequests);
    }
}
