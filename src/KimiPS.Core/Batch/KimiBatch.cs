namespace KimiPS.Core;

/// <summary>A batch job (reference §2.5): status validating, failed, in_progress, finalizing, completed, expired, cancelling or cancelled.</summary>
public sealed class KimiBatch
{
    public string Id { get; internal set; } = "";
    public string Status { get; internal set; } = "";
    public string Endpoint { get; internal set; } = "";
    public string InputFileId { get; internal set; } = "";
    /// <summary>The results (JSONL); read with <see cref="KimiClient.GetFileContent"/>.</summary>
    public string? OutputFileId { get; internal set; }
    public string? ErrorFileId { get; internal set; }
    public string CompletionWindow { get; internal set; } = "";
    public DateTimeOffset? CreatedAt { get; internal set; }
    public DateTimeOffset? CompletedAt { get; internal set; }
    public DateTimeOffset? ExpiresAt { get; internal set; }
    public int TotalRequests { get; internal set; }
    public int CompletedRequests { get; internal set; }
    public int FailedRequests { get; internal set; }
    public IReadOnlyDictionary<string, string> Metadata { get; internal set; } = new Dictionary<string, string>();

    /// <summary>
    /// The requests the batch was started with, in their order, when known (from Start-KimiBatch or a manifest):
    /// results are joined to them. Empty for a batch read from the API alone.
    /// </summary>
    public IReadOnlyList<KimiBatchRequest> Requests { get; internal set; } = Array.Empty<KimiBatchRequest>();

    /// <summary>The local manifest that remembers <see cref="Requests"/> (Start-KimiBatch -Path), or null.</summary>
    public string? ManifestPath { get; internal set; }

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
