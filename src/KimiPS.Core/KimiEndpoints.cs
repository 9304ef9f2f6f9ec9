namespace KimiPS.Core;

/// <summary>The two Kimi platforms. Keys are platform-bound: a key from one does not work on the other.</summary>
public static class KimiEndpoints
{
    /// <summary>The China platform (platform.moonshot.cn / platform.kimi.com); balances in CNY.</summary>
    public static Uri China { get; } = new("https://api.moonshot.cn/v1/");

    /// <summary>The global platform (platform.moonshot.ai / platform.kimi.ai); balances in USD.</summary>
    public static Uri Global { get; } = new("https://api.moonshot.ai/v1/");
}
