using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Uploads files to Kimi.</summary>
/// <remarks>
/// Send-KimiFile uploads each file (streamed from disk, with a progress bar) and returns a KimiFile. Files are
/// checked before any byte is sent: a missing path, a directory, an empty file or one over 100 MB is an error
/// for that file only, and the other files are still uploaded; so is any other failure of one file. Each error's
/// TargetObject is the file (a FileInfo), so the failed files re-run with $failed.TargetObject | Send-KimiFile.
/// Any name the file system allows uploads under its exact name (quotes and line breaks included). Pipe the result to Get-KimiFileContent for the
/// extracted text, or straight to Invoke-KimiChat. Use -Purpose image or video for media referenced by
/// ms://file-id, and batch for Batch API input. -ThrottleLimit uploads several files at once and still
/// writes the results in input order.
/// </remarks>
/// <example>
/// <code>PS> Send-KimiFile .\contract.pdf</code>
/// <para>Uploads one file for text extraction.</para>
/// </example>
/// <example>
/// <code>PS> Get-ChildItem .\reports -Filter *.docx | Send-KimiFile -ThrottleLimit 4</code>
/// <para>Uploads every Word document of a folder, four at a time.</para>
/// </example>
/// <example>
/// <code>PS> Get-ChildItem *.pdf | Send-KimiFile | Get-KimiFileContent | Invoke-KimiChat 'List the key dates.'</code>
/// <para>Uploads the PDFs, gets their text and asks a question about each.</para>
/// </example>
[Cmdlet(VerbsCommunications.Send, "KimiFile", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(KimiFile))]
public sealed class SendKimiFileCommand : KimiApiCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private OrderedWorkQueue<string, KimiFile>? _queue;
    private int _activity;

    /// <summary>The files to upload. Wildcards are allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet, HelpMessage = "The file(s) to upload.")]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>The files to upload, exactly as written (no wildcards). Bound from Get-ChildItem output by PSPath or FullName.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet, HelpMessage = "The file(s) to upload.")]
    [Alias("PSPath", "LP", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>file-extract (default: the text is extracted for chat), image, video, or batch.</summary>
    [Parameter]
    [ValidateSet("file-extract", "image", "video", "batch")]
    public string Purpose { get; set; } = "file-extract";

    /// <summary>How many files upload at once (default 1). Results are still written in input order.</summary>
    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 1;

    private string ParameterName => ParameterSetName == LiteralPathSet ? "LiteralPath" : "Path";

    protected override void BeginProcessing()
    {
        if (ThrottleLimit <= 1) return;
        var purpose = Purpose;
        var parameterName = ParameterName;
        _queue = StartQueue<string, KimiFile>(ThrottleLimit,
            (client, path, ct) => FileUpload.Run(client, path, purpose, parameterName, NextActivity(), Post, WriteProgress, ct), NoTokens);
    }

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var path in ResolvePaths(literal ? LiteralPath : Path, literal))
        {
            if (!ShouldProcess(path, $"Upload to Kimi ({Purpose})")) continue;
            if (_queue != null)
            {
                var queue = _queue;
                if (TryItem(Target(path), () => queue.Add(path))) WriteResults(queue.TakeReady(), Target);
                continue;
            }
            KimiFile? file = null;
            var client = Client;
            if (TryItem(Target(path), () => file = Wait(ct => FileUpload.Run(client, path, Purpose, ParameterName, 1, Post, WriteProgress, ct)))) WriteObject(file);
        }
    }

    protected override void EndProcessing()
    {
        if (_queue != null) WriteResults(_queue.Finish(), Target);
    }

    /// <summary>One progress bar per concurrent upload.</summary>
    private int NextActivity() => Interlocked.Increment(ref _activity);
}
