namespace KimiPS.Emulator.Server;

/// <summary>Kimi's error envelope <c>{"error":{"type","message"}}</c> (reference §6.1) for the default endpoints.</summary>
internal static class Errors
{
    public static ResponsePlan Kimi(int status, string type, string message, IReadOnlyList<(string Name, string Value)>? headers = null) =>
        ResponsePlan.Single(status, "application/json; charset=utf-8", JsonBytes.Write(w => WriteBody(w, type, message)), headers);

    /// <summary>The envelope itself, for a body written elsewhere too (a batch's output line carries one).</summary>
    public static void WriteBody(System.Text.Json.Utf8JsonWriter w, string type, string message)
    {
        w.WriteStartObject();
        w.WriteStartObject("error");
        w.WriteString("type", type);
        w.WriteString("message", message);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static ResponsePlan InvalidRequest(string message) => Kimi(400, "invalid_request_error", message);

    public static ResponsePlan NotFound(string message) => Kimi(404, "resource_not_found_error", message);

    public static ResponsePlan Unauthorized() => Kimi(401, "invalid_authentication_error", "Invalid Authentication");
}
