namespace KimiPS.Core;

/// <summary>The account's limits (reference/kimi-api.md §6.3) that the client keeps within. Null: no client-side limit.</summary>
public sealed class KimiRateLimits
{
    public int? MaxConcurrency { get; set; }
    public int? RequestsPerMinute { get; set; }
    public int? TokensPerMinute { get; set; }

    /// <summary>What a user reads in a view or <c>Format-List *</c>: the limits set, or "none".</summary>
    public override string ToString()
    {
        var parts = new List<string>(3);
        if (MaxConcurrency is int c) parts.Add($"concurrency {c}");
        if (RequestsPerMinute is int r) parts.Add($"RPM {r}");
        if (TokensPerMinute is int t) parts.Add($"TPM {t}");
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}
