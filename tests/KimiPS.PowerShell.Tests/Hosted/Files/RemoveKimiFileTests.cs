using System.Management.Automation;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Files;

/// <summary>Remove-KimiFile: ids by value and property name, what -WhatIf and -Confirm show, -Force, per-id errors.</summary>
public sealed class RemoveKimiFileTests
{
    private const string Cmd = "RemoveKimiFileCommand";

    private static List<dynamic> Upload(HostedRun run) => run.ThrowOnError().Objects.Select(o => Ps.Is(o, "KimiFile")).ToList();

    [Fact]
    public void Piped_id_strings_and_KimiFile_objects_are_deleted_and_nothing_is_written()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        dir.File("a.txt"); dir.File("b.txt"); dir.File("c.txt");
        var files = Upload(hosted.Run("Get-ChildItem -LiteralPath $dir | Send-KimiFile", new Dictionary<string, object?> { ["dir"] = dir.Path }));

        var byValue = hosted.Run("$id | Remove-KimiFile -Confirm:$false", new Dictionary<string, object?> { ["id"] = files[0].Id }).ThrowOnError();
        var byProperty = hosted.Run("Get-KimiFile | Remove-KimiFile -Confirm:$false").ThrowOnError();

        Assert.Empty(byValue.Output);
        Assert.Empty(byProperty.Output);
        Assert.Equal(0, hosted.Emulator.FileCount);
        Assert.Equal(3, hosted.Emulator.Requests.Count(r => r.Method == "DELETE"));
    }

    [Fact]
    public void WhatIf_names_the_file_and_its_id_and_sends_nothing()
    {
        using var session = PromptingKimi.Start();
        using var dir = new ScratchFolder();
        dir.File("contract.pdf");
        var file = Upload(session.Run("Send-KimiFile -LiteralPath (Join-Path $dir contract.pdf)", new Dictionary<string, object?> { ["dir"] = dir.Path })).Single();
        var before = session.Emulator.Counters.Requests;

        session.Run("$f | Remove-KimiFile -WhatIf", new Dictionary<string, object?> { ["f"] = file }).ThrowOnError();

        var line = Assert.Single(session.Host.Lines, l => l.StartsWith("What if:", StringComparison.Ordinal));
        Assert.Contains($"contract.pdf ({file.Id})", line);
        Assert.Equal(before, session.Emulator.Counters.Requests);
        Assert.Equal(1, session.Emulator.FileCount);
    }

    [Fact]
    public void Confirm_prompt_names_the_file_and_No_keeps_it()
    {
        using var session = PromptingKimi.Start();
        using var dir = new ScratchFolder();
        dir.File("a.pdf");
        var file = Upload(session.Run("Send-KimiFile -LiteralPath (Join-Path $dir a.pdf)", new Dictionary<string, object?> { ["dir"] = dir.Path })).Single();
        session.Host.Answer = "&No";

        session.Run("Get-KimiFile | Remove-KimiFile -Confirm").ThrowOnError();

        Assert.Contains($"a.pdf ({file.Id})", Assert.Single(session.Host.Prompts));
        Assert.Equal(1, session.Emulator.FileCount);
    }

    [Fact]
    public void Force_does_not_override_an_explicit_Confirm_but_skips_the_preference_prompt()
    {
        using var session = PromptingKimi.Start();
        using var dir = new ScratchFolder();
        dir.File("a.pdf"); dir.File("b.pdf");
        Upload(session.Run("Get-ChildItem -LiteralPath $dir | Send-KimiFile", new Dictionary<string, object?> { ["dir"] = dir.Path }));
        session.Host.Answer = "&No";

        session.Run("Get-KimiFile -Name a.pdf | Remove-KimiFile -Force -Confirm").ThrowOnError();
        Assert.Single(session.Host.Prompts);
        Assert.Equal(2, session.Emulator.FileCount);

        session.Run("$ConfirmPreference = 'Low'; Get-KimiFile -Name b.pdf | Remove-KimiFile -Force; $ConfirmPreference = 'High'").ThrowOnError();
        Assert.Single(session.Host.Prompts);
        Assert.Equal(["a.pdf"], session.Emulator.FileNames);
    }

    [Fact]
    public void A_missing_id_is_KimiNotFound_for_that_id_only_and_reruns_from_TargetObject()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        dir.File("a.txt");
        var file = Upload(hosted.Run("Send-KimiFile -LiteralPath (Join-Path $dir a.txt)", new Dictionary<string, object?> { ["dir"] = dir.Path })).Single();
        hosted.Emulator.Enqueue(Emulator.EmulatorResponse.KimiError(404, "resource_not_found_error", "file not found"));

        var run = hosted.Run("$id, 'file_gone' | Remove-KimiFile -Confirm:$false -ErrorAction Continue -ErrorVariable global:failed",
            new Dictionary<string, object?> { ["id"] = file.Id });
        Assert.Equal(2, run.Errors.Count);
        var e = ErrorAssert.Is(run.Errors[0], "KimiNotFound", ErrorCategory.ObjectNotFound, Cmd);
        Assert.Equal(file.Id, e.TargetObject?.ToString());
        Assert.Equal(1, hosted.Emulator.FileCount);

        hosted.Run("$global:failed[0].TargetObject | Remove-KimiFile -Confirm:$false").ThrowOnError();
        Assert.Equal(0, hosted.Emulator.FileCount);
    }
}
