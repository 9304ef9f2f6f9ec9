using System.Text;

namespace KimiPS.Core;

/// <summary>
/// Text from a server or a model, made safe to print on a terminal. An answer can carry escape sequences (a
/// document the model read can put them there) that retitle the window, clear the screen, hide text or, on some
/// terminals, write to the clipboard. The format views and ToString() show text through <see cref="Clean"/>; the
/// Content properties keep the raw text for scripts.
/// </summary>
public static class TerminalText
{
    private const char Esc = '\u001B';
    private const char Bel = '\u0007';

    /// <summary>
    /// Removes ESC sequences (CSI, OSC, DCS, SOS, PM, APC and two-character ones), their 8-bit C1 forms and every
    /// other C0/C1 control character and DEL. Kept: tab, line feed, and carriage return before a line feed.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        if (!NeedsCleaning(text!)) return text!;
        var sb = new StringBuilder(text!.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\t' || c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                sb.Append(c);
                continue;
            }
            if (!IsControl(c))
            {
                sb.Append(c);
                continue;
            }
            i = SkipSequence(text, i);
        }
        return sb.ToString();
    }

    private static bool NeedsCleaning(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\t' || c == '\n') continue;
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            if (IsControl(c)) return true;
        }
        return false;
    }

    private static bool IsControl(char c) => c < 0x20 || (c >= 0x7F && c <= 0x9F);

    /// <summary>The index of the last character of the control sequence that starts at <paramref name="i"/>.</summary>
    private static int SkipSequence(string text, int i)
    {
        var c = text[i];
        char kind;
        int body;
        if (c == Esc)
        {
            if (i + 1 >= text.Length) return i;
            kind = text[i + 1];
            body = i + 2;
            if (kind == '[') return SkipCsi(text, body);
            if (kind == ']' || kind == 'P' || kind == 'X' || kind == '^' || kind == '_') return SkipString(text, body);
            // ESC + intermediates (0x20-0x2F) + one final character: charset selection, keypad modes, RIS (ESC c)...
            var j = i + 1;
            while (j < text.Length && text[j] >= 0x20 && text[j] <= 0x2F) j++;
            return j < text.Length && text[j] >= 0x30 && text[j] <= 0x7E ? j : j - 1;
        }
        if (c == '\u009B') return SkipCsi(text, i + 1);
        if (c == '\u009D' || c == '\u0090' || c == '\u0098' || c == '\u009E' || c == '\u009F') return SkipString(text, i + 1);
        return i; // a lone control character
    }

    /// <summary>CSI: parameters and intermediates (0x20-0x3F), then one final byte (0x40-0x7E).</summary>
    private static int SkipCsi(string text, int j)
    {
        while (j < text.Length && text[j] >= 0x20 && text[j] <= 0x3F) j++;
        return j < text.Length && text[j] >= 0x40 && text[j] <= 0x7E ? j : j - 1;
    }

    /// <summary>OSC, DCS, SOS, PM, APC: up to BEL, ESC \ or ST (U+009C); an unterminated one runs to the end.</summary>
    private static int SkipString(string text, int j)
    {
        for (; j < text.Length; j++)
        {
            var c = text[j];
            if (c == Bel || c == '\u009C') return j;
            if (c == Esc) return j + 1 < text.Length && text[j + 1] == '\\' ? j + 1 : j;
        }
        return text.Length - 1;
    }
}
