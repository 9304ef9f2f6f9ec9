namespace KimiPS.Core;

/// <summary>
/// Error ids the module adds to the client's catalogue (<see cref="KimiErrorIds"/>): conditions that only
/// exist at the PowerShell surface (pipeline input, paths, saved conversations). Stable: scripts branch on them.
/// </summary>
public static class KimiModuleErrorIds
{
    /// <summary>An object piped to a cmdlet that it cannot use.</summary>
    public const string UnsupportedInput = "KimiUnsupportedInput";
    /// <summary>Invoke-KimiChat -InvokeTools must confirm a tool run, and the host cannot ask (non-interactive).</summary>
    public const string ToolConfirmationRequired = "KimiToolConfirmationRequired";
    /// <summary>A file that is not a KimiPS conversation (Import-KimiConversation).</summary>
    public const string InvalidConversationFile = "KimiInvalidConversationFile";
    /// <summary>A -Path or -LiteralPath that does not resolve to a file-system item.</summary>
    public const string PathNotFound = "KimiPathNotFound";
    /// <summary>An exception the module did not expect, for one pipeline item: reported for that item, the others go on.</summary>
    public const string UnexpectedError = "KimiUnexpectedError";
    /// <summary>Export-KimiConversation was given a second conversation for the file it already wrote.</summary>
    public const string PathAlreadyWritten = "KimiPathAlreadyWritten";
    /// <summary>Export-KimiConversation -NoClobber found an existing file.</summary>
    public const string FileExists = "KimiFileExists";
    /// <summary>Enter-KimiChat in a host that cannot read a line (a job, a runspace without UI, pwsh -NonInteractive).</summary>
    public const string HostNotInteractive = "KimiHostNotInteractive";
}

/// <summary>Builds the module-level errors; messages name the parameter and the fix (DESIGN.md §7).</summary>
internal static class ModuleErrors
{
    public static KimiException UnsupportedInput(string parameterName, object input, string fix) =>
        new(KimiModuleErrorIds.UnsupportedInput, "InvalidType",
            $"Parameter '{parameterName}' cannot use an input of type {input.GetType().FullName}.", fix);

    public static KimiException ToolConfirmationRequired(string command, Exception inner) =>
        new(KimiModuleErrorIds.ToolConfirmationRequired, KimiErrorCategories.PermissionDenied,
            $"The model asked to run {command}, and a tool run needs confirmation, but this host cannot prompt ({inner.Message}).",
            "Pass -Confirm:$false to let the model run the tools without asking (only when you trust the prompt and every document " +
            "the model reads), or run the command in an interactive session.", inner);

    public static KimiException HostNotInteractive(Exception inner) =>
        new(KimiModuleErrorIds.HostNotInteractive, "InvalidOperation",
            $"Enter-KimiChat reads what you type through the host, and this host cannot read a line ({inner.Message}).",
            "Run Enter-KimiChat at an interactive prompt; in a script use Invoke-KimiChat -Conversation for each turn.", inner);

    public static KimiException InvalidConversationFile(string path, string problem) =>
        new(KimiModuleErrorIds.InvalidConversationFile, KimiErrorCategories.InvalidData,
            $"'{path}' is not a KimiPS conversation: {problem}.",
            "Pass a file written by Export-KimiConversation, or a JSON array of chat messages.");

    public static KimiException PathNotFound(string parameterName, string path) =>
        new(KimiModuleErrorIds.PathNotFound, KimiErrorCategories.ObjectNotFound,
            $"Parameter '{parameterName}': cannot find a file at '{path}'.",
            "Check the path; use -LiteralPath when the name contains wildcard characters such as [ ].");

    /// <summary>Wraps what no catalogue entry describes, so one item's failure cannot end the whole pipeline.</summary>
    public static KimiException Unexpected(Exception inner) =>
        new(KimiModuleErrorIds.UnexpectedError, "NotSpecified",
            $"Unexpected {inner.GetType().FullName}: {inner.Message}",
            "This is a KimiPS defect; please report it with this error's Exception.InnerException. The other items were processed.", inner);

    public static KimiException PathAlreadyWritten(string parameterName, string path) =>
        new(KimiModuleErrorIds.PathAlreadyWritten, "InvalidOperation",
            $"Parameter '{parameterName}': this command already wrote a conversation to '{path}'; a file holds one conversation, so this one was not saved.",
            "Export each conversation to its own file, for example: $list | ForEach-Object { $i++; $_ | Export-KimiConversation \"chat-$i.json\" }.");

    public static KimiException FileExists(string path) =>
        new(KimiModuleErrorIds.FileExists, "ResourceExists",
            $"'{path}' already exists and -NoClobber was given.",
            "Choose another -Path, or omit -NoClobber to overwrite the file.");
}
