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

    /// <summary>The headers that carry the id to quote to support, best first (reference §1), for answers and errors alike.</summary>
    public static readonly string[] RequestIdHeaders = { "Msh-Request-Id", "x-request-id", "x-msh-trace-id" };

    public static string? RequestId(IReadOnlyDictionary<string, string>? headers)
    {
        foreach (var name in RequestIdHeaders)
            if (Find(headers, name) is { } id) return id;
        return null;
    }

    private static string? Clean(string? value)
    {
        var v = value?.Trim();
        return string.IsNullOrEmpty(v) ? null : v;
    }
}
