using System.Management.Automation;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Files;

/// <summary>Get-KimiFile: list, -Name (literal and wildcard), ids by value and by property name, per-id errors.</summary>
public sealed class GetKimiFileTests
{
    private const string Cmd = "GetKimiFileCommand";

    private static (HostedKimi Hosted, ScratchFolder Dir, List<dynamic> Files) Uploaded(params string[] names)
    {
        var hosted = HostedKimi.Start();
        var dir = new ScratchFolder();
        foreach (var name in names) dir.File(name, "text of " + name);
        var run = hosted.Run("Get-ChildItem -LiteralPath $dir | Sort-Object Name | Send-KimiFile", new Dictionary<string, object?> { ["dir"] = dir.Path }).ThrowOnError();
        return (hosted, dir, run.Objects.Select(o => Ps.Is(o, "KimiFile")).ToList());
    }

    [Fact]
    public void Lists_every_file_as_KimiFile_and_filters_by_wildcard_name()
    {
        var (hosted, dir, files) = Uploaded("a.pdf", "b.pdf", "c.txt");
        using (hosted) using (dir)
        {
            var all = hosted.Run("Get-KimiFile").ThrowOnError();
            var pdfs = hosted.Run("Get-KimiFile -Name *.PDF").ThrowOnError();

            Assert.Equal(files.Select(f => (string)f.Id), all.Objects.Select(o => Ps.Is(o, "KimiFile")).Select(f => (string)f.Id));
            Assert.Equal(["a.pdf", "b.pdf"], pdfs.Objects.Select(o => Ps.Is(o, "KimiFile")).Select(f => (string)f.FileName));
        }
    }

    [Fact]
    public void A_literal_name_that_matches_nothing_is_ObjectNotFound_and_a_wildcard_stays_silent()
    {
        var (hosted, dir, _) = Uploaded("a.pdf");
        using (hosted) using (dir)
        {
            var run = hosted.Run("Get-KimiFile -Name zzz.txt, a.pdf, *.none -ErrorAction Continue");

            Assert.Equal("a.pdf", Ps.Of("KimiFile", Assert.Single(run.Objects)).FileName);
            var e = ErrorAssert.Is(Assert.Single(run.Errors), "KimiNotFound", ErrorCategory.ObjectNotFound, Cmd);
            Assert.Equal("zzz.txt", e.TargetObject);
            Assert.Contains("zzz.txt", e.Exception.Message);
        }
    }

    [Fact]
    public void A_malformed_wildcard_is_KimiInvalidParameter_before_anything_is_sent()
    {
        using var hosted = HostedKimi.Start();
        var before = hosted.Emulator.Counters.Requests;

        var run = hosted.Run("Get-KimiFile -Name 'a['");

        var e = ErrorAssert.Is(run.FirstError, "KimiInvalidParameter", ErrorCategory.InvalidArgument, Cmd);
        Assert.Contains("Parameter 'Name'", e.Exception.Message);
        Assert.Equal("a[", e.TargetObject);
        Assert.Equal(before, hosted.Emulator.Counters.Requests);
    }

    [Fact]
    public void A_name_that_looks_like_an_id_hints_at_Id()
    {
        var (hosted, dir, files) = Uploaded("a.pdf");
        using (hosted) using (dir)
        {
            var run = hosted.Run($"Get-KimiFile '{files[0].Id}' -ErrorAction Continue");

            var e = ErrorAssert.Is(Assert.Single(run.Errors), "KimiNotFound", ErrorCategory.ObjectNotFound, Cmd);
            Assert.Contains("-Id", e.ErrorDetails.RecommendedAction);
        }
    }

    [Fact]
    public void Ids_bind_from_piped_strings_and_from_KimiFile_objects()
    {
        var (hosted, dir, files) = Uploaded("a.txt", "b.txt");
        using (hosted) using (dir)
        {
            var byValue = hosted.Run("$ids | Get-KimiFile", new Dictionary<string, object?> { ["ids"] = files.Select(f => (string)f.Id).ToArray() }).ThrowOnError();
            var byProperty = hosted.Run("$files | Get-KimiFile", new Dictionary<string, object?> { ["files"] = files.ToArray() }).ThrowOnError();

            Assert.Equal(files.Select(f => (string)f.Id), byValue.Objects.Select(o => Ps.Is(o, "KimiFile")).Select(f => (string)f.Id));
            Assert.Equal(files.Select(f => (string)f.FileName), byProperty.Objects.Select(o => Ps.Is(o, "KimiFile")).Select(f => (string)f.FileName));
        }
    }

    [Fact]
    public void A_missing_id_is_an_error_for_that_id_only_and_reruns_from_its_TargetObject()
    {
        var (hosted, dir, files) = Uploaded("a.txt");
        using (hosted) using (dir)
        {
            var run = hosted.Run("'file_missing0000000000000000', $id | Get-KimiFile -ErrorAction Continue -ErrorVariable global:failed",
                new Dictionary<string, object?> { ["id"] = files[0].Id });

            Assert.Equal(files[0].Id, Ps.Of("KimiFile", Assert.Single(run.Objects)).Id);
            var e = ErrorAssert.Is(Assert.Single(run.Errors), "KimiNotFound", ErrorCategory.ObjectNotFound, Cmd);
            Assert.Equal("file_missing0000000000000000", e.TargetObject);

            var again = hosted.Run("$global:failed.TargetObject | Get-KimiFile -ErrorAction Continue");
            ErrorAssert.Is(Assert.Single(again.Errors), "KimiNotFound", ErrorCategory.ObjectNotFound, Cmd);
            Assert.Contains(hosted.Emulator.Requests, r => r.Method == "GET" && r.Path.EndsWith("/files/file_missing0000000000000000"));
        }
    }

    [Fact]
    public void Out_String_of_KimiFile_is_a_table_with_id_name_and_bytes()
    {
        var (hosted, dir, files) = Uploaded("report.txt");
        using (hosted) using (dir)
        {
            var text = (string)hosted.Run("Get-KimiFile | Out-String -Width 200").ThrowOnError().Objects.Single();

            Assert.Matches(@"Id\s+FileName\s+Bytes\s+Purpose\s+Status\s+CreatedAt", text);
            Assert.Contains(files[0].Id, text);
            Assert.Contains("report.txt", text);
            Assert.Contains("file-extract", text);
        }
    }
}
