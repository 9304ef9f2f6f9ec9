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
    public static string CurrentModels => Msg.CurrentModels;

    public static string Warning(string model, string since) =>
        Msg.ModelRetired.Format(model, UiLanguage.IsChinese ? ChineseMonth(since) : since, CurrentModels);

    private static readonly string[] Months =
        { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December" };

    /// <summary>"August 2026" as a Chinese reader writes it, 2026 年 8 月.</summary>
    private static string ChineseMonth(string since)
    {
        var parts = since.Split(' ');
        var month = parts.Length == 2 ? Array.IndexOf(Months, parts[0]) : -1;
        return month < 0 ? since : parts[1] + " 年 " + (month + 1) + " 月";
    }
}
