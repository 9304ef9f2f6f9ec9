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
}

/// <summary>Builds the module-level errors; messages name the parameter and the fix (DESIGN.md §7).</summary>
internal static class ModuleErrors
{
    public static KimiException UnsupportedInput(string parameterName, object input, string fix) =>
        new(KimiModuleErrorIds.UnsupportedInput, "InvalidType",
            Msg.UnsupportedInput.Format(parameterName, input.GetType().FullName), fix);

    public static KimiException ToolConfirmationRequired(string command, Exception inner) =>
        new(KimiModuleErrorIds.ToolConfirmationRequired, KimiErrorCategories.PermissionDenied,
            Msg.ToolConfirmationRequired.Format(command, inner.Message),
            Msg.ToolConfirmationFix, inner);

    public static KimiException InvalidConversationFile(string path, string problem) =>
        new(KimiModuleErrorIds.InvalidConversationFile, KimiErrorCategories.InvalidData,
            Msg.InvalidConversationFile.Format(path, problem),
            Msg.InvalidConversationFileFix);

    public static KimiException PathNotFound(string parameterName, string path) =>
        new(KimiModuleErrorIds.PathNotFound, KimiErrorCategories.ObjectNotFound,
            Msg.PathNotFound.Format(parameterName, path),
            Msg.PathNotFoundFix);

    /// <summary>Wraps what no catalogue entry describes, so one item's failure cannot end the whole pipeline.</summary>
    public static KimiException Unexpected(Exception inner) =>
        new(KimiModuleErrorIds.UnexpectedError, "NotSpecified",
            Msg.UnexpectedError.Format(inner.GetType().FullName, inner.Message),
            Msg.UnexpectedErrorFix, inner);

    public static KimiException PathAlreadyWritten(string parameterName, string path) =>
        new(KimiModuleErrorIds.PathAlreadyWritten, "InvalidOperation",
            Msg.PathAlreadyWritten.Format(parameterName, path),
            Msg.PathAlreadyWrittenFix);

    public static KimiException FileExists(string path) =>
        new(KimiModuleErrorIds.FileExists, "ResourceExists",
            Msg.FileExists.Format(path),
            Msg.FileExistsFix);
}
