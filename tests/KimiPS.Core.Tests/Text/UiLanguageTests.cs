using System.Globalization;

namespace KimiPS.Core.Tests.Text;

/// <summary>Which UI cultures read the Chinese text: the Simplified ones; Traditional and the rest fall back to English.</summary>
public sealed class UiLanguageTests
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("zh-Hans")]
    [InlineData("zh-Hans-CN")]
    [InlineData("zh-SG")]
    [InlineData("zh-Hans-SG")]
    [InlineData("zh")]
    public void Simplified_Chinese_cultures_read_Chinese(string name) =>
        Assert.True(UiLanguage.IsSimplifiedChinese(new CultureInfo(name)), name);

    [Theory]
    [InlineData("zh-TW")]
    [InlineData("zh-HK")]
    [InlineData("zh-MO")]
    [InlineData("zh-Hant")]
    [InlineData("zh-Hant-TW")]
    [InlineData("en-US")]
    [InlineData("ja-JP")]
    [InlineData("")]
    public void Other_cultures_read_English(string name) =>
        Assert.False(UiLanguage.IsSimplifiedChinese(new CultureInfo(name)), name);

    [Fact]
    public void No_culture_reads_English() => Assert.False(UiLanguage.IsSimplifiedChinese(null));
}
