namespace KimiPS.Core;

/// <summary>Builds the module-level errors; messages name the parameter and the fix (DESIGN.md §7).</summary>
internal static class ModuleErrors
{
    public static KimiException UnsupportedInput(string parameterName, object input, string fix) =>
        new(KimiErrorIds.UnsupportedInput, KimiErrorCategories.InvalidType,
            $"Parameter '{parameterName}' cannot use an input of type {input.GetType().FullName}.", fix);

    public static KimiException ToolConfirmationRequired(string command, Exception inner) =>
        new(KimiErrorIds.ToolConfirmationRequired, KimiErrorCategories.PermissionDenied,
            $"The model asked to run {command}, and a tool run needs confirmation, but this host cannot prompt ({inner.Message}).",
            "Pass -Confirm:$false to let the model run the tools without asking (only when you trust the prompt and every document " +
            "the model reads), or run the command in an interactive session.", inner);

    public static KimiException HostNotInteractive(Exception inner) =>
        new(KimiErrorIds.HostNotInteractive, KimiErrorCategories.InvalidOperation,
            $"Enter-KimiChat reads what you type through the host, and this host cannot read a line ({inner.Message}).",
            "Run Enter-KimiChat at an interactive prompt; in a script use Invoke-KimiChat -Conversation for each turn.", inner);

    public static KimiException InvalidConversationFile(string path, string problem) =>
        new(KimiErrorIds.InvalidConversationFile, KimiErrorCategories.InvalidData,
            $"'{path}' is not a KimiPS conversation: {problem}.",
            "Pass a file written by Export-KimiConversation, or a JSON array of chat messages.");

    public static KimiException PathNotFound(string parameterName, string path) =>
        new(KimiErrorIds.PathNotFound, KimiErrorCategories.ObjectNotFound,
            $"Parameter '{parameterName}': cannot find a file at '{path}'.",
            "Check the path; use -LiteralPath when the name contains wildcard characters such as [ ].");

    /// <summary>Wraps what no catalogue entry describes, so one item's failure cannot end the whole pipeline.</summary>
    public static KimiException Unexpected(Exception inner) =>
        new(KimiErrorIds.UnexpectedError, KimiErrorCategories.NotSpecified,
            $"Unexpected {inner.GetType().FullName}: {inner.Message}",
            "This is a KimiPS defect; please report it with this error's Exception.InnerException. The other items were processed.", inner);

    public static KimiException PathAlreadyWritten(string parameterName, string path) =>
        new(KimiErrorIds.PathAlreadyWritten, KimiErrorCategories.InvalidOperation,
            $"Parameter '{parameterName}': this command already wrote a conversation to '{path}'; a file holds one conversation, so this one was not saved.",
            "Export each conversation to its own file, for example: $list | ForEach-Object { $i++; $_ | Export-KimiConversation \"chat-$i.json\" }.");

    public static KimiException FileExists(string path) =>
        new(KimiErrorIds.FileExists, KimiErrorCategories.ResourceExists,
            $"'{path}' already exists and -NoClobber was given.",
            "Choose another -Path, or omit -NoClobber to overwrite the file.");
}
