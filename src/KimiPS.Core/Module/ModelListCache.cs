namespace KimiPS.Core;

/// <summary>
/// Model ids for the -Model argument completer, cached per connection so tab completion does not call the
/// API on every key press. A failed load caches the fallback list briefly, so an offline shell stays responsive.
/// </summary>
internal sealed class ModelListCache
{
    /// <summary>Current ids (reference/kimi-api.md §5) offered when the live list cannot be had.</summary>
    public static readonly IReadOnlyList<string> Fallback = new[] { "kimi-k2.6", "kimi-k3", "kimi-k2.7-code", "kimi-k2.7-code-highspeed" };

    public static ModelListCache Shared { get; } = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), () => DateTimeOffset.UtcNow);

    private readonly TimeSpan _ttl;
    private readonly TimeSpan _failureTtl;
    private readonly Func<DateTimeOffset> _clock;
    private readonly Dictionary<string, (IReadOnlyList<string> Ids, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public ModelListCache(TimeSpan ttl, TimeSpan failureTtl, Func<DateTimeOffset> clock)
    {
        _ttl = ttl;
        _failureTtl = failureTtl;
        _clock = clock;
    }

    /// <summary>The cached ids for <paramref name="key"/>, loading them when absent or stale. Never throws.</summary>
    public IReadOnlyList<string> Get(string key, Func<IReadOnlyList<string>> load)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Expires > _clock()) return entry.Ids;
        }
        IReadOnlyList<string> ids;
        TimeSpan ttl;
        try
        {
            ids = load();
            ttl = _ttl;
            if (ids.Count == 0) (ids, ttl) = (Fallback, _failureTtl);
        }
        catch (Exception)
        {
            // A completer must never throw: any failure (offline, bad key, timeout) falls back to known ids.
            (ids, ttl) = (Fallback, _failureTtl);
        }
        lock (_gate) _entries[key] = (ids, _clock() + ttl);
        return ids;
    }

    /// <summary>Stores a list just fetched by Get-KimiModel.</summary>
    public void Set(string key, IEnumerable<string> ids)
    {
        var list = ids.ToList();
        if (list.Count == 0) return;
        lock (_gate) _entries[key] = (list, _clock() + _ttl);
    }

    /// <summary>The ids that start with what was typed (quotes removed), case-insensitive, sorted.</summary>
    public static IEnumerable<string> Match(IEnumerable<string> ids, string? wordToComplete)
    {
        var word = (wordToComplete ?? "").Trim('\'', '"');
        return ids.Where(id => id.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                  .OrderBy(id => id, StringComparer.OrdinalIgnoreCase);
    }
}
