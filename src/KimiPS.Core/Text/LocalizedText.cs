using System.Globalization;

namespace KimiPS.Core;

/// <summary>
/// One row of the message table (<see cref="Msg"/>): the English and the Simplified Chinese text of a message.
/// The language is chosen when the text is read (<see cref="Value"/>, the implicit conversion to string,
/// <see cref="Format"/>), by the reading thread's UI culture; so never keep a converted string in a static field.
/// </summary>
internal sealed class LocalizedText
{
    public LocalizedText(string en, string zh)
    {
        En = en;
        Zh = zh;
    }

    public string En { get; }
    public string Zh { get; }

    /// <summary>The text in the current UI language.</summary>
    public string Value => UiLanguage.IsChinese ? Zh : En;

    /// <summary>The text with {0}, {1}… filled in, numbers formatted as an interpolated string would (current culture).</summary>
    public string Format(params object?[] args) => string.Format(CultureInfo.CurrentCulture, Value, args);

    public override string ToString() => Value;

    public static implicit operator string(LocalizedText text) => text.Value;
}
