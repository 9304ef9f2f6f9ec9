namespace KimiPS.Core;

/// <summary>A batch job (reference §2.5): status validating, failed, in_progress, finalizing, completed, expired, cancelling or cancelled.</summary>
public sealed class KimiBatch
{
    public string Id { get; set; } = "";
    public string Status { get; set; } = "";
    public string Endpoint { get; set; } = "";
    public string InputFileId { get; set; } = "";
    /// <summary>The results (JSONL); read with <see cref="KimiClient.GetFileContent"/>.</summary>
    public string? OutputFileId { get; set; }
    public string? ErrorFileId { get; set; }
    public string CompletionWindow { get; set; } = "";
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public int TotalRequests { get; set; }
    public int CompletedRequests { get; set; }
    public int FailedRequests { get; set; }
    public IReadOnlyDictionary<string, string> Metadata { get; set; } = new Dictionary<string, string>();

    /// <summary>True once the batch can change no more.</summary>
    public bool IsFinished => Status is "completed" or "failed" or "expired" or "cancelled";

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Status} {CompletedRequests}/{TotalRequests}";
}
