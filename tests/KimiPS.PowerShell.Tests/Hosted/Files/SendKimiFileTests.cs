using System.Diagnostics;
using System.Management.Automation;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Files;

/// <summary>Send-KimiFile as a user drives it: bindings, names, limits, progress, -WhatIf, Ctrl+C, nothing lost.</summary>
public sealed class SendKimiFileTests
{
    private const string Cmd = "SendKimiFileCommand";

    [Fact]
    public void Get_ChildItem_output_binds_by_PSPath_and_each_file_is_a_KimiFile_in_input_order()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        dir.File("a.txt", "alpha");
        dir.File("b[1].txt", "beta");
        dir.File("c d.txt", "gamma");

        var run = hosted.Run("Get-ChildItem -LiteralPath $dir -File | Sort-Object Name | Send-KimiFile", new Dictionary<string, object?> { ["dir"] = dir.Path }).ThrowOnError();

        var files = run.Objects.Select(o => Ps.Of("KimiFile", o)).ToList();
        Assert.Equal(["a.txt", "b[1].txt", "c d.txt"], files.Select(f => (string)f.FileName));
        Assert.Equal([5L, 4L, 5L], files.Select(f => (long)f.Bytes));
        Assert.All(files, f => Assert.Equal("file-extract", f.Purpose));
        Assert.Equal(["a.txt", "b[1].txt", "c d.txt"], hosted.Emulator.FileNames);
    }

    [Fact]
    public void Objects_with_a_FullName_bind_to_LiteralPath_and_strings_to_Path_with_wildcards()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var a = dir.File("one.md");
        dir.File("two.md");

        var byName = hosted.Run("[pscustomobject]@{ FullName = $a } | Send-KimiFile", new Dictionary<string, object?> { ["a"] = a }).ThrowOnError();
        var byValue = hosted.Run("(Join-Path $dir '*.md') | Send-KimiFile -Purpose batch", new Dictionary<string, object?> { ["dir"] = dir.Path }).ThrowOnError();

        Assert.Equal("one.md", Ps.Of("KimiFile", Assert.Single(byName.Objects)).FileName);
        Assert.Equal(["one.md", "two.md"], byValue.Objects.Select(o => Ps.Is(o, "KimiFile")).Select(f => (string)f.FileName).Order());
        Assert.All(hosted.Emulator.Requests.Where(r => r.Method == "POST").Skip(1), r => Assert.Equal("batch", r.UploadPurpose));
    }

    [UnixOnlyFact]
    public void Names_with_quotes_and_newlines_upload_with_their_exact_name_and_later_files_still_go()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        string[] names = ["1 plain.txt", "2 it's \"q\".txt", "3 nl\nname.txt", "4 back\\slash é.txt", "5 last.txt"];
        foreach (var name in names) dir.File(name);

        var run = hosted.Run("Get-ChildItem -LiteralPath $dir -File | Sort-Object Name | Send-KimiFile -ErrorAction SilentlyContinue",
            new Dictionary<string, object?> { ["dir"] = dir.Path });

        Assert.Null(run.Terminating);
        Assert.Empty(run.Errors);
        Assert.Equal(names, run.Objects.Select(o => Ps.Is(o, "KimiFile")).Select(f => (string)f.FileName));
        Assert.Equal(names, hosted.Emulator.FileNames);
        // The plain filename parameter is escaped, never raw: a CR/LF or a bare quote would break the part's headers.
        var disposition = hosted.Emulator.Requests.Count(r => r.Method == "POST");
        Assert.Equal(5, disposition);
    }

    [UnixOnlyFact]
    public void Literal_path_with_a_quote_works_for_a_single_file()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var path = dir.File("say \"hi\".txt", "hi");

        var run = hosted.Run("Send-KimiFile -LiteralPath $p", new Dictionary<string, object?> { ["p"] = path }).ThrowOnError();

        Assert.Equal("say \"hi\".txt", Ps.Of("KimiFile", Assert.Single(run.Objects)).FileName);
    }

    [Fact]
    public void Progress_records_name_the_file_rise_to_100_and_end_completed()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var path = dir.Bytes("big.bin", new byte[3 * 1024 * 1024]);

        var run = hosted.Run("Send-KimiFile -LiteralPath $p", new Dictionary<string, object?> { ["p"] = path }).ThrowOnError();

        var records = run.Progress;
        Assert.True(records.Count >= 3, $"only {records.Count} progress records");
        Assert.All(records, r => Assert.Equal("Uploading big.bin to Kimi", r.Activity));
        var running = records.Where(r => r.RecordType == ProgressRecordType.Processing).Select(r => r.PercentComplete).ToList();
        Assert.Equal(running.Order(), running);
        Assert.Equal(100, running[^1]);
        Assert.Equal(ProgressRecordType.Completed, records[^1].RecordType);
    }

    [Fact]
    public void Empty_file_directory_and_missing_path_are_errors_before_anything_is_sent()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var empty = dir.File("empty.txt", "");
        var sub = Directory.CreateDirectory(Path.Combine(dir.Path, "sub")).FullName;
        var missing = Path.Combine(dir.Path, "missing.txt");
        var before = hosted.Emulator.Counters.Requests;

        var run = hosted.Run("""
            Send-KimiFile -LiteralPath $empty -ErrorAction Continue
            Send-KimiFile -LiteralPath $sub -ErrorAction Continue
            Send-KimiFile -Path $missing -ErrorAction Continue
            """, new Dictionary<string, object?> { ["empty"] = empty, ["sub"] = sub, ["missing"] = missing });

        Assert.Empty(run.Output);
        Assert.Equal(3, run.Errors.Count);
        var e0 = ErrorAssert.Is(run.Errors[0], "KimiFileEmpty", ErrorCategory.InvalidData, Cmd);
        Assert.Equal(empty, ErrorAssert.TargetPath(e0));
        var e1 = ErrorAssert.Is(run.Errors[1], "KimiInvalidParameter", ErrorCategory.InvalidArgument, Cmd);
        Assert.Contains("Parameter 'LiteralPath'", e1.Exception.Message);
        Assert.Contains("is a directory", e1.Exception.Message);
        Assert.Equal(sub, ErrorAssert.TargetPath(e1));
        var e2 = ErrorAssert.Is(run.Errors[2], "KimiPathNotFound", ErrorCategory.ObjectNotFound, Cmd);
        Assert.Contains("Parameter 'Path'", e2.Exception.Message);
        Assert.Equal(missing, e2.TargetObject);
        Assert.Equal(before, hosted.Emulator.Counters.Requests);
    }

    [Fact]
    public void Over_100_MB_is_KimiFileTooLarge_and_nothing_is_sent()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var big = Path.Combine(dir.Path, "huge.bin");
        using (var f = File.Create(big)) f.SetLength(100L * 1024 * 1024 + 1); // sparse: no 100 MB written
        var before = hosted.Emulator.Counters.Requests;

        var run = hosted.Run("Send-KimiFile -LiteralPath $p -ErrorAction Continue", new Dictionary<string, object?> { ["p"] = big });

        var e = ErrorAssert.Is(Assert.Single(run.Errors), "KimiFileTooLarge", ErrorCategory.LimitsExceeded, Cmd);
        Assert.Equal(big, ErrorAssert.TargetPath(e));
        Assert.Equal(before, hosted.Emulator.Counters.Requests);
    }

    [Fact]
    public void The_account_file_limit_is_KimiFileCountExceeded_for_that_file_and_the_next_file_still_goes()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var first = dir.File("a.txt");
        var second = dir.File("b.txt");
        hosted.Emulator.Enqueue(EmulatorResponse.KimiError(400, "invalid_request_error",
            "The number of files you have uploaded exceeded the max file count 1000, please delete previous uploaded files"));

        var run = hosted.Run("Send-KimiFile -LiteralPath $a, $b", new Dictionary<string, object?> { ["a"] = first, ["b"] = second });

        var e = ErrorAssert.Is(Assert.Single(run.Errors), "KimiFileCountExceeded", ErrorCategory.QuotaExceeded, Cmd);
        Assert.Equal(first, ErrorAssert.TargetPath(e));
        Assert.Equal("b.txt", (string)Ps.Of("KimiFile", Assert.Single(run.Objects)).FileName);
    }

    [Fact]
    public void Not_connected_is_terminating_KimiNotConnected_and_nothing_is_sent()
    {
        using var hosted = HostedKimi.Start(connect: false);
        using var dir = new ScratchFolder();
        var path = dir.File("a.txt");

        var run = hosted.Run("try { Send-KimiFile -LiteralPath $p, $p } catch { 'caught' }", new Dictionary<string, object?> { ["p"] = path });

        Assert.Equal(["caught"], run.Objects.Cast<string>());
        Assert.Equal(0, hosted.Emulator.Counters.Requests);
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        dir.File("a.txt");
        var before = hosted.Emulator.Counters.Requests;

        var run = hosted.Run("Get-ChildItem -LiteralPath $dir | Send-KimiFile -WhatIf", new Dictionary<string, object?> { ["dir"] = dir.Path }).ThrowOnError();

        Assert.Empty(run.Output);
        Assert.Equal(before, hosted.Emulator.Counters.Requests);
        Assert.Equal(0, hosted.Emulator.FileCount);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void One_failed_upload_of_five_gives_four_files_and_one_error_carrying_its_input(int throttle)
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        for (var i = 1; i <= 5; i++) dir.File($"f{i}.txt", $"text {i}");
        var uploads = 0;
        hosted.Emulator.Handler = r => r.Method == "POST" && r.Path.EndsWith("/files") && Interlocked.Increment(ref uploads) == 3
            ? EmulatorResponse.KimiError(400, "invalid_request_error", "File type is not supported")
            : null;

        var run = hosted.Run($"Get-ChildItem -LiteralPath $dir | Sort-Object Name | Send-KimiFile -ThrottleLimit {throttle} -ErrorAction Continue -ErrorVariable failed; $failed.Count",
            new Dictionary<string, object?> { ["dir"] = dir.Path });

        Assert.Null(run.Terminating);
        var files = run.Objects.Where(o => Ps.IsA(o, "KimiFile")).Select(o => Ps.Is(o, "KimiFile")).ToList();
        Assert.Equal(4, files.Count);
        Assert.Equal(1, run.Objects.OfType<int>().Single());
        var e = ErrorAssert.Is(Assert.Single(run.Errors), "KimiInvalidRequest", ErrorCategory.InvalidArgument, Cmd);
        var failedName = Path.GetFileName(ErrorAssert.TargetPath(e));
        Assert.DoesNotContain(failedName, files.Select(f => (string)f.FileName));
        Assert.Equal(4, hosted.Emulator.FileCount);
        if (throttle == 1) Assert.Equal(["f1.txt", "f2.txt", "f4.txt", "f5.txt"], files.Select(f => (string)f.FileName));
    }

    [Fact]
    public void Failures_rerun_from_ErrorVariable_TargetObject_even_with_brackets_in_the_name()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var path = dir.File("report[1].txt", "");
        var vars = new Dictionary<string, object?> { ["dir"] = dir.Path, ["p"] = path };

        var first = hosted.Run("Get-ChildItem -LiteralPath $dir | Send-KimiFile -ErrorAction Continue -ErrorVariable global:failed", vars);
        Assert.Single(first.Errors);
        File.WriteAllText(path, "now with text");
        var again = hosted.Run("$global:failed.TargetObject | Send-KimiFile").ThrowOnError();

        Assert.Equal("report[1].txt", Ps.Of("KimiFile", Assert.Single(again.Objects)).FileName);
    }

    [Fact]
    public void Ctrl_C_during_a_large_upload_returns_within_two_seconds()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var path = dir.Bytes("large.bin", new byte[40 * 1024 * 1024]);
        // The emulator holds every request before reading its body: the upload blocks on a full socket.
        hosted.Emulator.Limits.Latency = TimeSpan.FromSeconds(60);

        using var shell = hosted.Create("Send-KimiFile -LiteralPath $p", new Dictionary<string, object?> { ["p"] = path });
        var async = shell.BeginInvoke();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (hosted.Emulator.Counters.ActiveRequests == 0 && DateTime.UtcNow < deadline) Thread.Sleep(20);
        Assert.Equal(1, hosted.Emulator.Counters.ActiveRequests);
        Thread.Sleep(300);

        var clock = Stopwatch.StartNew();
        shell.Stop();
        clock.Stop();

        Assert.True(async.IsCompleted);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"Stop took {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.Equal(0, hosted.Emulator.FileCount);
    }
}
