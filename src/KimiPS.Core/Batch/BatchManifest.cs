using System.Text.Json;

namespace KimiPS.Core;

/// <summary>
/// The local record of a batch's requests (Start-KimiBatch -Path), so another session can join the results to their
/// inputs: JSON with the batch id, the model and, per request in order, its custom id and its input as text (the
/// module stores PowerShell's CliXml there). Holds no key and no request body.
/// </summary>
internal static class BatchManifest
{
    public const string Format = "KimiPS.BatchManifest/1";

    /// <summary>Largest manifest read: it holds the inputs (documents included), never more than a few batches' worth.</summary>
    public const long MaxBytes = 1024L * 1024 * 1024;

    public static void Write(Stream destination, KimiBatch batch, Func<object?, string?> serializeInput)
    {
        using var w = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteString("batchId", batch.Id);
        w.WriteString("inputFileId", batch.InputFileId);
        w.WriteString("model", batch.Requests.Count > 0 ? batch.Requests[0].Model : "");
        if (batch.CreatedAt is { } created) w.WriteString("createdAt", created.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteStartArray("requests");
        foreach (var request in batch.Requests)
        {
            w.WriteStartObject();
            w.WriteString("customId", request.CustomId);
            if (serializeInput(request.InputObject) is { } input) w.WriteString("input", input);
            else w.WriteNull("input");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The batch id and the requests (with their inputs restored; bodies are not kept, so Body is "{}").</summary>
    public static (string BatchId, IReadOnlyList<KimiBatchRequest> Requests) Read(string path, Func<string, object?> deserializeInput)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw BatchErrors.InvalidManifest(path, "the file does not exist");
        if (info.Length > MaxBytes) throw BatchErrors.InvalidManifest(path, $"it is larger than {MaxBytes / (1024 * 1024)} MiB");
        JsonDocument doc;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            try
            {
                doc = JsonDocument.Parse(stream);
            }
            catch (JsonException ex)
            {
                throw BatchErrors.InvalidManifest(path, "it is not JSON (" + ex.Message + ")");
            }
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.String("format") != Format)
                throw BatchErrors.InvalidManifest(path, $"it has no \"format\": \"{Format}\"");
            var batchId = root.String("batchId");
            if (string.IsNullOrEmpty(batchId)) throw BatchErrors.InvalidManifest(path, "it names no batch");
            var model = root.String("model") ?? "";
            var requests = new List<KimiBatchRequest>();
            if (root.Child("requests") is { ValueKind: JsonValueKind.Array } items)
                foreach (var item in items.EnumerateArray())
                {
                    var id = item.String("customId");
                    if (string.IsNullOrEmpty(id)) throw BatchErrors.InvalidManifest(path, $"request {requests.Count + 1} has no customId");
                    var input = item.String("input") is { } text ? deserializeInput(text) : null;
                    requests.Add(new KimiBatchRequest(id!, model, "{}", input));
                }
            return (batchId!, requests);
        }
    }
}
