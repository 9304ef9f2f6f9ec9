using System.Diagnostics;
using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Waits until Kimi batches finish, showing their progress, and writes each finished batch.</summary>
/// <remarks>
/// Wait-KimiBatch polls each batch (every -PollIntervalSec seconds, 10 by default) until it is completed, failed,
/// expired or cancelled, showing a progress bar with its status and its completed, failed and total requests, then
/// writes it. A piped KimiBatch keeps its Requests, so the output can go straight to Receive-KimiBatch. Batches are
/// waited for one after another; -TimeoutSec bounds the whole wait: a batch still running then is a
/// KimiBatchWaitTimedOut error (TargetObject: the batch) and is not written. Ctrl+C stops the waiting, not the
/// batches: they go on running on Kimi's side (Stop-KimiBatch cancels one).
/// </remarks>
/// <example>
/// <code>PS> Get-Content questions.txt | Start-KimiBatch -Prompt 'Answer briefly.' | Wait-KimiBatch | Receive-KimiBatch</code>
/// <para>Starts a batch, waits for it and writes its results in the order of its requests.</para>
/// </example>
/// <example>
/// <code>PS> Wait-KimiBatch -Id batch_abc123 -TimeoutSec 3600 -PollIntervalSec 60</code>
/// <para>Checks a batch once a minute for at most an hour.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Wait, "KimiBatch", DefaultParameterSetName = BatchSet)]
[OutputType(typeof(KimiBatch))]
public sealed class WaitKimiBatchCommand : KimiApiCmdlet
{
    private const string BatchSet = "Batch";
    private const string IdSet = "Id";

    private Stopwatch? _clock;
    private int _activity;

    /// <summary>The batches to wait for, from Start-KimiBatch or Get-KimiBatch.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = BatchSet, HelpMessage = "KimiBatch objects from Start-KimiBatch or Get-KimiBatch.")]
    [ValidateNotNull]
    public KimiBatch[] InputObject { get; set; } = Array.Empty<KimiBatch>();

    /// <summary>The ids of the batches to wait for; bound from the Id (or BatchId) of piped objects.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet, HelpMessage = "The batch id(s).")]
    [Alias("BatchId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = Array.Empty<string>();

    /// <summary>The longest wait, in seconds, for all the batches together (default: until they finish).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSec { get; set; }

    /// <summary>Seconds between two reads of a batch's status (default 10).</summary>
    [Parameter]
    [ValidateRange(0.01, 86400)]
    public double PollIntervalSec { get; set; } = 10;

    private TimeSpan? Limit => MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec)) ? TimeSpan.FromSeconds(TimeoutSec) : null;

    protected override void ProcessRecord()
    {
        _clock ??= Stopwatch.StartNew();
        if (ParameterSetName == IdSet)
        {
            foreach (var id in Id) WaitFor(id, id, fresh => fresh);
            return;
        }
        foreach (var batch in InputObject) WaitFor(batch.Id, batch, batch.WithStateOf);
    }

    private void WaitFor(string id, object target, Func<KimiBatch, KimiBatch> output)
    {
        var activity = ++_activity;
        KimiBatch? finished = null;
        try
        {
            if (TryItem(target, () => finished = Call((client, ct) => Poll(client, id, activity, ct)))) WriteObject(output(finished!));
        }
        finally
        {
            WriteProgress(new ProgressRecord(activity, Activity(id), "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    /// <summary>Worker thread: reads the batch until it finishes or the time is up; the pipeline thread writes the progress.</summary>
    private KimiBatch Poll(KimiClient client, string id, int activity, CancellationToken ct)
    {
        var interval = TimeSpan.FromSeconds(PollIntervalSec);
        var limit = Limit;
        while (true)
        {
            var batch = client.GetBatch(id, ct);
            Post(() => WriteProgress(Progress(batch, activity)));
            if (batch.IsFinished) return batch;
            var pause = interval;
            if (limit is { } total)
            {
                var left = total - _clock!.Elapsed;
                if (left <= TimeSpan.Zero) throw BatchErrors.WaitTimedOut(batch, total);
                if (left < pause) pause = left;
            }
            if (ct.WaitHandle.WaitOne(pause)) ct.ThrowIfCancellationRequested();
        }
    }

    private static ProgressRecord Progress(KimiBatch batch, int activity)
    {
        var done = batch.CompletedRequests + batch.FailedRequests;
        return new ProgressRecord(activity, Activity(batch.Id),
            $"{batch.Status}: {batch.CompletedRequests} completed, {batch.FailedRequests} failed of {batch.TotalRequests}")
        {
            PercentComplete = batch.TotalRequests > 0 ? Math.Min(100, done * 100 / batch.TotalRequests) : -1,
        };
    }

    private static string Activity(string id) => $"Waiting for Kimi batch {id}";
}
