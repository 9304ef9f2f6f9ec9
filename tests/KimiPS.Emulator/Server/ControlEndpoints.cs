using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KimiPS.Emulator.Server;

/// <summary>
/// /_emulator/*: scripting for out-of-process tests (the Pester suite drives the standalone
/// emulator). No auth, not counted, not recorded: they are the test's hands, not the client's calls.
/// </summary>
internal static class ControlEndpoints
{
    public static async Task HandleAsync(HttpContext context, EmulatorState state)
    {
        var path = context.Request.Path.Value ?? "";
        var method = context.Request.Method;
        ResponsePlan plan;
        try
        {
            plan = (path, method) switch
            {
                ("/_emulator/reset", "POST") => Reset(state),
                ("/_emulator/enqueue", "POST") => Enqueue(state, await ReadJsonAsync(context)),
                ("/_emulator/limits", "POST") => SetLimits(state, await ReadJsonAsync(context)),
                ("/_emulator/behaviour", "POST") => SetBehaviour(state, await ReadJsonAsync(context)),
                ("/_emulator/batches", "POST") => BatchControl.Set(state, await ReadJsonAsync(context)),
                ("/_emulator/counters", "GET") => Counters(state.Counters),
                ("/_emulator/requests", "GET") => Requests(state),
                _ => Errors.Kimi(404, "resource_not_found_error", $"Unknown control endpoint {method} {path}"),
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            plan = Errors.InvalidRequest("Invalid control request: " + ex.Message);
        }
        await Faults.WriteAsync(context, plan, null, context.RequestAborted);
    }

    private static ResponsePlan Reset(EmulatorState state)
    {
        state.Reset();
        return Ok();
    }

    /// <summary>
    /// An error: {"status","type","message","headers":{}} (with "code" instead of "type" it is a gateway
    /// error); or a scripted answer: {"chat":{"content","reasoning","chunkChars","finishReason"}}. Either
    /// with "times", "pathContains", "delayMs" and, for how the bytes are delivered, "cutAfterBytes",
    /// "stallAfterCut", "writeSize", "delayBetweenWritesMs" (see <see cref="EmulatorResponse"/>).
    /// </summary>
    private static ResponsePlan Enqueue(EmulatorState state, JsonElement body)
    {
        var response = body.TryGetProperty("chat", out var chat) && chat.ValueKind == JsonValueKind.Object
            ? EmulatorResponse.Chat(ScriptOf(chat))
            : ErrorOf(body);
        response.Times = body.TryGetProperty("times", out var t) ? t.GetInt32() : 1;
        response.PathContains = Str(body, "pathContains");
        if (body.TryGetProperty("delayMs", out var d)) response.Delay = TimeSpan.FromMilliseconds(d.GetDouble());
        if (body.TryGetProperty("cutAfterBytes", out var cut)) response.CutAfterBytes = cut.GetInt32();
        if (body.TryGetProperty("stallAfterCut", out var stall)) response.StallAfterCut = stall.ValueKind == JsonValueKind.True;
        if (body.TryGetProperty("writeSize", out var size)) response.WriteSize = size.GetInt32();
        if (body.TryGetProperty("delayBetweenWritesMs", out var between)) response.DelayBetweenWrites = TimeSpan.FromMilliseconds(between.GetDouble());
        state.Enqueue(response);
        return Ok();
    }

    private static EmulatorResponse ErrorOf(JsonElement body)
    {
        var status = body.TryGetProperty("status", out var s) ? s.GetInt32() : 500;
        var message = Str(body, "message") ?? "";
        var headers = body.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object
            ? h.EnumerateObject().Select(p => (p.Name, p.Value.ToString())).ToArray()
            : [];
        return Str(body, "code") is { } code && Str(body, "type") is null
            ? EmulatorResponse.GatewayError(status, code, message, body.TryGetProperty("successFalse", out var sf) && sf.ValueKind == JsonValueKind.True)
            : EmulatorResponse.KimiError(status, Str(body, "type") ?? "server_error", message, headers);
    }

    private static ChatScript ScriptOf(JsonElement chat)
    {
        var script = new ChatScript { Content = Str(chat, "content"), Reasoning = Str(chat, "reasoning") };
        if (Str(chat, "finishReason") is { } finish) script.FinishReason = finish;
        if (chat.TryGetProperty("chunkChars", out var chars)) script.ChunkChars = chars.GetInt32();
        return script;
    }

    /// <summary>{"maxConcurrency":8,"requestsPerMinute":null,"latencyMs":0}; absent members are left as they are.</summary>
    private static ResponsePlan SetLimits(EmulatorState state, JsonElement body)
    {
        if (body.TryGetProperty("maxConcurrency", out var c)) state.Limits.MaxConcurrency = c.ValueKind == JsonValueKind.Null ? null : c.GetInt32();
        if (body.TryGetProperty("requestsPerMinute", out var r)) state.Limits.RequestsPerMinute = r.ValueKind == JsonValueKind.Null ? null : r.GetInt32();
        if (body.TryGetProperty("latencyMs", out var l)) state.Limits.Latency = TimeSpan.FromMilliseconds(l.GetDouble());
        return Ok();
    }

    /// <summary>{"callOfferedTools":true,"echoKey":true}; absent members are left as they are. Reset turns it off.</summary>
    private static ResponsePlan SetBehaviour(EmulatorState state, JsonElement body)
    {
        if (body.TryGetProperty("callOfferedTools", out var c)) state.CallOfferedTools = c.GetBoolean();
        if (body.TryGetProperty("echoKey", out var echo)) state.EchoKey = echo.GetBoolean();
        return Ok();
    }

    private static ResponsePlan Counters(EmulatorCounters c) => JsonBytes.Ok(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("requests", c.Requests);
        w.WriteNumber("connections", c.Connections);
        w.WriteNumber("bytesReceived", c.BytesReceived);
        w.WriteNumber("activeRequests", c.ActiveRequests);
        w.WriteNumber("maxActiveRequests", c.MaxActiveRequests);
        w.WriteNumber("rejectedByLimit", c.RejectedByLimit);
        w.WriteNumber("chatRequests", c.ChatRequests);
        w.WriteEndObject();
    });

    private static ResponsePlan Requests(EmulatorState state) => JsonBytes.Ok(w =>
    {
        w.WriteStartArray();
        foreach (var r in state.Requests())
        {
            w.WriteStartObject();
            w.WriteString("requestId", r.RequestId);
            w.WriteString("method", r.Method);
            w.WriteString("path", r.Path);
            w.WriteString("query", r.Query);
            w.WriteString("body", r.BodyText);
            w.WriteStartObject("headers");
            foreach (var header in r.Headers) w.WriteString(header.Key, header.Value);
            w.WriteEndObject();
            if (r.UploadBytes is long bytes) w.WriteNumber("uploadBytes", bytes);
            if (r.UploadFileName is { } name) w.WriteString("uploadFileName", name);
            if (r.UploadPurpose is { } purpose) w.WriteString("uploadPurpose", purpose);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    private static async Task<JsonElement> ReadJsonAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
        return doc.RootElement.Clone();
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static ResponsePlan Ok() => JsonBytes.Ok(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("ok", true);
        w.WriteEndObject();
    });
}
