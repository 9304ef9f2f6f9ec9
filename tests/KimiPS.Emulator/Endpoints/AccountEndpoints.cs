using System.Text.Json;
using KimiPS.Emulator.Server;

namespace KimiPS.Emulator.Endpoints;

/// <summary>{p}/models, {p}/users/me/balance and {p}/tokenizers/estimate-token-count (reference §2.1, §2.3, §2.4).</summary>
internal static class AccountEndpoints
{
    private sealed record Model(string Id, long ContextLength, bool Vision, bool Reasoning);

    // The four ids a live call returned in Sept 2026 (reference §2.1).
    private static readonly Model[] Models =
    [
        new("kimi-k3", 1048576, true, true),
        new("kimi-k2.7-code", 262144, false, true),
        new("kimi-k2.7-code-highspeed", 262144, false, true),
        new("kimi-k2.6", 262144, true, true),
    ];

    private static readonly long Created = new DateTimeOffset(2026, 4, 20, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    public static ResponsePlan ListModels() => JsonBytes.Ok(w =>
    {
        w.WriteStartObject();
        w.WriteString("object", "list");
        w.WriteStartArray("data");
        foreach (var model in Models)
        {
            w.WriteStartObject();
            w.WriteString("id", model.Id);
            w.WriteString("object", "model");
            w.WriteNumber("created", Created);
            w.WriteString("owned_by", "moonshot");
            w.WriteNumber("context_length", model.ContextLength);
            w.WriteBoolean("supports_image_in", model.Vision);
            w.WriteBoolean("supports_video_in", model.Vision);
            w.WriteBoolean("supports_reasoning", model.Reasoning);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>The documented example (reference §2.4); note it carries no currency: that depends on the platform.</summary>
    public static ResponsePlan Balance() => JsonBytes.Ok(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("code", 0);
        w.WriteStartObject("data");
        w.WriteNumber("available_balance", 49.58894m);
        w.WriteNumber("voucher_balance", 46.58893m);
        w.WriteNumber("cash_balance", 3.00001m);
        w.WriteEndObject();
        w.WriteString("scode", "0x0");
        w.WriteBoolean("status", true);
        w.WriteEndObject();
    });

    /// <summary>
    /// A deterministic estimate, so tests can predict it: 3 tokens per message (role and framing)
    /// plus ceil(total text chars / 4), where the text is each message's string content or its text parts.
    /// </summary>
    public static ResponsePlan EstimateTokens(RecordedRequest request)
    {
        if (request.Json?.RootElement is not { ValueKind: JsonValueKind.Object } body)
            return Errors.InvalidRequest("Invalid request: the request body must be a JSON object");
        if (!body.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
            return Errors.InvalidRequest("Invalid request: messages must not be empty");
        long chars = 0;
        foreach (var message in messages.EnumerateArray()) chars += MessageText.Of(message).Length;
        var total = 3L * messages.GetArrayLength() + (chars + 3) / 4;
        return JsonBytes.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            w.WriteNumber("total_tokens", total);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
