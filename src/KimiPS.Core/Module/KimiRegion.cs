namespace KimiPS.Core;

/// <summary>Which Kimi platform a connection talks to. Keys are platform-bound.</summary>
public enum KimiRegion
{
    /// <summary>api.moonshot.cn; balances in CNY.</summary>
    China,
    /// <summary>api.moonshot.ai; balances in USD.</summary>
    Global,
    /// <summary>Any other base URI (a gateway or a local emulator).</summary>
    Custom,
}

/// <summary>The one place that knows which platform a base URI points at; keys and balance currencies follow the platform.</summary>
internal static class KimiRegions
{
    public static KimiRegion Of(Uri baseUri) =>
        Same(baseUri, KimiEndpoints.China) ? KimiRegion.China : Same(baseUri, KimiEndpoints.Global) ? KimiRegion.Global : KimiRegion.Custom;

    /// <summary>"China" or "Global", or null for any other host (a gateway, an emulator).</summary>
    public static string? NameOf(Uri baseUri) => Of(baseUri) is var region && region == KimiRegion.Custom ? null : region.ToString();

    public static string? CurrencyOf(Uri baseUri) => Of(baseUri) switch
    {
        KimiRegion.China => "CNY",
        KimiRegion.Global => "USD",
        _ => null,
    };

    /// <summary>The other platform's endpoint, used to tell which platform a rejected key belongs to.</summary>
    public static Uri? Other(Uri baseUri) => Of(baseUri) switch
    {
        KimiRegion.China => KimiEndpoints.Global,
        KimiRegion.Global => KimiEndpoints.China,
        _ => null,
    };

    private static bool Same(Uri a, Uri b) => string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase);
}
