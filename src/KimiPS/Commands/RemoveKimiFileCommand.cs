using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Deletes files uploaded to Kimi.</summary>
/// <remarks>
/// Remove-KimiFile deletes files by id. Ids bind from piped objects that have an Id or FileId property, so
/// Get-KimiFile output can be piped to it. It supports -WhatIf and -Confirm; -Force deletes without asking
/// even when -Confirm or $ConfirmPreference would ask (-WhatIf still only reports). A file that does not
/// exist is a KimiNotFound error for that id only.
/// </remarks>
/// <example>
/// <code>PS> Get-KimiFile | Remove-KimiFile -WhatIf</code>
/// <para>Shows which files would be deleted, without deleting them.</para>
/// </example>
/// <example>
/// <code>PS> Remove-KimiFile -Id file_abc123 -Force</code>
/// <para>Deletes one file without confirmation.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "KimiFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveKimiFileCommand : KimiCmdlet
{
    /// <summary>The ids of the files to delete.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "The file id(s) to delete.")]
    [Alias("FileId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = Array.Empty<string>();

    /// <summary>Deletes without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>A connection from Connect-Kimi -PassThru, instead of the session's.</summary>
    [Parameter]
    [ValidateNotNull]
    public KimiConnection? Connection { get; set; }

    internal override KimiConnection? ConnectionParameter => Connection;

    protected override void ProcessRecord()
    {
        foreach (var id in Id)
        {
            // -Force skips confirmation, never a -WhatIf report.
            var go = Force && !WhatIfRequested || ShouldProcess(id, "Delete Kimi file");
            if (go) Try(id, () => Call((client, ct) => client.DeleteFile(id, ct)));
        }
    }
}
