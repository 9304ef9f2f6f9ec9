using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Gets the text Kimi extracted from an uploaded file.</summary>
/// <remarks>
/// Get-KimiFileContent returns a KimiFileContent whose Content is the text Kimi extracted from a file uploaded
/// with purpose file-extract (PDF, Word, Excel, PowerPoint, text, code…). Piped to Invoke-KimiChat, it becomes a
/// system message, as Kimi expects documents. With -Id (bound from Send-KimiFile or Get-KimiFile output), the file
/// is already uploaded. With -Path or -LiteralPath, the file is uploaded, its text fetched, and the upload
/// deleted again unless -KeepFile is given, so nothing is left on the account.
/// </remarks>
/// <example>
/// <code>PS> Get-KimiFileContent -Path .\manual.pdf | Invoke-KimiChat 'How do I reset the device?'</code>
/// <para>Extracts the text of a PDF (without keeping it on the account) and asks a question about it.</para>
/// </example>
/// <example>
/// <code>PS> Get-KimiFile -Name *.docx | Get-KimiFileContent | Select-Object FileName, Length</code>
/// <para>Gets the extracted text of every uploaded Word document and shows its length.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "KimiFileContent", DefaultParameterSetName = IdSet)]
[OutputType(typeof(KimiFileContent))]
public sealed class GetKimiFileContentCommand : KimiFileCmdlet
{
    private const string IdSet = "Id";
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>The id of an uploaded file (purpose file-extract).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet, HelpMessage = "The id of an uploaded file.")]
    [Alias("FileId")]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    /// <summary>The file's name, to label the output; bound from a piped KimiFile.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    public string? FileName { get; set; }

    /// <summary>Local files to upload and extract. Wildcards are allowed.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PathSet, HelpMessage = "The local file(s) to extract.")]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>Local files to upload and extract, exactly as written. Bound from Get-ChildItem output.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet, HelpMessage = "The local file(s) to extract.")]
    [Alias("PSPath", "LP", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>With -Path or -LiteralPath: keep the uploaded file on the account instead of deleting it.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    public SwitchParameter KeepFile { get; set; }

    /// <summary>A connection from Connect-Kimi -PassThru, instead of the session's.</summary>
    [Parameter]
    [ValidateNotNull]
    public KimiConnection? Connection { get; set; }

    internal override KimiConnection? ConnectionParameter => Connection;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == IdSet)
        {
            string content = "";
            if (Try(Id, () => content = Call((client, ct) => client.GetFileContent(Id, ct))))
                WriteObject(new KimiFileContent(Id, string.IsNullOrEmpty(FileName) ? null : FileName, content));
            return;
        }

        var literal = ParameterSetName == LiteralPathSet;
        foreach (var path in ResolvePaths(literal ? LiteralPath : Path, literal))
        {
            KimiFileContent? result = null;
            if (Try(path, () => result = Extract(path))) WriteObject(result);
        }
    }

    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(15);

    private KimiFileContent Extract(string path)
    {
        var client = Client;
        var file = Wait(ct => Upload(client, path, "file-extract", 1, Post, WriteProgress, ct));
        try
        {
            return new KimiFileContent(file.Id, file.FileName, Wait(ct => client.GetFileContent(file.Id, ct)));
        }
        finally
        {
            if (!KeepFile) Delete(client, file);
        }
    }

    /// <summary>
    /// A failed clean-up must not lose the text already extracted: it is a warning naming the file to delete.
    /// The delete has its own short deadline rather than the stop token, so a Ctrl+C during the extraction
    /// still removes the uploaded copy instead of leaving it on the account.
    /// </summary>
    private void Delete(KimiClient client, KimiFile file)
    {
        try
        {
            Wait(_ =>
            {
                using var deadline = new CancellationTokenSource(CleanupTimeout);
                client.DeleteFile(file.Id, deadline.Token);
                return true;
            });
        }
        catch (Exception ex) when (ex is KimiException or OperationCanceledException)
        {
            WriteWarning($"The uploaded copy {file.Id} ({file.FileName}) could not be deleted: {ex.Message} Remove it with Remove-KimiFile -Id {file.Id}.");
        }
    }
}
