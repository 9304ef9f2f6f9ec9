using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace KimiPS.Core.Tests.Text;

/// <summary>
/// Every row of the message table (src/KimiPS.Core/Text/Msg.*.cs) has English and Simplified Chinese text that
/// say the same thing to a script and to a reader: the same placeholders, the same parameter and cmdlet names,
/// URLs and environment variables (the Chinese may drop an English-only placeholder such as a plural "s", never add one),
/// and no half-translated English left in the Chinese.
/// </summary>
public sealed class MessageTableTests
{
    public static IEnumerable<object[]> Rows() =>
        typeof(Msg).GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(f => f.FieldType == typeof(LocalizedText))
            .Select(f => new object[] { f.Name });

    private static LocalizedText Row(string name) =>
        (LocalizedText)typeof(Msg).GetField(name, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)!.GetValue(null)!;

    [Fact]
    public void The_table_has_the_messages() => Assert.True(Rows().Count() > 250, $"only {Rows().Count()} rows");

    [Theory]
    [MemberData(nameof(Rows))]
    public void Both_languages_are_written(string name)
    {
        var row = Row(name);
        Assert.False(string.IsNullOrWhiteSpace(row.En), name + ": no English");
        Assert.False(string.IsNullOrWhiteSpace(row.Zh), name + ": no Chinese");
        Assert.NotEqual(row.En, row.Zh);
        // Chinese characters, or (for a row of punctuation such as "{0}（{1}）") Chinese punctuation.
        Assert.Matches(@"[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\p{IsHalfwidthandFullwidthForms}]", row.Zh);
    }

    private static readonly Regex Placeholder = new(@"(?<!\{)\{(\d+)(?::[^}]*)?\}(?!\})");

    [Theory]
    [MemberData(nameof(Rows))]
    public void The_Chinese_uses_only_the_English_placeholders(string name)
    {
        var row = Row(name);
        var en = Placeholder.Matches(row.En).Select(m => m.Groups[1].Value).ToHashSet();
        var zh = Placeholder.Matches(row.Zh).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Subset(en, zh);
        if (en.Count > 0) Assert.NotEmpty(zh);
        // Both are valid format strings when the row has placeholders.
        var args = Enumerable.Range(0, 8).Select(i => (object)("a" + i)).ToArray();
        if (en.Count > 0)
        {
            _ = string.Format(CultureInfo.InvariantCulture, row.En, args);
            _ = string.Format(CultureInfo.InvariantCulture, row.Zh, args);
        }
    }

    // What a user types or a script matches: -Parameter, Verb-KimiNoun, URLs, host names, environment variables, $variables.
    private static readonly Regex Token = new(
        @"(?<![\w-])-[A-Z][A-Za-z]+|\b[A-Z][a-z]+-Kimi[A-Za-z]*\b|https?://[^\s)）,，。]+[^\s)）,，。.]|\b(?:api|platform)\.moonshot\.(?:cn|ai)\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\$\w+|\bkimi-k[\w.*-]*[\w*]");

    [Theory]
    [MemberData(nameof(Rows))]
    public void The_Chinese_keeps_every_name_a_user_types(string name)
    {
        var row = Row(name);
        foreach (var token in Token.Matches(row.En).Select(m => m.Value).Distinct())
            Assert.True(row.Zh.Contains(token, StringComparison.Ordinal), $"{name}: '{token}' is missing from the Chinese: {row.Zh}");
    }

    // Left-over English prose (a machine translation that stopped half-way) or half-width punctuation after Chinese.
    private static readonly Regex EnglishProse = new(@"\b(?:the|is|was|and|please|not|with|cannot|could|should)\b", RegexOptions.IgnoreCase);
    private static readonly Regex HalfWidthAfterHan = new(@"\p{IsCJKUnifiedIdeographs}[,;!?]|\p{IsCJKUnifiedIdeographs}\.(?!\w)|\p{IsCJKUnifiedIdeographs}:(?!/)");

    [Theory]
    [MemberData(nameof(Rows))]
    public void The_Chinese_reads_as_Chinese(string name)
    {
        var zh = Regex.Replace(Row(name).Zh, @"\{[^}]*\}|'[^']*'|""[^""]*""|\$\w+|-[A-Z]\w+( \w+)?", "");
        Assert.DoesNotMatch(EnglishProse, zh);
        Assert.DoesNotMatch(HalfWidthAfterHan, Row(name).Zh);
        Assert.DoesNotContain("  ", Row(name).Zh.Trim());
    }

    [Fact]
    public void The_language_is_chosen_when_the_text_is_read()
    {
        var row = Msg.NotConnected;
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
            Assert.Equal(row.En, (string)row);
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal(row.Zh, (string)row);
            Assert.Equal(row.Zh, row.ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
