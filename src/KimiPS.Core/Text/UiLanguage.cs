using System.Globalization;

namespace KimiPS.Core;

/// <summary>
/// Which language the module writes in: Simplified Chinese when the UI culture is a Simplified Chinese one
/// (zh-CN, zh-SG, zh-Hans, zh-Hans-CN, the legacy zh-CHS, or plain zh), English otherwise, including
/// Traditional Chinese (zh-TW, zh-HK, zh-Hant), for which there is no text. This is what a ResourceManager
/// with a zh-Hans satellite would choose, decided here so that no satellite assembly has to be found on
/// Windows PowerShell 5.1 or PowerShell 7 (the messages are compiled into KimiPS.Core.dll).
/// </summary>
internal static class UiLanguage
{
    /// <summary>Whether <see cref="CultureInfo.CurrentUICulture"/> of this thread reads Simplified Chinese.</summary>
    public static bool IsChinese => IsSimplifiedChinese(CultureInfo.CurrentUICulture);

    public static bool IsSimplifiedChinese(CultureInfo? culture)
    {
        // The parent chain differs by runtime (.NET Framework: zh-CN -> zh-CHS -> zh-Hans -> zh; ICU: zh-CN -> zh-Hans -> zh),
        // so the script is looked for anywhere in the chain, and the region decides where the chain carries none.
        for (var c = culture; c is not null && c.Name.Length > 0; c = c.Parent)
        {
            switch (c.Name.ToLowerInvariant())
            {
                case "zh-hans" or "zh-chs":
                    return true;
                case "zh-hant" or "zh-cht":
                    return false;
            }
            if (ReferenceEquals(c, c.Parent)) break;
        }

        var name = culture?.Name.ToLowerInvariant() ?? "";
        return name is "zh" or "zh-cn" or "zh-sg" || name.StartsWith("zh-hans", StringComparison.Ordinal);
    }
}
