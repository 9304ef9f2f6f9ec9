namespace KimiPS.Core;

/// <summary>
/// Each model's context length (ContextLength from /v1/models), per connection, for the size guard: cached ten
/// minutes so a pipeline asks once. A failed load is remembered briefly as "unknown" (the guard then lets the
/// server decide) so an account that cannot list models is not asked before every request.
/// </summary>
internal sealed class ModelContextCache
{
    public static ModelContextCache Shared { get; } = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), () => DateTimeOffset.UtcNow);

    private readonly TimeSpan _ttl;
    private readonly TimeSpan _failureTtl;
    private readonly Func<DateTimeOffset> _clock;
    private readonly Dictionary<string, (IReadOnlyDictionary<string, long> Lengths, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public ModelContextCache(TimeSpan ttl, TimeSpan failureTtl, Func<DateTimeOffset> clock)
    {
        _ttl = ttl;
        _failureTtl = failureTtl;
        _clock = clock;
    }

    /// <summary>The context length of <paramref name="model"/>, or null when it is not known. Throws only when cancelled.</summary>
    public long? Get(string connectionKey, string model, Func<IEnumerable<KimiModel>> load)
    {
        IReadOnlyDictionary<string, long>? lengths = null;
        lock (_gate)
        {
            if (_entries.TryGetValue(connectionKey, out var entry) && entry.Expires > _clock()) lengths = entry.Lengths;
        }
        if (lengths is null)
        {
            try
            {
                lengths = Store(connectionKey, load(), _ttl);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                lengths = Store(connectionKey, Array.Empty<KimiModel>(), _failureTtl);
            }
        }
        return lengths.TryGetValue(model, out var length) ? length : null;
    }

    /// <summary>Stores a list just fetched by Get-KimiModel.</summary>
    public void Set(string connectionKey, IEnumerable<KimiModel> models) => Store(connectionKey, models, _ttl);

    private IReadOnlyDictionary<string, long> Store(string connectionKey, IEnumerable<KimiModel> models, TimeSpan ttl)
    {
        var lengths = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var m in models)
        {
            if (!string.IsNullOrEmpty(m.Id) && m.ContextLength is > 0) lengths[m.Id] = m.ContextLength.Value;
        }
        lock (_gate) _entries[connectionKey] = (lengths, _clock() + ttl);
        return lengths;
    }
}
