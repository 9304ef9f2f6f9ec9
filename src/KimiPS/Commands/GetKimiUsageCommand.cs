using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Gets this session's Kimi usage so far: requests, retries, tokens, web searches and cost, by connection and model.</summary>
/// <remarks>
/// Every request a KimiPS cmdlet makes in this session (runspace) is counted once when it ends: streams when they
/// end, a stream cut short with the usage the server had reported (or, where it reported none, an estimate of
/// about 4 bytes a token, counted in EstimatedRequests). Rows are by connection (its saved name, else its BaseUri
/// and key hint) and model; requests that name no model (files, models, balance) have an empty Model. The results
/// of Receive-KimiBatch go in a separate batch row (Batch = True, shown as "model (batch)", priced by
/// Set-KimiPrice -Batch): each result line is a request with its tokens, each failed line a failed request; a
/// batch is counted once in a session, -Reset or not. Downloading the batch's files counts as requests with no
/// model. Retries are
/// the attempts beyond the first. Cost is filled in from the prices given with Set-KimiPrice, in the connection's
/// currency (CNY on the China platform, USD on the global one, the price's own for any other BaseUri); KimiPS
/// keeps no price list of its own. Other sessions (thread jobs, ForEach-Object -Parallel) have their own totals.
/// -Reset returns the totals and starts over in the same step, so no request is lost between the two.
/// </remarks>
/// <example>
/// <code>PS> Get-KimiUsage</code>
/// <para>Shows this session's totals by connection and model.</para>
/// </example>
/// <example>
/// <code>PS> Get-KimiUsage -Reset | Export-Csv -Append usage.csv</code>
/// <para>At the end of a scheduled script: appends this run's totals to a CSV file and starts counting again.</para>
/// </example>
/// <seealso cref="SetKimiPriceCommand"/>
/// <seealso cref="ConnectKimiCommand"/>
[Cmdlet(VerbsCommon.Get, "KimiUsage")]
[OutputType(typeof(KimiUsage))]
public sealed class GetKimiUsageCommand : PSCmdlet
{
    /// <summary>Returns the totals so far, then starts counting from zero (prices are kept).</summary>
    [Parameter]
    public SwitchParameter Reset { get; set; }

    protected override void EndProcessing() => WriteObject(UsageStore.Current.Snapshot(Reset), enumerateCollection: true);
}
