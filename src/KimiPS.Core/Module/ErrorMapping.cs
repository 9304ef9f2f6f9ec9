namespace KimiPS.Core;

/// <summary>How an exception is reported to PowerShell: the ErrorRecord's parts, and whether the pipeline can go on.</summary>
internal sealed class ErrorDescription
{
    public ErrorDescription(string errorId, string category, string message, string? recommendedAction, bool terminating)
    {
        ErrorId = errorId;
        Category = category;
        Message = message;
        RecommendedAction = recommendedAction;
        Terminating = terminating;
    }

    public string ErrorId { get; }
    /// <summary>The name of a PowerShell ErrorCategory value.</summary>
    public string Category { get; }
    public string Message { get; }
    public string? RecommendedAction { get; }
    /// <summary>Nothing more can work (no key, a rejected key): stop the pipeline instead of failing one item.</summary>
    public bool Terminating { get; }
}

/// <summary>
/// Maps the exceptions a cmdlet can meet to ErrorRecord parts. Only the ones we understand: anything else is a
/// bug and should surface as it is. Cancellation is not an error and is never mapped.
/// </summary>
internal static class ErrorMapping
{
    private static readonly ISet<string> TerminatingIds = new HashSet<string>(StringComparer.Ordinal)
    {
        KimiErrorIds.NotConnected,
        KimiErrorIds.AuthenticationFailed,
    };

    public static ErrorDescription? Describe(Exception exception) => exception switch
    {
        OperationCanceledException => null,
        KimiException k => new ErrorDescription(k.ErrorId, k.Category, k.Message, k.RecommendedAction, TerminatingIds.Contains(k.ErrorId)),
        UnauthorizedAccessException u => new ErrorDescription(KimiErrorIds.FileAccessDenied, KimiErrorCategories.PermissionDenied, u.Message,
            "Check the file's permissions, or choose another path.", false),
        FileNotFoundException or DirectoryNotFoundException => new ErrorDescription(KimiErrorIds.PathNotFound, KimiErrorCategories.ObjectNotFound,
            exception.Message, "Check the path.", false),
        IOException io => new ErrorDescription(KimiErrorIds.FileIOError, KimiErrorCategories.WriteError, io.Message, "Check that the file is not in use and the disk is writable.", false),
        _ => null,
    };
}
