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
}

/// <summary>Names of System.Management.Automation.ErrorCategory values the client uses (the core does not reference SMA).</summary>
public static class KimiErrorCategories
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
}
