using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Gets the text Kimi extracted from an uploaded file.</summary>
/// <remarks>
/// Get-KimiFileContent returns a KimiFileContent whose Content is the text Kimi extracted from a file uploaded
/// with purpose file-extract (PDF, Word, Excel, PowerPoint, text, code…). Piped to Invoke-KimiChat, it becomes a
/// system message, as Kimi expects documents. With -Id (bound from Send-KimiFile or Get-KimiFile output, or a
/// file id string), the file is already uploaded; it stays on the account unless -RemoveFile is given, which
/// deletes it once its text was read (a file whose text could not be read is kept, so it can be tried again).
/// With -Path or -LiteralPath (and Get-ChildItem output), the file is uploaded, its text fetched, and the upload
/// deleted again unless -KeepFile is given, so nothing is left on the account. A piped string is a -Path; when no
/// local file has that name and it is shaped like a file id (file_…), it is read as an -Id. A failed file's
/// error carries an object that pipes back: $failed.TargetObject | Get-KimiFileContent tries it again.
/// </remarks>
/// <example>
/// <code>PS> Get-KimiFileContent -Path .\manual.pdf | Invoke-KimiChat 'How do I reset the device?'</code>
/// <para>Extracts the text of a PDF (without keeping it on the account) and asks a question about it.</para>
/// </example>
/// <example>
/// <code>PS> Get-ChildItem *.pdf | Send-KimiFile | Get-KimiFileContent -RemoveFile | Invoke-KimiChat 'Summarize'</code>
/// <para>Uploads the PDFs, reads their text, deletes each upload once its text is read, and summarizes each one.</para>
/// </example>
/// <example>
/// <code>PS> Get-KimiFile -Name *.docx | Get-KimiFileContent | Select-Object FileName, Length</code>
/// <para>Gets the extracted text of every uploaded Word document and shows its length.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "KimiFileContent", DefaultParameterSetName = PathSet)]
[OutputType(typeof(KimiFileContent))]
public sealed class GetKimiFileContentCommand : KimiApiCmdlet
{
    private const string IdSet = "Id";
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>The id of an uploaded file (purpose file-extract). Bound from a piped KimiFile, or a piped id string.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet, HelpMessage = "The id of an uploaded file.")]
    [Alias("FileId")]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    /// <summary>The file's name, to label the output; bound from a piped KimiFile.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    public string? FileName { get; set; }

    /// <summary>With -Id: delete the uploaded file once its text was read (a file whose text could not be read is kept).</summary>
    [Parameter(ParameterSetName = IdSet)]
    public SwitchParameter RemoveFile { get; set; }

    /// <summary>Local files to upload and extract. Wildcards are allowed. A string shaped like a file id (file_…) that names no local file is read as -Id.</summary>
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

    /// <summary>With -Id: how many files are read at once (default 1), as in Send-KimiFile | Get-KimiFileContent -ThrottleLimit 8. Results are still written in input order.</summary>
    [Parameter(ParameterSetName = IdSet)]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 1;

    private OrderedWorkQueue<KimiFile, KimiFileContent>? _queue;

    protected override void BeginProcessing()
    {
        if (ParameterSetName != IdSet || ThrottleLimit <= 1) return;
        var remove = RemoveFile.IsPresent;
        _queue = StartQueue<KimiFile, KimiFileContent>(ThrottleLimit, (client, file, ct) => Guard(() => ReadQueued(client, file, remove, ct)), NoTokens);
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == IdSet)
        {
            // The error's TargetObject pipes back to -Id (by property name) with the name still attached.
            var file = new KimiFile { Id = Id, FileName = FileName ?? "" };
            if (_queue != null)
            {
                var queue = _queue;
                if (TryItem(file, () => queue.Add(file))) WriteResults(queue.TakeReady(), input => input);
                return;
            }
            Read(Id, string.IsNullOrEmpty(FileName) ? null : FileName, file, RemoveFile);
            return;
        }

        var literal = ParameterSetName == LiteralPathSet;
        foreach (var input in literal ? LiteralPath : Path)
        {
            if (!literal && FileChecks.LooksLikeId(input) && !InvokeProvider.Item.Exists(input, force: true, literalPath: true))
            {
                Read(input, null, input, remove: false);
                continue;
            }
            foreach (var path in ResolvePaths(new[] { input }, literal))
            {
                KimiFileContent? result = null;
                if (TryItem(Target(path), () => result = Extract(path, literal ? "LiteralPath" : "Path"))) WriteObject(result);
            }
        }
    }

    protected override void EndProcessing()
    {
        if (_queue != null) WriteResults(_queue.Finish(), input => input);
    }

    /// <summary>Worker thread (-ThrottleLimit): one file's text, then its deletion with -RemoveFile; warnings are posted.</summary>
    private KimiFileContent ReadQueued(KimiClient client, KimiFile file, bool remove, CancellationToken ct)
    {
        var name = string.IsNullOrEmpty(file.FileName) ? null : file.FileName;
        var content = new KimiFileContent(file.Id, name, client.GetFileContent(file.Id, ct));
        if (remove)
        {
            var failure = TryDelete(client, file.Id);
            if (failure != null) Post(() => Warn(CleanupWarning(file.Id, name ?? file.Id, failure)));
        }
        return content;
    }

    /// <summary>One uploaded file's text; with <paramref name="remove"/>, the file is deleted once the text is in hand.</summary>
    private void Read(string id, string? name, object target, bool remove)
    {
        KimiFileContent? result = null;
        var client = Client;
        if (!TryItem(target, () => result = new KimiFileContent(id, name, Wait(ct => client.GetFileContent(id, ct))))) return;
        if (remove) Delete(client, id, name ?? id);
        WriteObject(result);
    }

    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(15);

    private KimiFileContent Extract(string path, string parameterName)
    {
        var client = Client;
        var file = Wait(ct => FileUpload.Run(client, path, "file-extract", parameterName, 1, Post, WriteProgress, ct));
        try
        {
            return new KimiFileContent(file.Id, file.FileName, Wait(ct => client.GetFileContent(file.Id, ct)));
        }
        finally
        {
            if (!KeepFile) Delete(client, file.Id, file.FileName);
        }
    }

    /// <summary>
    /// A failed clean-up must not lose the text already extracted: it is a warning naming the file to delete.
    /// The delete has its own short deadline rather than the stop token, so a Ctrl+C during the extraction
    /// still removes the uploaded copy instead of leaving it on the account.
    /// </summary>
    private void Delete(KimiClient client, string id, string name)
    {
        var failure = Wait(_ => TryDelete(client, id));
        if (failure != null) WriteWarning(CleanupWarning(id, name, failure));
    }

    /// <summary>Any thread: deletes within <see cref="CleanupTimeout"/>; the failure, or null.</summary>
    private static Exception? TryDelete(KimiClient client, string id)
    {
        try
        {
            using var deadline = new CancellationTokenSource(CleanupTimeout);
            client.DeleteFile(id, deadline.Token);
            return null;
        }
        catch (Exception ex) when (ex is KimiException or OperationCanceledException)
        {
            return ex;
        }
    }

    private static string CleanupWarning(string id, string name, Exception failure) =>
        $"The uploaded copy {id} ({name}) could not be deleted: {failure.Message} Remove it with Remove-KimiFile -Id {id}.";
}
