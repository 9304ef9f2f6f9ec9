namespace KimiPS.Core;

/// <summary>The fixed error ids (DESIGN.md §3.4). Scripts branch on these through FullyQualifiedErrorId.</summary>
public static class KimiErrorIds
{
    public const string ContentFiltered = "KimiContentFiltered";
    public const string InvalidRequest = "KimiInvalidRequest";
    public const string ContextLengthExceeded = "KimiContextLengthExceeded";
    public const string FileTooLarge = "KimiFileTooLarge";
    public const string FileEmpty = "KimiFileEmpty";
    public const string FileCountExceeded = "KimiFileCountExceeded";
    public const string AuthenticationFailed = "KimiAuthenticationFailed";
    public const string PermissionDenied = "KimiPermissionDenied";
    public const string QuotaExceeded = "KimiQuotaExceeded";
    public const string NotFound = "KimiNotFound";
    public const string ModelNotFound = "KimiModelNotFound";
    public const string RateLimitReached = "KimiRateLimitReached";
    public const string EngineOverloaded = "KimiEngineOverloaded";
    public const string ServerError = "KimiServerError";
    public const string ConnectionFailed = "KimiConnectionFailed";
    public const string Timeout = "KimiTimeout";
    public const string StreamInterrupted = "KimiStreamInterrupted";
    public const string ProtocolError = "KimiProtocolError";
    public const string NotConnected = "KimiNotConnected";
    public const string InvalidParameter = "KimiInvalidParameter";

    // Conditions that exist only at the PowerShell surface (pipeline input, paths, saved conversations).
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
    /// <summary>A file the module could not read or write (permissions).</summary>
    public const string FileAccessDenied = "KimiFileAccessDenied";
    /// <summary>A file the module could not read or write (in use, disk full).</summary>
    public const string FileIOError = "KimiFileIOError";
    /// <summary>Enter-KimiChat in a host that cannot read a line (a job, a runspace without UI).</summary>
    public const string HostNotInteractive = "KimiHostNotInteractive";

    // Batch API results and checks.
    /// <summary>Results were asked for before the batch finished.</summary>
    public const string BatchNotFinished = "KimiBatchNotFinished";
    /// <summary>A request of the batch is in neither its output nor its error file.</summary>
    public const string BatchRequestMissing = "KimiBatchRequestMissing";
    /// <summary>The batch expired before this request ran.</summary>
    public const string BatchRequestExpired = "KimiBatchRequestExpired";
    /// <summary>The batch was cancelled before this request ran.</summary>
    public const string BatchRequestCancelled = "KimiBatchRequestCancelled";
    /// <summary>A -Path that is not a manifest written by Start-KimiBatch, or one of another batch.</summary>
    public const string InvalidBatchManifest = "KimiInvalidBatchManifest";
    /// <summary>Wait-KimiBatch -TimeoutSec passed before the batch finished (the batch goes on).</summary>
    public const string BatchWaitTimedOut = "KimiBatchWaitTimedOut";

    // Saved connections and SecretManagement keys.
    /// <summary>-SecretName was given and Get-Secret (Microsoft.PowerShell.SecretManagement) is not available.</summary>
    public const string SecretManagementMissing = "KimiSecretManagementMissing";
    /// <summary>Get-Secret failed, or returned no usable key.</summary>
    public const string SecretUnavailable = "KimiSecretUnavailable";
    /// <summary>Connect-Kimi -Name found no saved connection of that name.</summary>
    public const string SavedConnectionNotFound = "KimiSavedConnectionNotFound";
    /// <summary>The saved-connections file cannot be read or written.</summary>
    public const string SavedConnectionsUnusable = "KimiSavedConnectionsUnusable";
}

/// <summary>
/// Names of System.Management.Automation.ErrorCategory values any layer uses (the core does not reference SMA); every
/// KimiException's Category comes from here, and a test parses each name as an ErrorCategory.
/// </summary>
internal static class KimiErrorCategories
{
    public const string InvalidData = "InvalidData";
    public const string InvalidArgument = "InvalidArgument";
    public const string LimitsExceeded = "LimitsExceeded";
    public const string QuotaExceeded = "QuotaExceeded";
    public const string AuthenticationError = "AuthenticationError";
    public const string PermissionDenied = "PermissionDenied";
    public const string ObjectNotFound = "ObjectNotFound";
    public const string ResourceBusy = "ResourceBusy";
    public const string ResourceUnavailable = "ResourceUnavailable";
    public const string ConnectionError = "ConnectionError";
    public const string OperationTimeout = "OperationTimeout";
    public const string ProtocolError = "ProtocolError";
    public const string InvalidType = "InvalidType";
    public const string NotSpecified = "NotSpecified";
    public const string InvalidOperation = "InvalidOperation";
    public const string ResourceExists = "ResourceExists";
    public const string WriteError = "WriteError";
    public const string SecurityError = "SecurityError";
    public const string OperationStopped = "OperationStopped";
    public const string NotInstalled = "NotInstalled";
}
