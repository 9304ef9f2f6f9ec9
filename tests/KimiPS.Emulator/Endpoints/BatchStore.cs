using System.Text.Json;

namespace KimiPS.Emulator.Endpoints;

/// <summary>The emulator's batches, oldest first. Thread-safe: every read or change holds the lock.</summary>
internal sealed class BatchStore
{
    private readonly object _gate = new();
    private readonly List<Batch> _batches = [];

    public void Add(Batch batch)
    {
        lock (_gate) _batches.Add(batch);
    }

    /// <summary>Runs <paramref name="action"/> on the batch under the lock, so a status step is atomic.</summary>
    public T? With<T>(string id, Func<Batch, T> action) where T : class
    {
        lock (_gate)
        {
            var batch = _batches.Find(b => b.Id == id);
            return batch is null ? null : action(batch);
        }
    }

    /// <summary>
    /// Writes a list page, newest first (like OpenAI's list), starting after the batch with id
    /// <paramref name="after"/>. Written under the lock so no batch changes status mid-write.
    /// </summary>
    public void WritePage(Utf8JsonWriter w, string? after, int limit)
    {
        lock (_gate)
        {
            var newestFirst = Enumerable.Reverse(_batches).ToList();
            var start = after is null ? 0 : newestFirst.FindIndex(b => b.Id == after) + 1;
            var page = newestFirst.Skip(start).Take(limit).ToList();
            w.WriteStartObject();
            w.WriteString("object", "list");
            w.WriteStartArray("data");
            page.ForEach(b => b.Write(w));
            w.WriteEndArray();
            w.WriteBoolean("has_more", start + page.Count < newestFirst.Count);
            w.WriteEndObject();
        }
    }

    public void Clear()
    {
        lock (_gate) _batches.Clear();
    }
}
