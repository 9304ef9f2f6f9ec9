namespace KimiPS.Core;

/// <summary>The account's limits (reference/kimi-api.md §6.3) that the client keeps within. Null: no client-side limit.</summary>
public sealed class KimiRateLimits
{
    public int? MaxConcurrency { get; set; }
    public int? RequestsPerMinute { get; set; }
    public int? TokensPerMinute { get; set; }
}
