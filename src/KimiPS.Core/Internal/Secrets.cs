using System.Text;

namespace KimiPS.Core;

/// <summary>Keeps the API key out of text meant for people.</summary>
internal static class Secrets
{
    /// <summary>Fragments of the key this long or longer are redacted: shorter ones match ordinary text by chance.</summary>
    internal const int MinFragment = 8;

    private const string Redacted = "[redacted]";

    /// <summary>At most the key's shape: <c>sk-…abcd</c>; "(none)" when there is no key.</summary>
    public static string Mask(string? key)
    {
        if (string.IsNullOrEmpty(key)) return "(none)";
        var k = key!;
        if (k.Length < 12) return "…";
        var prefix = k.StartsWith("sk-", StringComparison.Ordinal) ? "sk-" : "";
        return prefix + "…" + k.Substring(k.Length - 4);
    }

    /// <summary>
    /// Removes the key from a text that may echo it (a gateway's error message): the whole key becomes its hint
    /// (<see cref="Mask"/>), and any other run of <see cref="MinFragment"/> or more characters of it (a key echoed
    /// truncated, or with a character missing) becomes "[redacted]".
    /// </summary>
    internal static string Redact(string text, string? key)
    {
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(text) || key!.Length < 4) return text;
        if (text.IndexOf(key, StringComparison.Ordinal) >= 0) text = text.Replace(key, Mask(key));
        if (key.Length < MinFragment) return text;

        StringBuilder? sb = null;
        var copied = 0;
        for (var i = 0; i + MinFragment <= text.Length;)
        {
            var length = FragmentAt(text, i, key);
            if (length == 0)
            {
                i++;
                continue;
            }
            sb ??= new StringBuilder(text.Length);
            sb.Append(text, copied, i - copied).Append(Redacted);
            i += length;
            copied = i;
        }
        return sb is null ? text : sb.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The length of the longest substring of <paramref name="key"/> that starts at text[i], when at least <see cref="MinFragment"/>; else 0.</summary>
    private static int FragmentAt(string text, int i, string key)
    {
        var best = 0;
        for (var start = key.IndexOf(text[i]); start >= 0; start = key.IndexOf(text[i], start + 1))
        {
            var n = 0;
            while (start + n < key.Length && i + n < text.Length && key[start + n] == text[i + n]) n++;
            if (n > best) best = n;
        }
        return best >= MinFragment ? best : 0;
    }
}
