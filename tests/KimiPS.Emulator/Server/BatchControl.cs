using System.Text.Json;

namespace KimiPS.Emulator.Server;

/// <summary>
/// POST /_emulator/batches: the <see cref="BatchScript"/> for batches created from now on, as JSON:
/// {"inProgressSteps":3, "stepsPerRead":1, "reverseOutput":true, "failCustomIds":["a"], "failEvery":7, "failStatus":400, "failType":"content_filter",
/// "failMessage":"...", "omitCustomIds":["b"], "validationError":"...", "expireAfterSteps":1}. Absent members take
/// their defaults (the call replaces the whole script).
/// </summary>
internal static class BatchControl
{
    public static ResponsePlan Set(EmulatorState state, JsonElement body)
    {
        var script = new BatchScript();
        if (body.TryGetProperty("inProgressSteps", out var steps)) script.InProgressSteps = Math.Max(1, steps.GetInt32());
        if (body.TryGetProperty("stepsPerRead", out var perRead)) script.StepsPerRead = Math.Max(1, perRead.GetInt32());
        if (body.TryGetProperty("reverseOutput", out var reverse)) script.ReverseOutput = reverse.GetBoolean();
        if (body.TryGetProperty("failCustomIds", out var fail)) script.FailCustomIds = Ids(fail);
        if (body.TryGetProperty("failEvery", out var every)) script.FailEvery = every.GetInt32();
        if (body.TryGetProperty("failStatus", out var status)) script.FailStatus = status.GetInt32();
        if (Str(body, "failType") is { } type) script.FailType = type;
        if (Str(body, "failMessage") is { } message) script.FailMessage = message;
        if (body.TryGetProperty("omitCustomIds", out var omit)) script.OmitCustomIds = Ids(omit);
        script.ValidationError = Str(body, "validationError");
        if (body.TryGetProperty("expireAfterSteps", out var expire) && expire.ValueKind == JsonValueKind.Number) script.ExpireAfterSteps = expire.GetInt32();
        state.BatchScript = script;
        return JsonBytes.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("ok", true);
            w.WriteEndObject();
        });
    }

    private static ISet<string> Ids(JsonElement array) =>
        new HashSet<string>(array.EnumerateArray().Select(e => e.GetString() ?? ""), StringComparer.Ordinal);

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
