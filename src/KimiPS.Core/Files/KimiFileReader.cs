using System.Text.Json;

namespace KimiPS.Core;

internal static class KimiFileReader
{
    public static KimiFile Read(JsonElement e) => new()
    {
        Id = e.String("id") ?? "",
        FileName = e.String("filename") ?? "",
        Bytes = e.Long("bytes") ?? 0,
        Purpose = e.String("purpose") ?? "",
        Status = e.String("status"),
        StatusDetails = e.String("status_details") is { Length: > 0 } details ? details : null,
        CreatedAt = e.UnixTime("created_at") ?? default,
    };
}
