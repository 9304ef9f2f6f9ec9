namespace KimiPS.Core;

/// <summary>
/// The non-secret settings of a connection, stored by Connect-Kimi -SaveAs and used by -Name. Never a key: only
/// where to get one (<see cref="SecretName"/>/<see cref="Vault"/>); otherwise the key comes from -ApiKey or MOONSHOT_API_KEY.
/// Null members were not given when the connection was saved, so the defaults apply.
/// </summary>
public sealed class SavedConnection
{
    public string Name { get; set; } = "";
    public Uri? BaseUri { get; set; }
    public string? Region { get; set; }
    public string? Model { get; set; }
    public int? MaxRetries { get; set; }
    public int? TimeoutSec { get; set; }
    public Uri? Proxy { get; set; }
    public int? MaxConcurrency { get; set; }
    public int? RequestsPerMinute { get; set; }
    public int? TokensPerMinute { get; set; }
    public string? LogPath { get; set; }
    public bool? LogContent { get; set; }
    public string? SecretName { get; set; }
    public string? Vault { get; set; }
    public DateTimeOffset? SavedAt { get; set; }
}
