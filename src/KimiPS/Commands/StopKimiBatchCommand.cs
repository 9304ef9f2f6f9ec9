using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Cancels Kimi batches.</summary>
/// <remarks>
/// Stop-KimiBatch asks Kimi to cancel batches that are validating, in progress or finalizing; a batch goes through
/// cancelling to cancelled, and the answers made by then can still be received (Receive-KimiBatch writes an error for
/// each request that did not run). Ids bind from piped strings and from the Id (or BatchId) of piped objects, so a
/// KimiBatch can be piped. A finished batch cannot be cancelled: that is a KimiInvalidRequest error for that id.
/// -PassThru writes the batch as Kimi returns it (cancelling). Confirmed as a Medium-impact change.
/// </remarks>
/// <example>
/// <code>PS> Get-KimiBatch | Where-Object Status -eq in_progress | Stop-KimiBatch -WhatIf</code>
/// <para>Shows which running batches would be cancelled.</para>
/// </example>
/// <example>
/// <code>PS> Stop-KimiBatch -Id batch_abc123 -PassThru | Wait-KimiBatch</code>
/// <para>Cancels a batch and waits until it is cancelled.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Stop, "KimiBatch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(KimiBatch))]
public sealed class StopKimiBatchCommand : KimiApiCmdlet
{
    /// <summary>The ids of the batches to cancel; bound from piped strings, or from the Id (or BatchId) of piped objects.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The batch id(s) to cancel.")]
    [Alias("BatchId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = Array.Empty<string>();

    /// <summary>Writes each cancelled batch (status cancelling).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in Id)
        {
            if (!ShouldProcess(id, "Cancel Kimi batch")) continue;
            KimiBatch? batch = null;
            if (TryItem(id, () => batch = Call((client, ct) => client.CancelBatch(id, ct))) && PassThru) WriteObject(batch);
        }
    }
}
