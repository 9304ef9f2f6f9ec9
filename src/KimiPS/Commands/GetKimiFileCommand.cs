using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Lists the files uploaded to Kimi, or gets files by id.</summary>
/// <remarks>
/// Without -Id, Get-KimiFile lists every file of the account (at most 1000 are kept), optionally filtered by
/// file name with -Name (wildcards allowed). A -Name without wildcards that matches no file is a KimiNotFound
/// error (ObjectNotFound), as for Get-Process -Name; a wildcard that matches nothing writes nothing. With -Id, it
/// gets those files; ids bind from piped strings and from piped objects that have an Id or FileId property. A file
/// that does not exist is a KimiNotFound error for that id only, whose TargetObject is the id.
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
/// <example>
/// <code>PS> 'file_abc123', 'file_def456' | Get-KimiFile</code>
/// <para>Gets files by piped ids.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "KimiFile", DefaultParameterSetName = ListSet)]
[OutputType(typeof(KimiFile))]
public sealed class GetKimiFileCommand : KimiApiCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";

    /// <summary>Only files whose name matches (wildcards allowed). A name without wildcards that matches no file is an error.</summary>
    [Parameter(Position = 0, ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    /// <summary>The ids of the files to get; bound from piped strings, or from the Id (or FileId) of piped objects.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet, HelpMessage = "The file id(s), for example file_abc123.")]
    [Alias("FileId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        if (ParameterSetName == IdSet)
        {
            foreach (var id in Id)
            {
                KimiFile? file = null;
                if (TryItem(id, () => file = Call((client, ct) => client.GetFile(id, ct)))) WriteObject(file);
            }
            return;
        }

        var patterns = Patterns();
        IReadOnlyList<KimiFile> files = Array.Empty<KimiFile>();
        if (!TryItem(null, () => files = Call((client, ct) => client.ListFiles(ct)))) return;
        var matched = new bool[patterns.Count];
        foreach (var file in files)
        {
            var hit = patterns.Count == 0;
            for (var i = 0; i < patterns.Count; i++)
            {
                if (!patterns[i].Pattern.IsMatch(file.FileName)) continue;
                matched[i] = true;
                hit = true;
            }
            if (hit) WriteObject(file);
        }
        // As built-in cmdlets do: a literal name that matched nothing is an error; a wildcard is only a filter.
        for (var i = 0; i < patterns.Count; i++)
        {
            var name = patterns[i].Name;
            if (matched[i] || WildcardPattern.ContainsWildcardCharacters(name)) continue;
            Report(NameNotFound(name), name);
        }
    }

    /// <summary>-Name as patterns, checked before anything is sent: a malformed wildcard ('a[') is a bad parameter.</summary>
    private List<(string Name, WildcardPattern Pattern)> Patterns()
    {
        var list = new List<(string, WildcardPattern)>();
        foreach (var name in Name ?? Array.Empty<string>())
        {
            var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
            try
            {
                pattern.IsMatch("");
            }
            catch (WildcardPatternException)
            {
                ThrowTerminating(Errors.InvalidParameter("Name", $"'{name}' is not a valid wildcard pattern",
                    "Escape [ and ] with a backtick (`[), or use a pattern such as *.pdf."), name);
            }
            list.Add((name, pattern));
        }
        return list;
    }

    private static KimiException NameNotFound(string name)
    {
        var hint = FileChecks.LooksLikeId(name)
            ? $"'{name}' looks like a file id: use Get-KimiFile -Id {name} (or pipe the id)."
            : "Run Get-KimiFile to list the uploaded files; to get a file by id, use -Id.";
        return new KimiException(KimiErrorIds.NotFound, KimiErrorCategories.ObjectNotFound,
            $"No uploaded file is named '{name}' (parameter 'Name').", hint);
    }
}
