namespace KimiPS.Core;

/// <summary>Error ids of the Batch API's results and checks, beside <see cref="KimiErrorIds"/>. Stable: scripts branch on them.</summary>
public static class KimiBatchErrorIds
{
    /// <summary>Results were asked for before the batch finished.</summary>
    public const string NotFinished = "KimiBatchNotFinished";
    /// <summary>A request of the batch is in neither its output nor its error file.</summary>
    public const string RequestMissing = "KimiBatchRequestMissing";
    /// <summary>The batch expired before this request ran.</summary>
    public const string RequestExpired = "KimiBatchRequestExpired";
    /// <summary>The batch was cancelled before this request ran.</summary>
    public const string RequestCancelled = "KimiBatchRequestCancelled";
    /// <summary>A -Path that is not a manifest written by Start-KimiBatch, or one of another batch.</summary>
    public const string InvalidManifest = "KimiInvalidBatchManifest";
    /// <summary>Wait-KimiBatch -TimeoutSec passed before the batch finished (the batch goes on).</summary>
    public const string WaitTimedOut = "KimiBatchWaitTimedOut";
}

/// <summary>Builds the batch errors; messages say what happened to the request and what to do (DESIGN.md §7).</summary>
internal static class BatchErrors
{
    public static KimiException NotFinished(KimiBatch batch) =>
        new(KimiBatchErrorIds.NotFinished, "InvalidOperation",
            Msg.BatchNotFinished.Format(batch.Id, batch.Status, batch.CompletedRequests, batch.FailedRequests, batch.TotalRequests),
            Msg.BatchNotFinishedFix.Format(batch.Id));

    public static KimiException Missing(string customId, KimiBatch batch) =>
        new(KimiBatchErrorIds.RequestMissing, KimiErrorCategories.ObjectNotFound,
            Msg.BatchRequestMissing.Format(customId, batch.Id, batch.Status),
            batch.Status == "failed"
                ? Msg.BatchFailedValidationFix
                : Msg.BatchSendAgainFix);

    public static KimiException Expired(string customId, string? message) =>
        new(KimiBatchErrorIds.RequestExpired, KimiErrorCategories.OperationTimeout,
            Msg.BatchRequestExpired.Format(customId, Detail(message)),
            Msg.BatchRequestExpiredFix);

    public static KimiException Cancelled(string customId, string? message) =>
        new(KimiBatchErrorIds.RequestCancelled, "OperationStopped",
            Msg.BatchRequestCancelled.Format(customId, Detail(message)),
            Msg.BatchRequestCancelledFix);

    public static KimiException InvalidManifest(string path, string problem) =>
        new(KimiBatchErrorIds.InvalidManifest, KimiErrorCategories.InvalidData,
            Msg.BatchInvalidManifest.Format(path, problem),
            Msg.BatchInvalidManifestFix);

    public static KimiException WaitTimedOut(KimiBatch batch, TimeSpan limit) =>
        new(KimiBatchErrorIds.WaitTimedOut, KimiErrorCategories.OperationTimeout,
            Msg.BatchWaitTimedOut.Format(batch.Id, batch.Status, TimeText.Seconds(limit)),
            Msg.BatchWaitTimedOutFix.Format(batch.Id, batch.Id));

    private static string Detail(string? message) => string.IsNullOrWhiteSpace(message) ? "" : $" ({message!.Trim()})";
}
