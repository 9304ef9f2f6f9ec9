namespace KimiPS.Core;

/// <summary>Builds the batch errors; messages say what happened to the request and what to do (DESIGN.md §7).</summary>
internal static class BatchErrors
{
    public static KimiException NotFinished(KimiBatch batch) =>
        new(KimiErrorIds.BatchNotFinished, KimiErrorCategories.InvalidOperation,
            Msg.BatchNotFinished.Format(batch.Id, batch.Status, batch.CompletedRequests, batch.FailedRequests, batch.TotalRequests),
            Msg.BatchNotFinishedFix.Format(batch.Id));

    public static KimiException Missing(string customId, KimiBatch batch) =>
        new(KimiErrorIds.BatchRequestMissing, KimiErrorCategories.ObjectNotFound,
            Msg.BatchRequestMissing.Format(customId, batch.Id, batch.Status),
            batch.Status == "failed"
                ? Msg.BatchFailedValidationFix
                : Msg.BatchSendAgainFix);

    public static KimiException Expired(string customId, string? message) =>
        new(KimiErrorIds.BatchRequestExpired, KimiErrorCategories.OperationTimeout,
            Msg.BatchRequestExpired.Format(customId, Detail(message)),
            Msg.BatchRequestExpiredFix);

    public static KimiException Cancelled(string customId, string? message) =>
        new(KimiErrorIds.BatchRequestCancelled, KimiErrorCategories.OperationStopped,
            Msg.BatchRequestCancelled.Format(customId, Detail(message)),
            Msg.BatchRequestCancelledFix);

    public static KimiException InvalidManifest(string path, string problem) =>
        new(KimiErrorIds.InvalidBatchManifest, KimiErrorCategories.InvalidData,
            Msg.BatchInvalidManifest.Format(path, problem),
            Msg.BatchInvalidManifestFix);

    public static KimiException WaitTimedOut(KimiBatch batch, TimeSpan limit) =>
        new(KimiErrorIds.BatchWaitTimedOut, KimiErrorCategories.OperationTimeout,
            Msg.BatchWaitTimedOut.Format(batch.Id, batch.Status, TimeText.Seconds(limit)),
            Msg.BatchWaitTimedOutFix.Format(batch.Id, batch.Id));

    private static string Detail(string? message) => string.IsNullOrWhiteSpace(message) ? "" : $" ({message!.Trim()})";
}
