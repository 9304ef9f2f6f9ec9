using System.Management.Automation;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Hosted.ChatRun;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Batch;

/// <summary>
/// What the batch cmdlets put on each stream and when: Wait-KimiBatch's progress bar, Ctrl+C that stops the waiting
/// and not the batch, and Start-KimiBatch cleaning up an upload whose batch was refused.
/// </summary>
public sealed class BatchStreamTests
{
    private static int BatchReads(KimiEmulator emulator) =>
        emulator.Requests.Count(r => r.Method == "GET" && r.Path.Contains("/batches/", StringComparison.Ordinal));

    [Fact]
    public void Wait_shows_status_and_counts_in_its_progress_bar_then_completes_it_and_writes_the_batch_with_its_requests()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.BatchScript = new BatchScript { InProgressSteps = 2, FailCustomIds = new HashSet<string> { "d" } };

        var run = hosted.Run("'a', 'b', 'c', 'd' | Invoke-KimiChat -AsBatch -CustomId { $_ } | Start-KimiBatch | Wait-KimiBatch -PollIntervalSec 0.01");

        Assert.Empty(run.Errors);
        var batch = Assert.Single(run.Output);
        Assert.Equal("KimiPS.Core.KimiBatch", batch.BaseObject.GetType().FullName);
        Assert.Equal("completed", Property(batch, "Status"));
        Assert.Equal(new[] { "a", "b", "c", "d" }, ((System.Collections.IEnumerable)Property(batch, "Requests")!).Cast<object>().Select(r => Property(PSObject.AsPSObject(r), "CustomId")));
        var progress = run.Progress.Where(p => p.Activity == $"Waiting for Kimi batch {Property(batch, "Id")}").ToList();
        Assert.Equal(new[]
        {
            "in_progress: 0 completed, 0 failed of 4 0",
            "in_progress: 2 completed, 0 failed of 4 50",
            "finalizing: 3 completed, 1 failed of 4 100",
            "completed: 3 completed, 1 failed of 4 100",
            "Done -1",
        }, progress.Select(p => $"{p.StatusDescription} {p.PercentComplete}"));
        Assert.Equal(ProgressRecordType.Completed, progress[^1].RecordType);
    }

    [Fact]
    public void Ctrl_C_stops_the_waiting_at_once_and_leaves_the_batch_running()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.BatchScript = new BatchScript { InProgressSteps = 1_000_000 };
        using var run = new LiveRun(hosted, "'a', 'b' | Start-KimiBatch -Prompt 'Answer.' | Wait-KimiBatch -PollIntervalSec 0.05");
        Assert.True(LiveRun.WaitFor(() => BatchReads(hosted.Emulator) >= 3, TimeSpan.FromSeconds(30)), "Wait-KimiBatch never polled");

        var took = run.Stop();

        Assert.True(took < TimeSpan.FromSeconds(1.5), $"Stop() took {took}");
        var reads = BatchReads(hosted.Emulator);
        Thread.Sleep(300);
        Assert.Equal(reads, BatchReads(hosted.Emulator)); // no more polling
        Assert.DoesNotContain(hosted.Emulator.Requests, r => r.Path.EndsWith("/cancel", StringComparison.Ordinal));
        Assert.Empty(run.Output);
        var status = hosted.Run("(Get-KimiBatch)[0].Status").ThrowOnError();
        Assert.Equal("in_progress", status.Objects.Single());
    }

    [Fact]
    public void A_refused_batch_is_an_error_and_its_uploaded_input_file_is_deleted()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(new EmulatorResponseBuilder().Refuse("batches"));

        var run = hosted.Run("'a' | Start-KimiBatch -Prompt 'Answer.'");

        Assert.Empty(run.Output);
        var error = Assert.Single(run.Errors);
        Assert.Equal("KimiQuotaExceeded,KimiPS.Commands.StartKimiBatchCommand", error.FullyQualifiedErrorId);
        Assert.Contains(hosted.Emulator.Requests, r => r.Method == "POST" && r.Path.EndsWith("/files", StringComparison.Ordinal));
        Assert.Equal(0, hosted.Emulator.FileCount);
    }

    [Fact]
    public void Receive_deletes_the_batch_files_unless_Keep()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.BatchScript = new BatchScript { FailEvery = 2 };
        hosted.Run("$global:b = 'a', 'b' | Start-KimiBatch -Prompt 'Answer.' | Wait-KimiBatch -PollIntervalSec 0.01").ThrowOnError();
        Assert.Equal(3, hosted.Emulator.FileCount); // input, output, error

        var kept = hosted.Run("$b | Receive-KimiBatch -Keep");
        Assert.Equal(3, hosted.Emulator.FileCount);
        var received = hosted.Run("$b | Receive-KimiBatch");

        Assert.Equal(0, hosted.Emulator.FileCount);
        foreach (var r in new[] { kept, received })
        {
            var result = Assert.Single(r.Output);
            Assert.Equal("KimiPS.Core.KimiBatchResult", result.BaseObject.GetType().FullName);
            Assert.Equal("a", Property(result, "InputObject"));
            Assert.StartsWith("Echo: a", (string)Property(result, "Content")!);
            Assert.Equal("b", Assert.Single(r.Errors).TargetObject);
        }
        Assert.Empty(received.Warnings);
    }

    private static object? Property(PSObject o, string name) => o.Properties[name]?.Value is PSObject p ? p.BaseObject : o.Properties[name]?.Value;

    /// <summary>Scripted responses for these tests.</summary>
    private sealed class EmulatorResponseBuilder
    {
        public EmulatorResponse Refuse(string path)
        {
            var response = EmulatorResponse.KimiError(429, "exceeded_current_quota_error", "Your account is suspended");
            response.PathContains = path;
            return response;
        }
    }
}
