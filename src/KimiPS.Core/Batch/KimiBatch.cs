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

    /// <summary>
    /// The requests the batch was started with, in their order, when known (from Start-KimiBatch or a manifest):
    /// results are joined to them. Empty for a batch read from the API alone.
    /// </summary>
    public IReadOnlyList<KimiBatchRequest> Requests { get; set; } = Array.Empty<KimiBatchRequest>();

    /// <summary>The local manifest that remembers <see cref="Requests"/> (Start-KimiBatch -Path), or null.</summary>
    public string? ManifestPath { get; set; }

    /// <summary>A copy of <paramref name="fresh"/> (the API's newer view of this batch) that keeps this one's requests and manifest.</summary>
    public KimiBatch WithStateOf(KimiBatch fresh)
    {
        if (fresh is null) throw new ArgumentNullException(nameof(fresh));
        var copy = (KimiBatch)fresh.MemberwiseClone();
        copy.Requests = Requests;
        copy.ManifestPath = ManifestPath;
        return copy;
    }

    /// <summary>True once the batch can change no more.</summary>
    public bool IsFinished => Status is "completed" or "failed" or "expired" or "cancelled";

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Status} {CompletedRequests}/{TotalRequests}";
}
