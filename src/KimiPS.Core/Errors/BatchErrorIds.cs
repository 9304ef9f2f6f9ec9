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
            $"Batch {batch.Id} is {batch.Status} ({batch.CompletedRequests} completed, {batch.FailedRequests} failed of {batch.TotalRequests}); its results are not ready.",
            $"Wait for it first: Wait-KimiBatch -Id {batch.Id} | Receive-KimiBatch.");

    public static KimiException Missing(string customId, KimiBatch batch) =>
        new(KimiBatchErrorIds.RequestMissing, KimiErrorCategories.ObjectNotFound,
            $"Request '{customId}' of batch {batch.Id} ({batch.Status}) is in neither the output file nor the error file: the batch returned no result for it.",
            batch.Status == "failed"
                ? "The batch failed validation: fix the requests the other errors name, then start a new batch."
                : "Send this request again (Invoke-KimiChat, or a new batch of the missing requests).");

    public static KimiException Expired(string customId, string? message) =>
        new(KimiBatchErrorIds.RequestExpired, KimiErrorCategories.OperationTimeout,
            $"Request '{customId}' did not run before the batch's completion window ended{Detail(message)}.",
            "Send it again, in a new batch with a longer -CompletionWindow or with Invoke-KimiChat.");

    public static KimiException Cancelled(string customId, string? message) =>
        new(KimiBatchErrorIds.RequestCancelled, "OperationStopped",
            $"Request '{customId}' did not run: the batch was cancelled{Detail(message)}.",
            "Send it again if you still need its answer.");

    public static KimiException InvalidManifest(string path, string problem) =>
        new(KimiBatchErrorIds.InvalidManifest, KimiErrorCategories.InvalidData,
            $"'{path}' is not a usable KimiPS batch manifest: {problem}.",
            "Pass the file that Start-KimiBatch -Path wrote for this batch.");

    public static KimiException WaitTimedOut(KimiBatch batch, TimeSpan limit) =>
        new(KimiBatchErrorIds.WaitTimedOut, KimiErrorCategories.OperationTimeout,
            $"Batch {batch.Id} is still {batch.Status} after {TimeText.Seconds(limit)} s (-TimeoutSec); it goes on running.",
            $"Wait again later (Wait-KimiBatch -Id {batch.Id}), or cancel it with Stop-KimiBatch -Id {batch.Id}.");

    private static string Detail(string? message) => string.IsNullOrWhiteSpace(message) ? "" : $" ({message!.Trim()})";
}
