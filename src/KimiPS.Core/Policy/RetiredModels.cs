namespace KimiPS.Core;

/// <summary>
/// Model ids Moonshot has taken offline (reference/kimi-api.md §5). Only a warning: the request is still
/// sent and the server decides, because an account's real list comes from /v1/models, never from here.
/// </summary>
internal static class RetiredModels
{
    private static readonly Dictionary<string, string> Exact = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kimi-k2.5"] = "August 2026",
        ["kimi-k2-0711-preview"] = "May 2026",
        ["kimi-k2-0905-preview"] = "May 2026",
        ["kimi-k2-turbo-preview"] = "May 2026",
        ["kimi-k2-thinking"] = "May 2026",
        ["kimi-k2-thinking-turbo"] = "May 2026",
        ["kimi-latest"] = "January 2026",
        ["kimi-thinking-preview"] = "November 2025",
    };

    /// <summary>
    /// When <paramref name="model"/> is retired, the month it went offline. Matched on the whole id: a
    /// gateway id (<c>vendor/kimi-k2.5</c>) is the gateway's catalogue, which may still serve it.
    /// </summary>
    public static string? RetiredSince(string model)
    {
        if (Exact.TryGetValue(model, out var since)) return since;
        // Every moonshot-v1 variant (8k/32k/128k, -auto, -vision-preview) went offline together.
        return model.StartsWith("moonshot-v1", StringComparison.OrdinalIgnoreCase) ? "August 2026" : null;
    }

    /// <summary>A hint only (reference §5, Sept 2026), never an allow-list: /v1/models is the authority.</summary>
    public const string CurrentModels = "current models include kimi-k2.6, kimi-k3 and kimi-k2.7-code";

    public static string Warning(string model, string since) =>
        $"Model '{model}' was retired by Moonshot (offline since {since}); {CurrentModels}. Run Get-KimiModel to list what your account can use.";
}
