namespace KimiPS.Core;

/// <summary>Reads a response header from the caller's dictionary.</summary>
internal static class HeaderLookup
{
    /// <summary>
    /// The caller's dictionary is expected to compare names case-insensitively; a scan backs that up,
    /// because an error path must not lose a request id to an ordinal dictionary.
    /// </summary>
    public static string? Find(IReadOnlyDictionary<string, string>? headers, string name)
    {
        if (headers is null || headers.Count == 0) return null;
        if (headers.TryGetValue(name, out var value)) return Clean(value);
        foreach (var pair in headers)
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)) return Clean(pair.Value);
        return null;
    }

    private static string? Clean(string? value)
    {
        var v = value?.Trim();
        return string.IsNullOrEmpty(v) ? null : v;
    }
}
