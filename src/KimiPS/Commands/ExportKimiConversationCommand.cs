using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Saves a conversation to a JSON file.</summary>
/// <remarks>
/// Export-KimiConversation writes a conversation (every message, with reasoning, tool calls and image parts,
/// plus its model and creation time) to a UTF-8 JSON file that Import-KimiConversation reads back. The
/// messages use the API's field names, so the file is also readable by other tools. The file is replaced
/// unless -NoClobber is given. A file holds one conversation: when several are piped to one command, the first
/// is written and each other one is a KimiPathAlreadyWritten error whose TargetObject is that conversation.
/// -Path resolves wildcards as built-in cmdlets do: to exactly one existing file, or it is an error (use
/// -LiteralPath for a name with wildcard characters). The path must be on the FileSystem provider and must not
/// be a directory; a bad path is a terminating error before anything is written.
/// </remarks>
/// <example>
/// <code>PS> Export-KimiConversation -Conversation $c -Path .\support-chat.json</code>
/// <para>Saves the conversation in $c.</para>
/// </example>
/// <example>
/// <code>PS> $c | Export-KimiConversation .\chat.json -NoClobber -PassThru</code>
/// <para>Saves a piped conversation, refusing to replace an existing file, and returns the file.</para>
/// </example>
/// <example>
/// <code>PS> $i = 0; $conversations | ForEach-Object { $i++; $_ | Export-KimiConversation ".\chat-$i.json" }</code>
/// <para>Saves several conversations, one file each.</para>
/// </example>
[Cmdlet(VerbsData.Export, "KimiConversation", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class ExportKimiConversationCommand : KimiCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private string _path = "";
    private bool _written;

    /// <summary>The file to write. Relative paths are relative to the current location; wildcards must match exactly one existing file.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, HelpMessage = "The JSON file to write.")]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string Path { get; set; } = "";

    /// <summary>The file to write, exactly as written (no wildcards).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, HelpMessage = "The JSON file to write.")]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = "";

    /// <summary>The conversation to save.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, HelpMessage = "The conversation to save (from New-KimiConversation).")]
    [ValidateNotNull]
    public KimiConversation Conversation { get; set; } = null!;

    /// <summary>Does not replace an existing file.</summary>
    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Returns the written file.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private string ParameterName => ParameterSetName == LiteralPathSet ? "LiteralPath" : "Path";

    /// <summary>The path is the same for every piped conversation: resolve it once, and refuse a bad one before writing.</summary>
    protected override void BeginProcessing()
    {
        var literal = ParameterSetName == LiteralPathSet;
        try
        {
            _path = OutputPaths.Resolve(SessionState.Path, literal ? LiteralPath : Path, ParameterName, literal);
        }
        catch (KimiException ex)
        {
            ThrowTerminating(ex, literal ? LiteralPath : Path);
        }
    }

    protected override void ProcessRecord()
    {
        var conversation = Conversation;
        if (_written)
        {
            Report(ModuleErrors.PathAlreadyWritten(ParameterName, _path), conversation);
            return;
        }
        if (!ShouldProcess(_path, $"Save a conversation of {conversation.Messages.Count} messages")) return;
        if (!TryItem(conversation, () => ConversationJson.Save(conversation, _path, NoClobber))) return;
        _written = true;
        if (PassThru) WriteObject(new FileInfo(_path));
    }
}
