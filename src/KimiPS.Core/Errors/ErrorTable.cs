namespace KimiPS.Core;

/// <summary>
/// The catalogue of DESIGN.md §3.4 in one place: category, retry default, summary and recommended
/// action per error id. The actions render the seeds' "solution" columns (seed 000 "解决方案",
/// seed 001 "详细描述") in English and Simplified Chinese (Text/Msg.Catalog.cs), so a user reads the vendor's own advice, not ours.
/// </summary>
internal static class ErrorTable
{
    /// <summary>Keys bind to a platform; a mismatch looks exactly like a bad key (reference §1), so every 401 says so.</summary>
    internal static string KeyPlatformHint => Msg.KeyPlatformHint;

    internal static string ListModelsHint => Msg.ListModelsHint;

    public static readonly IReadOnlyDictionary<string, CatalogEntry> Entries = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal)
    {
        [KimiErrorIds.ContentFiltered] = new(KimiErrorCategories.InvalidData, false, Msg.ContentFilteredSummary, Msg.ContentFilteredAction),
        [KimiErrorIds.InvalidRequest] = new(KimiErrorCategories.InvalidArgument, false, Msg.InvalidRequestSummary, Msg.InvalidRequestAction),
        [KimiErrorIds.ContextLengthExceeded] = new(KimiErrorCategories.LimitsExceeded, false, Msg.ContextLengthExceededSummary, Msg.ContextLengthExceededAction),
        [KimiErrorIds.FileTooLarge] = new(KimiErrorCategories.LimitsExceeded, false, Msg.FileTooLargeSummary, Msg.FileTooLargeAction),
        [KimiErrorIds.FileEmpty] = new(KimiErrorCategories.InvalidData, false, Msg.FileEmptySummary, Msg.FileEmptyAction),
        [KimiErrorIds.FileCountExceeded] = new(KimiErrorCategories.QuotaExceeded, false, Msg.FileCountExceededSummary, Msg.FileCountExceededAction),
        [KimiErrorIds.AuthenticationFailed] = new(KimiErrorCategories.AuthenticationError, false, Msg.AuthenticationFailedSummary, Msg.AuthenticationFailedAction),
        [KimiErrorIds.PermissionDenied] = new(KimiErrorCategories.PermissionDenied, false, Msg.PermissionDeniedSummary, Msg.PermissionDeniedAction),
        [KimiErrorIds.QuotaExceeded] = new(KimiErrorCategories.QuotaExceeded, false, Msg.QuotaExceededSummary, Msg.QuotaExceededAction),
        [KimiErrorIds.NotFound] = new(KimiErrorCategories.ObjectNotFound, false, Msg.NotFoundSummary, Msg.NotFoundAction),
        [KimiErrorIds.ModelNotFound] = new(KimiErrorCategories.ObjectNotFound, false, Msg.ModelNotFoundSummary, Msg.ModelNotFoundAction),
        [KimiErrorIds.RateLimitReached] = new(KimiErrorCategories.LimitsExceeded, true, Msg.RateLimitReachedSummary, Msg.RateLimitReachedAction),
        [KimiErrorIds.EngineOverloaded] = new(KimiErrorCategories.ResourceBusy, true, Msg.EngineOverloadedSummary, Msg.EngineOverloadedAction),
        [KimiErrorIds.ServerError] = new(KimiErrorCategories.ResourceUnavailable, true, Msg.ServerErrorSummary, Msg.ServerErrorAction),
        [KimiErrorIds.Timeout] = new(KimiErrorCategories.OperationTimeout, true, Msg.TimeoutSummary, Msg.TimeoutAction),
        [KimiErrorIds.ConnectionFailed] = new(KimiErrorCategories.ConnectionError, true, Msg.ConnectionFailedSummary, Msg.ConnectionFailedAction),
        [KimiErrorIds.ProtocolError] = new(KimiErrorCategories.ProtocolError, false, Msg.ProtocolErrorSummary, Msg.ProtocolErrorAction),
    };

    public static CatalogEntry Get(string errorId) => Entries[errorId];
}
