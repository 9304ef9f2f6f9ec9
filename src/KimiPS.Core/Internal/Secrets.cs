namespace KimiPS.Core;

/// <summary>Keeps the API key out of text meant for people.</summary>
public static class Secrets
{
    /// <summary>At most the key's shape: <c>sk-…abcd</c>; "(none)" when there is no key.</summary>
    public static string Mask(string? key)
    {
        if (string.IsNullOrEmpty(key)) return "(none)";
        var k = key!;
        if (k.Length < 12) return "…";
        var prefix = k.StartsWith("sk-", StringComparison.Ordinal) ? "sk-" : "";
        return prefix + "…" + k.Substring(k.Length - 4);
    }

    /// <summary>Removes every occurrence of the key from a text that may echo it (a gateway's error message).</summary>
    internal static string Redact(string text, string? key)
    {
        if (string.IsNullOrEmpty(key) || key!.Length < 4 || text.IndexOf(key, StringComparison.Ordinal) < 0) return text;
        return text.Replace(key, Mask(key));
    }
}
