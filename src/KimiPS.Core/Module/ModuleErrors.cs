namespace KimiPS.Core;

/// <summary>Builds the module-level errors; messages name the parameter and the fix (DESIGN.md §7).</summary>
internal static class ModuleErrors
{
    public static KimiException UnsupportedInput(string parameterName, object input, string fix) =>
        new(KimiErrorIds.UnsupportedInput, KimiErrorCategories.InvalidType,
            Msg.UnsupportedInput.Format(parameterName, input.GetType().FullName), fix);

    public static KimiException ToolConfirmationRequired(string command, Exception inner) =>
        new(KimiErrorIds.ToolConfirmationRequired, KimiErrorCategories.PermissionDenied,
            Msg.ToolConfirmationRequired.Format(command, inner.Message),
            Msg.ToolConfirmationFix, inner);

    public static KimiException HostNotInteractive(Exception inner) =>
        new(KimiErrorIds.HostNotInteractive, KimiErrorCategories.InvalidOperation,
            Msg.HostNotInteractive.Format(inner.Message),
            Msg.HostNotInteractiveFix, inner);

    public static KimiException InvalidConversationFile(string path, string problem) =>
        new(KimiErrorIds.InvalidConversationFile, KimiErrorCategories.InvalidData,
            Msg.InvalidConversationFile.Format(path, problem),
            Msg.InvalidConversationFileFix);

    public static KimiException PathNotFound(string parameterName, string path) =>
        new(KimiErrorIds.PathNotFound, KimiErrorCategories.ObjectNotFound,
            Msg.PathNotFound.Format(parameterName, path),
            Msg.PathNotFoundFix);

    /// <summary>Wraps what no catalogue entry describes, so one item's failure cannot end the whole pipeline.</summary>
    public static KimiException Unexpected(Exception inner) =>
        new(KimiErrorIds.UnexpectedError, KimiErrorCategories.NotSpecified,
            Msg.UnexpectedError.Format(inner.GetType().FullName, inner.Message),
            Msg.UnexpectedErrorFix, inner);

    public static KimiException PathAlreadyWritten(string parameterName, string path) =>
        new(KimiErrorIds.PathAlreadyWritten, KimiErrorCategories.InvalidOperation,
            Msg.PathAlreadyWritten.Format(parameterName, path),
            Msg.PathAlreadyWrittenFix);

    public static KimiException FileExists(string path) =>
        new(KimiErrorIds.FileExists, KimiErrorCategories.ResourceExists,
            Msg.FileExists.Format(path),
            Msg.FileExistsFix);
}
