using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Deletes files uploaded to Kimi.</summary>
/// <remarks>
/// Remove-KimiFile deletes files by id. Ids bind from piped strings and from piped objects that have an Id or
/// FileId property, so Get-KimiFile output can be piped to it; the -WhatIf and -Confirm messages then name the
/// file as well as its id ("a.pdf (file_…)"). -Force deletes without the prompt that $ConfirmPreference would
/// cause, but, as with Remove-Item, an explicit -Confirm still asks and -WhatIf still only reports. A file that
/// does not exist is a KimiNotFound error for that id only; its TargetObject is the id.
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
public sealed class RemoveKimiFileCommand : KimiApiCmdlet
{
    /// <summary>The ids of the files to delete; bound from piped strings, or from the Id (or FileId) of piped objects.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The file id(s) to delete.")]
    [Alias("FileId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = Array.Empty<string>();

    /// <summary>The file's name, shown in the -WhatIf and -Confirm messages; bound from a piped KimiFile.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? FileName { get; set; }

    /// <summary>Deletes without the prompt $ConfirmPreference would cause; an explicit -Confirm still asks.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in Id)
        {
            // A name is shown only when it belongs to this one id (a piped KimiFile), never guessed by a request.
            var target = Id.Length == 1 && !string.IsNullOrEmpty(FileName) ? $"{FileName} ({id})" : id;
            if (SkipConfirmation || ShouldProcess(target, "Delete Kimi file")) TryItem(id, () => Call((client, ct) => client.DeleteFile(id, ct)));
        }
    }

    /// <summary>-Force skips the preference-driven prompt only: never a -WhatIf report, never an explicit -Confirm.</summary>
    private bool SkipConfirmation =>
        Force && !WhatIfRequested
        && !(MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && LanguagePrimitives.IsTrue(confirm));
}
