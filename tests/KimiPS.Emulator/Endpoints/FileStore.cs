using System.Text.Json;

namespace KimiPS.Emulator.Endpoints;

/// <summary>An uploaded (or generated) file. Content is kept only for small files (see <see cref="FileStore.MaxKeptBytes"/>).</summary>
internal sealed record StoredFile(string Id, string FileName, long Bytes, long CreatedAt, string Purpose, byte[]? Content);

/// <summary>The emulator's files, in upload order. Thread-safe.</summary>
internal sealed class FileStore
{
    /// <summary>Files up to this size keep their bytes for <c>/content</c> and batches; larger ones are only counted.</summary>
    public const int MaxKeptBytes = 1024 * 1024;

    public const long MaxFileBytes = 100L * 1024 * 1024;

    public const int MaxFileCount = 1000;

    private readonly object _gate = new();
    private readonly List<StoredFile> _files = [];

    public int Count { get { lock (_gate) return _files.Count; } }

    public StoredFile Add(string fileName, long bytes, string purpose, byte[]? content)
    {
        var file = new StoredFile("file_" + Guid.NewGuid().ToString("N")[..24], fileName, bytes, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), purpose, content);
        lock (_gate) _files.Add(file);
        return file;
    }

    public StoredFile? Get(string id)
    {
        lock (_gate) return _files.Find(f => f.Id == id);
    }

    public IReadOnlyList<StoredFile> All()
    {
        lock (_gate) return _files.ToArray();
    }

    public bool Remove(string id)
    {
        lock (_gate) return _files.RemoveAll(f => f.Id == id) > 0;
    }

    public void Clear()
    {
        lock (_gate) _files.Clear();
    }

    /// <summary>The FileObject of reference §2.2.</summary>
    public static void Write(Utf8JsonWriter w, StoredFile file)
    {
        w.WriteStartObject();
        w.WriteString("id", file.Id);
        w.WriteString("object", "file");
        w.WriteNumber("bytes", file.Bytes);
        w.WriteNumber("created_at", file.CreatedAt);
        w.WriteString("filename", file.FileName);
        w.WriteString("purpose", file.Purpose);
        w.WriteString("status", "ok");
        w.WriteString("status_details", "");
        w.WriteEndObject();
    }
}
