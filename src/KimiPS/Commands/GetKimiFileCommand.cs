using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Lists the files uploaded to Kimi, or gets files by id.</summary>
/// <remarks>
/// Without -Id, Get-KimiFile lists every file of the account (at most 1000 are kept), optionally filtered by
/// file name with -Name (wildcards allowed). With -Id, it gets those files; ids also bind from piped objects
/// that have an Id or FileId property. A file that does not exist is a KimiNotFound error for that id only.
/// </remarks>
/// <example>
/// <code>PS> Get-KimiFile</code>
/// <para>Lists every uploaded file.</para>
/// </example>
/// <example>
/// <code>PS> Get-KimiFile -Name *.pdf | Where-Object CreatedAt -lt (Get-Date).AddDays(-30) | Remove-KimiFile</code>
/// <para>Deletes uploaded PDFs older than 30 days.</para>
/// </example>
/// <example>
/// <code>PS> Get-KimiFile -Id file_abc123</code>
/// <para>Gets one file's metadata, including its extraction Status.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "KimiFile", DefaultParameterSetName = ListSet)]
[OutputType(typeof(KimiFile))]
public sealed class GetKimiFileCommand : KimiCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";

    /// <summary>Only files whose name matches (wildcards allowed).</summary>
    [Parameter(Position = 0, ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    /// <summary>The ids of the files to get.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet, HelpMessage = "The file id(s), for example file_abc123.")]
    [Alias("FileId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = Array.Empty<string>();

    /// <summary>A connection from Connect-Kimi -PassThru, instead of the session's.</summary>
    [Parameter]
    [ValidateNotNull]
    public KimiConnection? Connection { get; set; }

    internal override KimiConnection? ConnectionParameter => Connection;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == IdSet)
        {
            foreach (var id in Id)
            {
                KimiFile? file = null;
                if (Try(id, () => file = Call((client, ct) => client.GetFile(id, ct)))) WriteObject(file);
            }
            return;
        }

        IReadOnlyList<KimiFile> files = Array.Empty<KimiFile>();
        if (!Try(null, () => files = Call((client, ct) => client.ListFiles(ct)))) return;
        var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
        foreach (var file in files)
        {
            if (patterns is null || patterns.Any(p => p.IsMatch(file.FileName))) WriteObject(file);
        }
    }
}
