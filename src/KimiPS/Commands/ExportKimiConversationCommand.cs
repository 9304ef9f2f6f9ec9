using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Saves a conversation to a JSON file.</summary>
/// <remarks>
/// Export-KimiConversation writes a conversation (every message, with reasoning, tool calls and image parts,
/// plus its model and creation time) to a UTF-8 JSON file that Import-KimiConversation reads back. The
/// messages use the API's field names, so the file is also readable by other tools. The file is replaced
/// unless -NoClobber is given.
/// </remarks>
/// <example>
/// <code>PS> Export-KimiConversation -Conversation $c -Path .\support-chat.json</code>
/// <para>Saves the conversation in $c.</para>
/// </example>
/// <example>
/// <code>PS> $c | Export-KimiConversation .\chat.json -NoClobber -PassThru</code>
/// <para>Saves a piped conversation, refusing to replace an existing file, and returns the file.</para>
/// </example>
[Cmdlet(VerbsData.Export, "KimiConversation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class ExportKimiConversationCommand : KimiCmdlet
{
    /// <summary>The file to write. Relative paths are relative to the current location.</summary>
    [Parameter(Mandatory = true, Position = 0, HelpMessage = "The JSON file to write.")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

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

    protected override void ProcessRecord()
    {
        var path = GetUnresolvedProviderPathFromPSPath(Path);
        if (!ShouldProcess(path, $"Save a conversation of {Conversation.Messages.Count} messages")) return;
        if (Try(path, () => ConversationJson.Save(Conversation, path, NoClobber)) && PassThru) WriteObject(new FileInfo(path));
    }
}
