using System.Text.Json;
using System.Text.RegularExpressions;

namespace KimiPS.Core;

/// <summary>Checks, writes and reads batch bodies.</summary>
internal static class BatchJson
{
    private static readonly Regex Window = new(@"^(\d+)([hd])$", RegexOptions.CultureInvariant);

    public static byte[] CreateBody(string inputFileId, string completionWindow, IDictionary<string, string>? metadata)
    {
        FileChecks.CheckId(inputFileId);
        CheckWindow(completionWindow);
        CheckMetadata(metadata);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("input_file_id", inputFileId);
            writer.WriteString("endpoint", "/v1/chat/completions");
            writer.WriteString("completion_window", completionWindow);
            if (metadata is { Count: > 0 })
            {
                writer.WriteStartObject("metadata");
                foreach (var pair in metadata) writer.WriteString(pair.Key, pair.Value);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The checks of <see cref="CreateBody"/> that need no file: run them before uploading one.</summary>
    public static void CheckOptions(string completionWindow, IDictionary<string, string>? metadata)
    {
        CheckWindow(completionWindow);
        CheckMetadata(metadata);
    }

    private static void CheckWindow(string window)
    {
        var match = Window.Match(window ?? "");
        var hours = match.Success ? int.Parse(match.Groups[1].Value) * (match.Groups[2].Value == "d" ? 24 : 1) : -1;
        if (hours < 12 || hours > 168)
            throw Errors.InvalidParameter("CompletionWindow", $"is '{window}'", "Use a window from 12h to 7d, such as 24h or 3d.");
    }

    private static void CheckMetadata(IDictionary<string, string>? metadata)
    {
        if (metadata is null) return;
        if (metadata.Count > 16) throw Errors.InvalidParameter("Metadata", $"has {metadata.Count} pairs", "Use at most 16 pairs.");
        foreach (var pair in metadata)
        {
            if (pair.Key.Length > 64) throw Errors.InvalidParameter("Metadata", $"has the key '{pair.Key}' longer than 64 characters", "Shorten the key.");
            if ((pair.Value ?? "").Length > 512) throw Errors.InvalidParameter("Metadata", $"has a value over 512 characters for '{pair.Key}'", "Shorten the value.");
        }
    }

    public static KimiBatch Read(JsonElement e)
    {
        var counts = e.Child("request_counts");
        var metadata = new Dictionary<string, string>();
        if (e.Child("metadata") is { ValueKind: JsonValueKind.Object } meta)
            foreach (var property in meta.EnumerateObject())
                metadata[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        return new KimiBatch
        {
            Id = e.String("id") ?? "",
            Status = e.String("status") ?? "",
            Endpoint = e.String("endpoint") ?? "",
            InputFileId = e.String("input_file_id") ?? "",
            OutputFileId = e.String("output_file_id") is { Length: > 0 } output ? output : null,
            ErrorFileId = e.String("error_file_id") is { Length: > 0 } error ? error : null,
            CompletionWindow = e.String("completion_window") ?? "",
            CreatedAt = e.UnixTime("created_at"),
            CompletedAt = e.UnixTime("completed_at"),
            ExpiresAt = e.UnixTime("expires_at"),
            TotalRequests = (int)(counts.Long("total") ?? 0),
            CompletedRequests = (int)(counts.Long("completed") ?? 0),
            FailedRequests = (int)(counts.Long("failed") ?? 0),
            Metadata = metadata,
        };
    }
}
