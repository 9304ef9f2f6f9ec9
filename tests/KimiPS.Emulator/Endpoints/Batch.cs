using System.Text.Json;

namespace KimiPS.Emulator.Endpoints;

/// <summary>A batch job; mutated only under <see cref="BatchStore"/>'s lock.</summary>
internal sealed class Batch
{
    public required string Id { get; init; }
    public required string InputFileId { get; init; }
    public required string CompletionWindow { get; init; }
    public required long CreatedAt { get; init; }
    public required long ExpiresAt { get; init; }
    public required int Total { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>>? Metadata { get; init; }
    public string Status { get; set; } = "validating";
    public string? OutputFileId { get; set; }
    public string? ErrorFileId { get; set; }
    public long? InProgressAt { get; set; }
    public long? FinalizingAt { get; set; }
    public long? CompletedAt { get; set; }
    public long? CancellingAt { get; set; }
    public long? CancelledAt { get; set; }
    public long? FailedAt { get; set; }
    public long? ExpiredAt { get; set; }
    public int Completed { get; set; }
    public int Failed { get; set; }

    /// <summary>How this batch runs (a copy of the emulator's script when it was created).</summary>
    public BatchScript Script { get; init; } = new();
    /// <summary>The input lines, read at creation.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];
    /// <summary>Lines run so far (the next one to run is at this index).</summary>
    public int Processed { get; set; }
    /// <summary>In-progress reads so far.</summary>
    public int Steps { get; set; }
    /// <summary>The output and error files' lines, written when the batch ends.</summary>
    public List<string> OutputLines { get; } = [];
    public List<string> ErrorLines { get; } = [];

    /// <summary>The BatchObject of reference §2.5; unset times are null, as OpenAI-shaped clients expect.</summary>
    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("id", Id);
        w.WriteString("object", "batch");
        w.WriteString("endpoint", "/v1/chat/completions");
        w.WriteNull("errors");
        w.WriteString("input_file_id", InputFileId);
        w.WriteString("completion_window", CompletionWindow);
        w.WriteString("status", Status);
        Nullable(w, "output_file_id", OutputFileId);
        Nullable(w, "error_file_id", ErrorFileId);
        w.WriteNumber("created_at", CreatedAt);
        Time(w, "in_progress_at", InProgressAt);
        w.WriteNumber("expires_at", ExpiresAt);
        Time(w, "finalizing_at", FinalizingAt);
        Time(w, "completed_at", CompletedAt);
        Time(w, "failed_at", FailedAt);
        Time(w, "expired_at", ExpiredAt);
        Time(w, "cancelling_at", CancellingAt);
        Time(w, "cancelled_at", CancelledAt);
        w.WriteStartObject("request_counts");
        w.WriteNumber("completed", Completed);
        w.WriteNumber("failed", Failed);
        w.WriteNumber("total", Total);
        w.WriteEndObject();
        if (Metadata is null) w.WriteNull("metadata");
        else
        {
            w.WriteStartObject("metadata");
            foreach (var (key, value) in Metadata) w.WriteString(key, value);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void Time(Utf8JsonWriter w, string name, long? value)
    {
        if (value is long v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
