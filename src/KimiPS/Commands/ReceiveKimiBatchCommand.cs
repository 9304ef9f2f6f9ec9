using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Gets the results of a finished Kimi batch, one per request, joined to the requests' inputs.</summary>
/// <remarks>
/// Receive-KimiBatch downloads a finished batch's output and error files and writes one KimiBatchResult per request
/// that succeeded (its CustomId, its InputObject and a ChatCompletion, as Invoke-KimiChat returns, usage included),
/// in the order the batch was started with. A request that failed is an error (WriteError) whose TargetObject is its
/// input and whose ErrorId is the catalogue's for the failure (KimiContentFiltered, KimiServerError, ...;
/// KimiBatchRequestExpired or KimiBatchRequestCancelled for a request that never ran). Nothing is lost: a request in
/// neither file is a KimiBatchRequestMissing error. The requests come from a piped KimiBatch (Start-KimiBatch,
/// Wait-KimiBatch) or, in any session, from the manifest written by Start-KimiBatch -Path; with only -Id, results
/// are written in the files' order with no input. The files are downloaded to temporary files, so memory does not
/// grow with them. Once every line is read, the batch's output, error and input files are deleted from Kimi,
/// unless -Keep. A batch that has not finished is a KimiBatchNotFinished error: use Wait-KimiBatch first.
/// Get-KimiUsage counts each line as a request of the batch row of its connection and model (Batch = True, priced
/// by Set-KimiPrice -Batch): a result with its tokens, a failed line as a failed request (a request with no line is
/// not counted). A batch received again in the same session (after -Keep) is not counted again.
/// </remarks>
/// <example>
/// <code>PS> Get-ChildItem *.pdf | Send-KimiFile | Get-KimiFileContent | Start-KimiBatch -Prompt 'Summarize.' | Wait-KimiBatch | Receive-KimiBatch</code>
/// <para>Starts a batch, waits for it and writes a result (or an error) per document, in order.</para>
/// </example>
/// <example>
/// <code>PS> Get-ChildItem *.pdf | Send-KimiFile | Get-KimiFileContent | Start-KimiBatch -Prompt 'Summarize.' -Path .\summaries.json | Wait-KimiBatch | Out-Null
/// PS> Receive-KimiBatch -Path .\summaries.json -Keep -ErrorVariable failed | ForEach-Object { "$($_.InputObject.FileName): $($_.Content)" }
/// PS> $failed.TargetObject</code>
/// <para>Starts a batch with a manifest; later, in this or any session, joins the results to the documents recorded in the manifest, keeps the files on Kimi, and lists the inputs whose request failed.</para>
/// </example>
/// <example>
/// <code>PS> Wait-KimiBatch -Id batch_abc123 | Out-Null
/// PS> Receive-KimiBatch -Id batch_abc123</code>
/// <para>Writes the results of a batch whose requests are not known here, in the order of its output file.</para>
/// </example>
[Cmdlet(VerbsCommunications.Receive, "KimiBatch", DefaultParameterSetName = BatchSet)]
[OutputType(typeof(KimiBatchResult))]
public sealed class ReceiveKimiBatchCommand : KimiApiCmdlet
{
    private const string BatchSet = "Batch";
    private const string IdSet = "Id";
    private const string PathSet = "Path";

    /// <summary>The finished batches, from Wait-KimiBatch or Start-KimiBatch; their Requests join the results to the inputs.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = BatchSet, HelpMessage = "KimiBatch objects from Wait-KimiBatch.")]
    [ValidateNotNull]
    public KimiBatch[] InputObject { get; set; } = Array.Empty<KimiBatch>();

    /// <summary>The id of the batch; with -Path, its manifest.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true, HelpMessage = "The batch id, for example batch_abc123.")]
    [Alias("BatchId")]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    /// <summary>The manifest written by Start-KimiBatch -Path: the batch id and its requests' inputs.</summary>
    [Parameter(ParameterSetName = IdSet)]
    [Parameter(Mandatory = true, ParameterSetName = PathSet, HelpMessage = "The manifest file written by Start-KimiBatch -Path.")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Leaves the batch's files on Kimi (by default they are deleted once read).</summary>
    [Parameter]
    public SwitchParameter Keep { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == BatchSet)
        {
            foreach (var batch in InputObject) Receive(batch.Id, batch.Requests, batch);
            return;
        }
        var id = ParameterSetName == IdSet ? Id : null;
        IReadOnlyList<KimiBatchRequest> requests = Array.Empty<KimiBatchRequest>();
        if (Path is not null)
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (!TryItem(Path, () => requests = ReadManifest(path, ref id))) return;
        }
        Receive(id!, requests, id!);
    }

    private static IReadOnlyList<KimiBatchRequest> ReadManifest(string path, ref string? id)
    {
        var (batchId, requests) = BatchManifest.Read(path, BatchInputs.Deserialize);
        if (id is not null && !string.Equals(id, batchId, StringComparison.Ordinal))
            throw BatchErrors.InvalidManifest(path, Msg.ManifestOfOtherBatch.Format(batchId, id));
        id = batchId;
        return requests;
    }

    private void Receive(string id, IReadOnlyList<KimiBatchRequest> requests, object target)
    {
        BatchDownload? download = null;
        if (!TryItem(target, () => download = Call((client, ct) => BatchDownload.Start(client, id, ct)))) return;
        using (download)
        {
            download!.Batch.Requests = requests;
            var usage = new BatchUsage(Client.Options.RequestObserver as SessionObserver, id, requests);
            foreach (var outcome in BatchJoin.Outcomes(download.Batch, download.Output, download.Errors, Client.Options.ApiKey))
            {
                usage.Count(outcome);
                if (outcome.Result is not null) WriteObject(outcome.Result);
                else WriteError(ErrorRecords.Create(outcome.Error!, outcome.InputObject ?? outcome.CustomId));
            }
            usage.Complete();
            if (!Keep) TryItem(target, () => Call((client, ct) => download.DeleteRemote(client, ct, message => Post(() => Warn(message)))));
        }
    }
}
