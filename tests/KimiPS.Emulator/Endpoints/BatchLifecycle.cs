using System.Text;
using System.Text.Json;
using KimiPS.Emulator.Server;

namespace KimiPS.Emulator.Endpoints;

/// <summary>
/// One step of a batch per read, under the store's lock: validating → failed (an error file, one line per request)
/// or in_progress; in_progress runs a share of the requests per read (request_counts grow), then → finalizing, or →
/// expired; finalizing → completed; cancelling → cancelled. When a batch ends, its output and error files are stored
/// as JSONL in Kimi's shape: <c>{"id","custom_id","response":{"status_code","request_id","body"},"error"}</c>.
/// </summary>
internal static class BatchLifecycle
{
    public static void Advance(Batch batch, FileStore files)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        switch (batch.Status)
        {
            case "validating":
                if (ValidationProblem(batch) is { } problem)
                {
                    foreach (var line in batch.Lines) batch.ErrorLines.Add(ErrorLine(CustomIdOf(line), "invalid_request", problem));
                    batch.Status = "failed";
                    batch.FailedAt = now;
                    Store(batch, files);
                    return;
                }
                batch.Status = "in_progress";
                batch.InProgressAt = now;
                break;
            case "in_progress":
                batch.Steps++;
                // Step k of n has run k/n of the requests (rounded down), so a batch of many steps can stay at 0 for long.
                var steps = Math.Max(1, batch.Script.InProgressSteps);
                Run(batch, batch.Steps >= steps ? batch.Lines.Count : (int)Math.Min(batch.Lines.Count, (long)batch.Lines.Count * batch.Steps / steps));
                if (batch.Script.ExpireAfterSteps is int expireAfter && batch.Steps >= expireAfter && batch.Processed < batch.Lines.Count)
                {
                    Abandon(batch, "batch_expired", "This request could not be executed before the completion window expired.");
                    batch.Status = "expired";
                    batch.ExpiredAt = now;
                    Store(batch, files);
                }
                else if (batch.Processed >= batch.Lines.Count)
                {
                    batch.Status = "finalizing";
                    batch.FinalizingAt = now;
                }
                break;
            case "finalizing":
                batch.Status = "completed";
                batch.CompletedAt = now;
                Store(batch, files);
                break;
            case "cancelling":
                Abandon(batch, "batch_cancelled", "This request was not executed because the batch was cancelled.");
                batch.Status = "cancelled";
                batch.CancelledAt = now;
                Store(batch, files);
                break;
        }
    }

    /// <summary>Kimi's checks (one model per file, unique custom ids, JSON lines with a body) and the script's forced failure.</summary>
    private static string? ValidationProblem(Batch batch)
    {
        if (batch.Script.ValidationError is { } forced) return forced;
        string? model = null;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in batch.Lines)
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var id = ChatValidator.Str(root, "custom_id");
                if (id is null || !ids.Add(id)) return $"custom_id must be present and unique (line of '{id}')";
                if (ChatValidator.Str(root, "url") != "/v1/chat/completions") return $"url must be /v1/chat/completions (request '{id}')";
                var lineModel = root.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object ? ChatValidator.Str(body, "model") : null;
                if (lineModel is null) return $"the body of request '{id}' has no model";
                model ??= lineModel;
                if (lineModel != model) return $"a batch file must use one model; request '{id}' uses {lineModel}, not {model}";
            }
            catch (JsonException)
            {
                return "every line must be a JSON object";
            }
        }
        return null;
    }

    /// <summary>Runs lines up to <paramref name="until"/>: an answer, a scripted failure, or (omitted) nothing at all.</summary>
    private static void Run(Batch batch, int until)
    {
        for (; batch.Processed < until; batch.Processed++)
        {
            var number = batch.Processed + 1;
            var line = batch.Lines[batch.Processed];
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var id = ChatValidator.Str(root, "custom_id") ?? "";
            var body = root.GetProperty("body");
            if (batch.Script.OmitCustomIds.Contains(id))
            {
                batch.Completed++; // counted as done, yet its line is lost: the client must notice
                continue;
            }
            var script = batch.Script;
            var fail = script.FailCustomIds.Contains(id) || (script.FailEvery > 0 && number % script.FailEvery == 0);
            if (fail || ChatValidator.Validate(body) is not null)
            {
                var (status, type, message) = fail
                    ? (script.FailStatus, script.FailType, script.FailMessage)
                    : (400, "invalid_request_error", "Invalid request: the request body is not a valid chat completion request");
                batch.ErrorLines.Add(ResponseLine(number, id, status, w => Errors.WriteBody(w, type, message)));
                batch.Failed++;
                continue;
            }
            var model = ChatValidator.Str(body, "model") ?? "";
            batch.OutputLines.Add(ResponseLine(number, id, 200,
                w => ChatRenderer.WriteCompletion(w, ChatEndpoint.DefaultScript(body), new ChatRequestInfo(number, model, false, false))));
            batch.Completed++;
        }
    }

    /// <summary>The requests not run yet become error lines with <paramref name="code"/> (and count as failed).</summary>
    private static void Abandon(Batch batch, string code, string message)
    {
        for (; batch.Processed < batch.Lines.Count; batch.Processed++)
        {
            var id = CustomIdOf(batch.Lines[batch.Processed]);
            if (batch.Script.OmitCustomIds.Contains(id)) continue;
            batch.ErrorLines.Add(ErrorLine(id, code, message));
            batch.Failed++;
        }
    }

    private static void Store(Batch batch, FileStore files)
    {
        if (batch.Script.ReverseOutput) batch.OutputLines.Reverse();
        if (batch.OutputLines.Count > 0) batch.OutputFileId = Add(files, $"{batch.Id}_output.jsonl", batch.OutputLines);
        if (batch.ErrorLines.Count > 0) batch.ErrorFileId = Add(files, $"{batch.Id}_error.jsonl", batch.ErrorLines);
    }

    private static string Add(FileStore files, string name, List<string> lines)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
        return files.Add(name, bytes.Length, "batch_output", bytes).Id;
    }

    private static string ResponseLine(int number, string customId, int status, Action<Utf8JsonWriter> body) =>
        Encoding.UTF8.GetString(JsonBytes.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", $"batch_req_{number}");
            w.WriteString("custom_id", customId);
            w.WriteStartObject("response");
            w.WriteNumber("status_code", status);
            w.WriteString("request_id", $"req_batch_{number}");
            w.WritePropertyName("body");
            body(w);
            w.WriteEndObject();
            w.WriteNull("error");
            w.WriteEndObject();
        }));

    private static string ErrorLine(string customId, string code, string message) =>
        Encoding.UTF8.GetString(JsonBytes.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", "batch_req_" + Guid.NewGuid().ToString("N")[..12]);
            w.WriteString("custom_id", customId);
            w.WriteNull("response");
            w.WriteStartObject("error");
            w.WriteString("code", code);
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WriteEndObject();
        }));

    private static string CustomIdOf(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return ChatValidator.Str(doc.RootElement, "custom_id") ?? "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
