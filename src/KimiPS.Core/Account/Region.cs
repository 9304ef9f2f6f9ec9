namespace KimiPS.Core;

/// <summary>Which Kimi platform a base URI points at; keys and balance currencies follow the platform.</summary>
internal static class Region
{
    public const string China = "China";
    public const string Global = "Global";

    public static string? Of(Uri baseUri) =>
        Same(baseUri, KimiEndpoints.China) ? China : Same(baseUri, KimiEndpoints.Global) ? Global : null;

    public static string? CurrencyOf(Uri baseUri) => Of(baseUri) switch
    {
        China => "CNY",
        Global => "USD",
        _ => null,
    };

    /// <summary>The other platform's endpoint, used to tell which platform a rejected key belongs to.</summary>
    public static Uri? Other(Uri baseUri) => Of(baseUri) switch
    {
        China => KimiEndpoints.Global,
        Global => KimiEndpoints.China,
        _ => null,
    };

    private static bool Same(Uri a, Uri b) => string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase);
}
