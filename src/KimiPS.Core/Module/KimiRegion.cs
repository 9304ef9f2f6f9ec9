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
