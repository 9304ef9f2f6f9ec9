using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KimiPS.Emulator.Server;

namespace KimiPS.Emulator.Endpoints;

/// <summary>
/// {p}/batches (reference §2.5). Time does not pass in the emulator; instead each GET of a batch
/// advances it one step (validating → in_progress → completed, cancelling → cancelled), so a
/// client's polling loop can be tested in milliseconds.
/// </summary>
internal static partial class BatchEndpoint
{
    private const string ChatEndpointPath = "/v1/chat/completions";

    public static ResponsePlan Create(RecordedRequest request, FileStore files, BatchStore batches)
    {
        if (request.Json?.RootElement is not { ValueKind: JsonValueKind.Object } body)
            return Errors.InvalidRequest("Invalid request: the request body must be a JSON object");
        var endpoint = ChatValidator.Str(body, "endpoint");
        if (endpoint != ChatEndpointPath) return Errors.InvalidRequest($"Invalid request: endpoint must be {ChatEndpointPath}");
        var inputId = ChatValidator.Str(body, "input_file_id") ?? "";
        if (files.Get(inputId) is not { } input) return Errors.InvalidRequest($"Invalid request: input file {inputId} not found");
        if (input.Purpose != "batch") return Errors.InvalidRequest($"Invalid request: input file {inputId} must have purpose 'batch'");
        var window = ChatValidator.Str(body, "completion_window") ?? "";
        if (WindowSeconds(window) is not long seconds)
            return Errors.InvalidRequest("Invalid request: completion_window must be between 12h and 7d, e.g. 24h");

        List<KeyValuePair<string, string>>? metadata = null;
        if (body.TryGetProperty("metadata", out var meta) && meta.ValueKind != JsonValueKind.Null)
        {
            if (meta.ValueKind != JsonValueKind.Object) return Errors.InvalidRequest("Invalid request: metadata must be an object");
            metadata = meta.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ToString())).ToList();
            if (metadata.Count > 16) return Errors.InvalidRequest("Invalid request: metadata can have at most 16 pairs");
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var batch = new Batch
        {
            Id = "batch_" + Guid.NewGuid().ToString("N")[..24],
            InputFileId = inputId,
            CompletionWindow = window,
            CreatedAt = now,
            ExpiresAt = now + seconds,
            Total = Lines(input).Count,
            Metadata = metadata,
        };
        batches.Add(batch);
        return JsonBytes.Ok(batch.Write);
    }

    public static ResponsePlan List(RecordedRequest request, BatchStore batches)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.Query);
        var after = query.TryGetValue("after", out var a) && a.Count > 0 ? a[0] : null;
        var limit = query.TryGetValue("limit", out var l) && int.TryParse(l, out var n) ? Math.Clamp(n, 1, 100) : 20;
        return JsonBytes.Ok(w => batches.WritePage(w, after, limit));
    }

    public static ResponsePlan Get(string id, FileStore files, BatchStore batches) =>
        batches.With(id, batch =>
        {
            Advance(batch, files);
            return JsonBytes.Ok(batch.Write);
        }) ?? Missing(id);

    public static ResponsePlan Cancel(string id, BatchStore batches) =>
        batches.With(id, batch =>
        {
            if (batch.Status is not ("validating" or "in_progress" or "finalizing"))
                return Errors.InvalidRequest($"Invalid request: batch {id} cannot be cancelled in status {batch.Status}");
            batch.Status = "cancelling";
            batch.CancellingAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            return JsonBytes.Ok(batch.Write);
        }) ?? Missing(id);

    private static void Advance(Batch batch, FileStore files)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        switch (batch.Status)
        {
            case "validating":
                batch.Status = "in_progress";
                batch.InProgressAt = now;
                break;
            case "in_progress":
                Complete(batch, files, now);
                break;
            case "cancelling":
                batch.Status = "cancelled";
                batch.CancelledAt = now;
                break;
        }
    }

    /// <summary>Answers every input line with the default chat answer and stores the JSONL output file.</summary>
    private static void Complete(Batch batch, FileStore files, long now)
    {
        var output = new StringBuilder();
        var errors = new StringBuilder();
        var lines = files.Get(batch.InputFileId) is { } input ? Lines(input) : [];
        for (var i = 0; i < lines.Count; i++)
        {
            var ok = false;
            var line = lines[i];
            var number = i + 1;
            var json = JsonBytes.Write(w => ok = AnswerLine(w, line, number));
            (ok ? output : errors).Append(Encoding.UTF8.GetString(json)).Append('\n');
            if (ok) batch.Completed++;
            else batch.Failed++;
        }
        batch.FinalizingAt = now;
        batch.CompletedAt = now;
        batch.Status = "completed";
        batch.OutputFileId = files.Add($"{batch.Id}_output.jsonl", Encoding.UTF8.GetByteCount(output.ToString()), "batch_output", Encoding.UTF8.GetBytes(output.ToString())).Id;
        if (errors.Length > 0)
            batch.ErrorFileId = files.Add($"{batch.Id}_error.jsonl", Encoding.UTF8.GetByteCount(errors.ToString()), "batch_output", Encoding.UTF8.GetBytes(errors.ToString())).Id;
    }

    /// <summary>Writes one output line; returns whether the request succeeded (else it belongs in the error file).</summary>
    private static bool AnswerLine(Utf8JsonWriter w, string line, int number)
    {
        var ok = false;
        w.WriteStartObject();
        w.WriteString("id", $"batch_req_{number}");
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.TryGetProperty("custom_id", out var customId)) { w.WritePropertyName("custom_id"); customId.WriteTo(w); }
            else w.WriteNull("custom_id");
            w.WriteStartObject("response");
            var body = root.TryGetProperty("body", out var b) ? b : default;
            if (body.ValueKind == JsonValueKind.Object && ChatValidator.Validate(body) is null)
            {
                ok = true;
                w.WriteNumber("status_code", 200);
                w.WritePropertyName("body");
                var model = ChatValidator.Str(body, "model") ?? "";
                ChatRenderer.WriteCompletion(w, ChatEndpoint.DefaultScript(body), new ChatRequestInfo(number, model, false, false));
            }
            else
            {
                w.WriteNumber("status_code", 400);
                WriteError(w, "the request body is not a valid chat completion request");
            }
            w.WriteEndObject();
        }
        catch (JsonException)
        {
            w.WriteNull("custom_id");
            w.WriteStartObject("response");
            w.WriteNumber("status_code", 400);
            WriteError(w, "the line is not valid JSON");
            w.WriteEndObject();
        }
        w.WriteEndObject();
        return ok;
    }

    private static void WriteError(Utf8JsonWriter w, string message)
    {
        w.WriteStartObject("body");
        w.WriteStartObject("error");
        w.WriteString("type", "invalid_request_error");
        w.WriteString("message", "Invalid request: " + message);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static List<string> Lines(StoredFile file) =>
        file.Content is null ? [] : Encoding.UTF8.GetString(file.Content).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>"12h" .. "7d" (reference §2.5); anything else is refused.</summary>
    private static long? WindowSeconds(string window)
    {
        var match = WindowPattern().Match(window);
        if (!match.Success) return null;
        var seconds = long.Parse(match.Groups[1].Value) * (match.Groups[2].Value == "d" ? 86400 : 3600);
        return seconds is >= 12 * 3600 and <= 7 * 86400 ? seconds : null;
    }

    private static ResponsePlan Missing(string id) => Errors.NotFound($"batch {id} not found");

    [GeneratedRegex(@"^(\d{1,4})([hd])$")]
    private static partial Regex WindowPattern();
}
