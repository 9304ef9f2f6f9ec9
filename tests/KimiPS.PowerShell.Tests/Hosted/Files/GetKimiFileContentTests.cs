using System.Management.Automation;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Files;

/// <summary>Get-KimiFileContent: by id (objects and strings), by path (upload, extract, delete), -RemoveFile, re-runs.</summary>
public sealed class GetKimiFileContentTests
{
    private const string Cmd = "GetKimiFileContentCommand";

    private static dynamic Upload(HostedKimi hosted, ScratchFolder dir, string name, string text)
    {
        var path = dir.File(name, text);
        return (dynamic)hosted.Run("Send-KimiFile -LiteralPath $p", new Dictionary<string, object?> { ["p"] = path }).ThrowOnError().Objects.Single();
    }

    [Fact]
    public void A_piped_KimiFile_gives_a_KimiFileContent_with_its_name_and_text()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var file = Upload(hosted, dir, "notes.txt", "The text.");

        var run = hosted.Run("$f | Get-KimiFileContent", new Dictionary<string, object?> { ["f"] = file }).ThrowOnError();

        var content = Ps.Of("KimiFileContent", Assert.Single(run.Objects));
        Assert.Equal((file.Id, "notes.txt", "The text.", 9), (content.FileId, content.FileName, content.Content, content.Length));
        Assert.Equal(1, hosted.Emulator.FileCount); // -Id input: the file stays unless -RemoveFile
    }

    [Fact]
    public void A_piped_id_string_is_read_as_an_id_not_a_path()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var file = Upload(hosted, dir, "notes.txt", "By id.");

        var run = hosted.Run("Set-Location $dir; $id | Get-KimiFileContent", new Dictionary<string, object?> { ["id"] = file.Id, ["dir"] = dir.Path }).ThrowOnError();

        Assert.Equal("By id.", Ps.Of("KimiFileContent", Assert.Single(run.Objects)).Content);
    }

    [Fact]
    public void Path_input_uploads_extracts_and_deletes_the_upload_and_KeepFile_keeps_it()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        dir.File("a.txt", "first"); dir.File("b.txt", "second");

        var run = hosted.Run("Get-ChildItem -LiteralPath $dir | Sort-Object Name | Get-KimiFileContent", new Dictionary<string, object?> { ["dir"] = dir.Path }).ThrowOnError();
        Assert.Equal(["first", "second"], run.Objects.Select(o => Ps.Is(o, "KimiFileContent")).Select(c => (string)c.Content));
        Assert.Equal(["a.txt", "b.txt"], run.Objects.Select(o => Ps.Is(o, "KimiFileContent")).Select(c => (string)c.FileName));
        Assert.Equal(0, hosted.Emulator.FileCount);
        Assert.Contains(run.Progress, p => p.Activity == "Uploading a.txt to Kimi" && p.RecordType == ProgressRecordType.Completed);

        hosted.Run("Get-KimiFileContent -Path (Join-Path $dir a.txt) -KeepFile", new Dictionary<string, object?> { ["dir"] = dir.Path }).ThrowOnError();
        Assert.Equal(["a.txt"], hosted.Emulator.FileNames);
    }

    [UnixOnlyFact]
    public void LiteralPath_with_a_quote_or_newline_in_the_name_works_and_later_paths_go_on()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var q = dir.File("say \"hi\".txt", "quoted");
        var nl = dir.File("two\nlines.txt", "newline");
        var empty = dir.File("empty.txt", "");
        var last = dir.File("last.txt", "last");

        var run = hosted.Run("Get-KimiFileContent -LiteralPath $paths -ErrorAction Continue", new Dictionary<string, object?> { ["paths"] = new[] { q, nl, empty, last } });

        Assert.Null(run.Terminating);
        Assert.Equal(["quoted", "newline", "last"], run.Objects.Select(o => Ps.Is(o, "KimiFileContent")).Select(c => (string)c.Content));
        var e = ErrorAssert.Is(Assert.Single(run.Errors), "KimiFileEmpty", ErrorCategory.InvalidData, Cmd);
        Assert.Equal(empty, ErrorAssert.TargetPath(e));
    }

    [Fact]
    public void A_failed_read_carries_an_input_that_pipes_back_to_Id()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var file = Upload(hosted, dir, "doc.txt", "Retry me.");
        var notReady = EmulatorResponse.KimiError(404, "resource_not_found_error", "content not ready");
        notReady.PathContains = "/content";
        hosted.Emulator.Enqueue(notReady);

        var run = hosted.Run("$f | Get-KimiFileContent -ErrorAction Continue -ErrorVariable global:failed", new Dictionary<string, object?> { ["f"] = file });
        var e = ErrorAssert.Is(Assert.Single(run.Errors), "KimiNotFound", ErrorCategory.ObjectNotFound, Cmd);
        Assert.Equal(file.Id, e.TargetObject?.ToString());

        var again = hosted.Run("$global:failed.TargetObject | Get-KimiFileContent").ThrowOnError();
        var content = Ps.Of("KimiFileContent", Assert.Single(again.Objects));
        Assert.Equal(("Retry me.", "doc.txt"), (content.Content, content.FileName));
    }

    [Fact]
    public void A_failed_path_item_reruns_from_TargetObject()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var path = dir.File("late[1].txt", "");

        hosted.Run("Get-ChildItem -LiteralPath $dir | Get-KimiFileContent -ErrorAction Continue -ErrorVariable global:failed", new Dictionary<string, object?> { ["dir"] = dir.Path });
        File.WriteAllText(path, "filled");
        var again = hosted.Run("$global:failed.TargetObject | Get-KimiFileContent").ThrowOnError();

        Assert.Equal("filled", Ps.Of("KimiFileContent", Assert.Single(again.Objects)).Content);
        Assert.Equal(0, hosted.Emulator.FileCount);
    }

    [Fact]
    public void The_document_pipeline_with_RemoveFile_leaves_no_file_on_the_server()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        for (var i = 1; i <= 3; i++) dir.File($"doc{i}.txt", $"Document {i}.");

        var run = hosted.Run("Get-ChildItem -LiteralPath $dir | Sort-Object Name | Send-KimiFile | Get-KimiFileContent -RemoveFile | Invoke-KimiChat 'Summarize'",
            new Dictionary<string, object?> { ["dir"] = dir.Path }).ThrowOnError();

        Assert.Equal(3, run.Objects.Where(o => Ps.IsA(o, "ChatCompletion")).Count());
        Assert.Equal(0, hosted.Emulator.FileCount);
        Assert.Equal(3, hosted.Emulator.Requests.Count(r => r.Method == "DELETE"));
        // Each document reached the model as its system message.
        var chats = hosted.Emulator.Requests.Where(r => r.Path.EndsWith("/chat/completions")).Select(r => (string)r.BodyText).ToList();
        Assert.Contains("Document 2.", chats[1]);
    }

    [Fact]
    public void RemoveFile_keeps_the_file_when_its_text_could_not_be_read()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var file = Upload(hosted, dir, "doc.txt", "x");
        var notReady = EmulatorResponse.KimiError(404, "resource_not_found_error", "not ready");
        notReady.PathContains = "/content";
        hosted.Emulator.Enqueue(notReady);

        var run = hosted.Run("$f | Get-KimiFileContent -RemoveFile -ErrorAction Continue", new Dictionary<string, object?> { ["f"] = file });

        Assert.Single(run.Errors);
        Assert.Equal(1, hosted.Emulator.FileCount);
        Assert.DoesNotContain(hosted.Emulator.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public void A_missing_path_is_KimiPathNotFound_and_nothing_is_sent()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var before = hosted.Emulator.Counters.Requests;

        var run = hosted.Run("Set-Location $dir; Get-KimiFileContent -Path ./nothing.txt -ErrorAction Continue", new Dictionary<string, object?> { ["dir"] = dir.Path });

        var e = ErrorAssert.Is(Assert.Single(run.Errors), "KimiPathNotFound", ErrorCategory.ObjectNotFound, Cmd);
        Assert.Equal("./nothing.txt", e.TargetObject);
        Assert.Equal(before, hosted.Emulator.Counters.Requests);
    }

    [Fact]
    public void Out_String_of_KimiFileContent_shows_name_length_and_preview()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var file = Upload(hosted, dir, "notes.txt", "Line one\nLine two");

        var text = (string)hosted.Run("$f | Get-KimiFileContent | Out-String -Width 200", new Dictionary<string, object?> { ["f"] = file }).ThrowOnError().Objects.Single();

        Assert.Matches(@"FileName\s+Length\s+Preview", text);
        Assert.Matches(@"notes\.txt\s+17\s+Line one Line two", text);
    }
}
