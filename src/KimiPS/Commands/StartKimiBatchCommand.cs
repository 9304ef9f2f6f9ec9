using System.Collections;
using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Starts a Kimi batch: many chat requests run on Kimi's side within a completion window, at a lower price.</summary>
/// <remarks>
/// Start-KimiBatch takes KimiBatchRequest objects from the pipeline (made by Invoke-KimiChat -AsBatch) or, with
/// -Prompt, prompts and documents, making the requests itself (one per piped object: a string, a KimiFile or a
/// KimiFileContent, which becomes a system message as with Invoke-KimiChat; no piped object makes one request of the
/// prompt alone; an input that cannot be made into a request is an error for that input, and the batch starts with
/// the others). It writes the requests as a JSONL file, uploads it with purpose batch, creates the batch and writes
/// a KimiBatch. Checked before anything is sent: one model per batch, unique custom ids, Kimi's 100 MB file limit,
/// -CompletionWindow from 12h to 7d, and -Metadata of at most 16 pairs (keys up to 64, values up to 512 characters).
///
/// The KimiBatch remembers its requests (Requests), so Receive-KimiBatch can join each result to its input. With
/// -Path, they are also saved in a manifest file (JSON, with each input as CliXml; no key), so Receive-KimiBatch
/// -Path can join them in another session. The local JSONL file is deleted once uploaded; the uploaded input file is
/// deleted by Receive-KimiBatch (unless -Keep). -WhatIf reports the batch and sends nothing.
/// </remarks>
/// <example>
/// <code>PS> Get-ChildItem *.pdf | Send-KimiFile | Get-KimiFileContent | Start-KimiBatch -Prompt 'Summarize this document.' -Path .\summaries.json</code>
/// <para>Starts one batch with a summary request per PDF and saves the manifest that joins the results to the documents later.</para>
/// </example>
/// <example>
/// <code>PS> Get-Content questions.txt | Invoke-KimiChat -AsBatch -Model kimi-k2.6 | Start-KimiBatch -CompletionWindow 3d -Metadata @{ project = 'faq' }</code>
/// <para>Makes a request per line with Invoke-KimiChat's options and starts them as one batch with a three-day window.</para>
/// </example>
/// <example>
/// <code>PS> $batch = Get-Content questions.txt | Start-KimiBatch -Prompt 'Answer briefly.'
/// PS> $batch | Wait-KimiBatch | Receive-KimiBatch | Select-Object CustomId, Content</code>
/// <para>Starts a batch, waits for it and writes the answers in the order of the questions.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Start, "KimiBatch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = RequestSet)]
[OutputType(typeof(KimiBatch))]
public sealed class StartKimiBatchCommand : KimiApiCmdlet
{
    private const string RequestSet = "Request";
    private const string PromptSet = "Prompt";

    private readonly List<KimiBatchRequest> _requests = new();
    private Dictionary<string, string>? _metadata;
    private string? _manifestPath;
    private BatchRequestMaker? _maker;
    private bool _sawInput;

    /// <summary>The requests, from Invoke-KimiChat -AsBatch.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RequestSet, HelpMessage = "KimiBatchRequest objects from Invoke-KimiChat -AsBatch.")]
    [ValidateNotNull]
    public KimiBatchRequest[] Request { get; set; } = Array.Empty<KimiBatchRequest>();

    /// <summary>The instruction for every request; each piped object (text, a KimiFile or a KimiFileContent) is the material of one request.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PromptSet, HelpMessage = "The prompt for every request, for example 'Summarize this document.'")]
    [ValidateNotNullOrEmpty]
    public string Prompt { get; set; } = "";

    /// <summary>With -Prompt: the material of one request (text, a KimiFile from Send-KimiFile, a KimiFileContent from Get-KimiFileContent).</summary>
    [Parameter(ValueFromPipeline = true, ParameterSetName = PromptSet)]
    public PSObject? InputObject { get; set; }

