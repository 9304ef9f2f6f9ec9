using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Loads a conversation saved by Export-KimiConversation.</summary>
/// <remarks>
/// Import-KimiConversation reads a JSON file written by Export-KimiConversation and returns the conversation,
/// ready for Invoke-KimiChat -Conversation. It also accepts a plain JSON array of chat messages (role, content,
/// reasoning_content, tool_calls…), as other OpenAI-style tools save them. The file may be UTF-8 (with or without a
/// byte order mark) or UTF-16 LE or BE with its byte order mark, as Windows PowerShell 5.1's Out-File writes. A file
/// that is neither, or whose messages have an unknown role or a content that is not text or parts (null content
/// is allowed only on an assistant message with tool_calls, as the API allows), is a KimiInvalidConversationFile
/// error for that file naming the message; the other files go on. A failed file's TargetObject is the file, so
/// $failed.TargetObject | Import-KimiConversation reads it again.
/// </remarks>
/// <example>
/// <code>PS> $c = Import-KimiConversation .\support-chat.json
/// PS> Invoke-KimiChat 'Where were we?' -Conversation $c</code>
/// <para>Continues a saved conversation.</para>
/// </example>
/// <example>
/// <code>PS> Get-ChildItem .\chats\*.json | Import-KimiConversation | Measure-KimiToken</code>
/// <para>Loads every saved conversation and counts the tokens of each.</para>
/// </example>
[Cmdlet(VerbsData.Import, "KimiConversation", DefaultParameterSetName = PathSet)]
[OutputType(typeof(KimiConversation))]
public sealed class ImportKimiConversationCommand : KimiCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>The files to read. Wildcards are allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet, HelpMessage = "The JSON file(s) to read.")]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>The files to read, exactly as written (no wildcards). Bound from Get-ChildItem output.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet, HelpMessage = "The JSON file(s) to read.")]
    [Alias("PSPath", "LP", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        var parameterName = literal ? "LiteralPath" : "Path";
        foreach (var path in ResolvePaths(literal ? LiteralPath : Path, literal))
        {
            KimiConversation? conversation = null;
            if (TryItem(Target(path), () => conversation = Load(path, parameterName))) WriteObject(conversation);
        }
    }

    private static KimiConversation Load(string path, string parameterName)
    {
        if (Directory.Exists(path))
            throw Errors.InvalidParameter(parameterName, $"'{path}' is a directory",
                "Give a conversation file; to read every file of a folder, pipe Get-ChildItem -File -Filter *.json into Import-KimiConversation.");
        return ConversationJson.Load(path);
    }
}
