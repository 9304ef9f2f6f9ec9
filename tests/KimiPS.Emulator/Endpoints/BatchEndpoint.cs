using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KimiPS.Emulator.Server;

namespace KimiPS.Emulator.Endpoints;

/// <summary>
/// {p}/batches (reference §2.5). Time does not pass in the emulator; instead each GET of a batch
/// advances it one step (see <see cref="BatchScript"/> and <see cref="BatchLifecycle"/>), so a
/// client's polling loop can be tested in milliseconds.
/// </summary>
internal static partial class BatchEndpoint
{
    private const string ChatEndpointPath = "/v1/chat/completions";

    public static ResponsePlan Create(RecordedRequest request, FileStore files, BatchStore batches, BatchScript script)
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
        var lines = Lines(input);
        var batch = new Batch
        {
            Id = "batch_" + Guid.NewGuid().ToString("N")[..24],
            InputFileId = inputId,
            CompletionWindow = window,
            CreatedAt = now,
            ExpiresAt = now + seconds,
            Total = lines.Count,
            Metadata = metadata,
            Script = script.Clone(),
            Lines = lines,
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
            for (var step = 0; step < batch.Script.StepsPerRead; step++) BatchLifecycle.Advance(batch, files);
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

    internal static List<string> Lines(StoredFile file) =>
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