    /// <summary>With -Prompt: the model (default: the connection's). A batch runs one model.</summary>
    [Parameter(ParameterSetName = PromptSet)]
    [ArgumentCompleter(typeof(KimiModelCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Model { get; set; }

    /// <summary>With -Prompt: a system message before each request's material.</summary>
    [Parameter(ParameterSetName = PromptSet)]
    public string? SystemPrompt { get; set; }

    /// <summary>With -Prompt: the most tokens each answer may have.</summary>
    [Parameter(ParameterSetName = PromptSet)]
    [ValidateRange(1, int.MaxValue)]
    public int MaxTokens { get; set; }

    /// <summary>How long Kimi may take: 12h to 7d, such as 24h (the default) or 3d. Requests not run by then expire.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string CompletionWindow { get; set; } = "24h";

    /// <summary>Up to 16 name/value pairs stored with the batch (names up to 64, values up to 512 characters).</summary>
    [Parameter]
    public Hashtable? Metadata { get; set; }

    /// <summary>A manifest file to write, remembering the requests and their inputs, for Receive-KimiBatch -Path in any session.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    protected override void BeginProcessing()
    {
        try
        {
            _metadata = MetadataOf(Metadata);
            BatchJson.CheckOptions(CompletionWindow, _metadata);
        }
        catch (KimiException ex)
        {
            ThrowTerminating(ex);
        }
        if (Path is not null) _manifestPath = ManifestPath(Path);
        if (ParameterSetName == PromptSet)
        {
            var template = new ChatRequest { Model = Model ?? ActiveConnection.DefaultModel };
            if (MyInvocation.BoundParameters.ContainsKey(nameof(MaxTokens))) template.MaxTokens = MaxTokens;
            _maker = BatchRequestMaker.For(this, template);
        }
    }

    protected override void ProcessRecord()
    {
        if (_maker is null)
        {
            _requests.AddRange(Request.Where(r => r is not null));
            return;
        }
        if (InputObject is null) return;
        _sawInput = true;
        MakeRequest(PipelineInput.Unwrap(InputObject));
    }

    protected override void EndProcessing()
    {
        if (_maker is not null && !_sawInput) MakeRequest(null);
        try
        {
            BatchInputFile.Check(_requests, ParameterSetName == RequestSet ? nameof(Request) : nameof(InputObject));
        }
        catch (KimiException ex)
        {
            ThrowTerminating(ex);
        }
        var model = _requests[0].Model;
        if (!ShouldProcess($"{_requests.Count} requests to {model}, within {CompletionWindow}", "Start Kimi batch")) return;

        KimiBatch? batch = null;
        if (!TryItem(null, () => batch = Call((client, ct) => Guard(() => Upload(client, ct))))) return;
        batch!.Requests = _requests.ToArray();
        if (_manifestPath is not null && TryItem(_manifestPath, () => WriteManifest(batch, _manifestPath))) batch.ManifestPath = _manifestPath;
        WriteObject(batch);
    }

    private void MakeRequest(object? item)
    {
        var input = new ChatInput { Prompt = Prompt, SystemPrompt = SystemPrompt };
        var target = item ?? Prompt;
        TryItem(target, () =>
        {
            ChatInputBuilder.AddPipedObject(input, item);
            _requests.Add(_maker!.Make(input, target, null));
        });
    }

    /// <summary>Worker thread: writes the JSONL locally, uploads it and creates the batch; an upload whose batch was refused is deleted.</summary>
    private KimiBatch Upload(KimiClient client, CancellationToken ct)
    {
        var local = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kimips-batch-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            using (var stream = new FileStream(local, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                BatchInputFile.Write(_requests, stream);
            var file = client.UploadFile(local, "batch", null, ct);
            try
            {
                return client.CreateBatch(file.Id, CompletionWindow, _metadata, ct);
            }
            catch (KimiException)
            {
                try { client.DeleteFile(file.Id, ct); } catch (KimiException) { } // the refusal is the error to report
                throw;
            }
        }
        finally
        {
            try { File.Delete(local); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static void WriteManifest(KimiBatch batch, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        BatchManifest.Write(stream, batch, BatchInputs.Serialize);
    }

    /// <summary>The manifest's file-system path, checked now: its folder must exist and it must not be a folder.</summary>
    private string ManifestPath(string path)
    {
        var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        var folder = System.IO.Path.GetDirectoryName(full);
        if (Directory.Exists(full) || (folder is { Length: > 0 } && !Directory.Exists(folder)))
            ThrowTerminating(Errors.InvalidParameter("Path", $"'{path}' is a folder, or its folder does not exist",
                "Give a file path in an existing folder, such as .\\batch.json."), path);
        return full;
    }

    private static Dictionary<string, string>? MetadataOf(Hashtable? table)
    {
        if (table is null) return null;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry pair in table)
            metadata[LanguagePrimitives.ConvertTo<string>(pair.Key) ?? ""] = pair.Value is null ? "" : LanguagePrimitives.ConvertTo<string>(pair.Value);
        return metadata;
    }
}
