using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Files;

/// <summary>Get-KimiFileContent -ThrottleLimit: the document pipeline's middle stage reads several files at once.</summary>
public sealed class GetKimiFileContentThrottleTests
{
    [Fact]
    public void ThrottleLimit_reads_files_at_once_and_writes_them_in_input_order_and_RemoveFile_cleans_up()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        for (var i = 1; i <= 8; i++) dir.File($"doc{i}.txt", $"Document {i}.");
        hosted.Run("$script:files = @(Get-ChildItem -LiteralPath $dir | Sort-Object { [int]($_.BaseName -replace '\\D') } | Send-KimiFile)",
            new Dictionary<string, object?> { ["dir"] = dir.Path }).ThrowOnError();
        hosted.Emulator.Limits.Latency = TimeSpan.FromMilliseconds(300);

        var run = hosted.Run("$script:files | Get-KimiFileContent -ThrottleLimit 4 -RemoveFile").ThrowOnError();

        var contents = Ps.All(run.Objects, "KimiFileContent");
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"Document {i}."), contents.Select(c => (string)c.Content));
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"doc{i}.txt"), contents.Select(c => (string)c.FileName));
        Assert.True(hosted.Emulator.Counters.MaxActiveRequests >= 2, $"reads overlapped (peak {hosted.Emulator.Counters.MaxActiveRequests})");
        Assert.Equal(0, hosted.Emulator.FileCount);
    }

    [Fact]
    public void With_ThrottleLimit_a_missing_id_fails_alone_and_carries_its_input()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        dir.File("a.txt", "A.");
        dir.File("b.txt", "B.");
        var run = hosted.Run("$f = @(Get-ChildItem -LiteralPath $dir | Sort-Object Name | Send-KimiFile); $f[0].Id, 'file_missing0000000000000', $f[1].Id | Get-KimiFileContent -ThrottleLimit 3",
            new Dictionary<string, object?> { ["dir"] = dir.Path });

        Assert.Equal(new[] { "A.", "B." }, Ps.All(run.Objects, "KimiFileContent").Select(c => (string)c.Content));
        var error = Assert.Single(run.Errors);
        Assert.StartsWith("KimiNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal("file_missing0000000000000", (string)((dynamic)error.TargetObject).Id);
    }
}
