using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Gets Kimi batches: the account's list, newest first, or batches by id.</summary>
/// <remarks>
/// Without -Id, Get-KimiBatch lists every batch of the account, newest first, reading the API's pages (100 a time)
/// until the last. With -Id, it gets those batches; ids bind from piped strings and from the Id (or BatchId) of
/// piped objects. A batch that does not exist is a KimiNotFound error for that id only, whose TargetObject is the id.
/// The batches written come from the API: their Requests are empty (Wait-KimiBatch keeps those of a piped batch).
/// </remarks>
/// <example>
/// <code>PS> Get-KimiBatch | Where-Object Status -eq in_progress</code>
/// <para>Lists the batches still running.</para>
/// </example>
/// <example>
/// <code>PS> Get-KimiBatch -Id batch_abc123</code>
/// <para>Gets one batch's status and request counts.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "KimiBatch", DefaultParameterSetName = ListSet)]
[OutputType(typeof(KimiBatch))]
public sealed class GetKimiBatchCommand : KimiApiCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";
    private const int PageSize = 100;
    /// <summary>Bounds the listing (the API keeps far fewer): a server that always says "more" cannot loop forever.</summary>
    private const int MaxPages = 1000;

    /// <summary>The ids of the batches to get; bound from piped strings, or from the Id (or BatchId) of piped objects.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet, HelpMessage = "The batch id(s), for example batch_abc123.")]
    [Alias("BatchId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        if (ParameterSetName == IdSet)
        {
            foreach (var id in Id)
            {
                KimiBatch? batch = null;
                if (TryItem(id, () => batch = Call((client, ct) => client.GetBatch(id, ct)))) WriteObject(batch);
            }
            return;
        }

        string? after = null;
        for (var page = 0; page < MaxPages; page++)
        {
            IReadOnlyList<KimiBatch> batches = Array.Empty<KimiBatch>();
            var from = after;
            if (!TryItem(null, () => batches = Call((client, ct) => client.ListBatches(from, PageSize, ct)))) return;
            foreach (var batch in batches) WriteObject(batch);
            if (batches.Count < PageSize) return;
            after = batches[batches.Count - 1].Id;
        }
    }
}
