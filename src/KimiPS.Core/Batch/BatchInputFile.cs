using System.Text;
using System.Text.Json;

namespace KimiPS.Core;

/// <summary>
/// The batch input file (reference §2.5): one JSON line per request, <c>{custom_id, method, url, body}</c>. Checked
/// before anything is sent: at least one request, one model, unique ids, at most 100 MB once written.
/// </summary>
internal static class BatchInputFile
{
    public const string Url = "/v1/chat/completions";

    /// <summary>Throws KimiInvalidParameter (naming <paramref name="parameterName"/>) for what Kimi would refuse.</summary>
    public static void Check(IReadOnlyList<KimiBatchRequest> requests, string parameterName = "InputObject")
    {
        if (requests.Count == 0)
            throw Errors.InvalidParameter(parameterName, "received no request", "Pipe KimiBatchRequest objects (Invoke-KimiChat -AsBatch), or prompts or documents with -Prompt.");
        var model = requests[0].Model;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            if (!string.Equals(request.Model, model, StringComparison.Ordinal))
                throw Errors.InvalidParameter(parameterName, $"mixes the models '{model}' and '{request.Model}' (request '{request.CustomId}')",
                    "A batch runs one model: start one batch per model (Group-Object Model).");
            BatchRequests.CheckCustomId(request.CustomId);
            if (!ids.Add(request.CustomId))
                throw Errors.InvalidParameter(parameterName, $"has the custom id '{request.CustomId}' twice",
                    "Give each request its own -CustomId, or omit -CustomId for generated ids.");
        }
    }

    /// <summary>Writes the lines to <paramref name="destination"/> and returns the bytes written; over 100 MB is KimiFileTooLarge.</summary>
    public static long Write(IReadOnlyList<KimiBatchRequest> requests, Stream destination)
    {
        long total = 0;
        var newline = new[] { (byte)'\n' };
        using var line = new MemoryStream();
        foreach (var request in requests)
        {
            line.SetLength(0);
            using (var writer = new Utf8JsonWriter(line))
            {
                writer.WriteStartObject();
                writer.WriteString("custom_id", request.CustomId);
                writer.WriteString("method", "POST");
                writer.WriteString("url", Url);
                writer.WritePropertyName("body");
                WriteBody(writer, request);
                writer.WriteEndObject();
            }
            total += line.Length + 1;
            if (total > FileChecks.MaxBytes)
                throw new KimiException(KimiErrorIds.FileTooLarge, KimiErrorCategories.LimitsExceeded,
                    $"The batch's input file would pass Kimi's 100 MB limit at request '{request.CustomId}' of {requests.Count}.",
                    "Split the requests into several batches (for example 'Select-Object -First' / '-Skip'), each under 100 MB.");
            destination.Write(line.GetBuffer(), 0, (int)line.Length);
            destination.Write(newline, 0, 1);
        }
        return total;
    }

    private static void WriteBody(Utf8JsonWriter writer, KimiBatchRequest request)
    {
        JsonDocument body;
        try
        {
            body = JsonDocument.Parse(request.Body);
        }
        catch (JsonException ex)
        {
            throw Errors.InvalidParameter("InputObject", $"holds request '{request.CustomId}' whose Body is not JSON ({ex.Message})",
                "Make the requests with Invoke-KimiChat -AsBatch.");
        }
        using (body)
        {
            if (body.RootElement.ValueKind != JsonValueKind.Object)
                throw Errors.InvalidParameter("InputObject", $"holds request '{request.CustomId}' whose Body is not a JSON object",
                    "Make the requests with Invoke-KimiChat -AsBatch.");
            body.RootElement.WriteTo(writer);
        }
    }
}
