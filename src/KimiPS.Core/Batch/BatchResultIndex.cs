using System.Text.Json;

namespace KimiPS.Core;

/// <summary>
/// Where each custom id's line is in a downloaded result file (JSONL), so results can be read in any order without
/// holding the file in memory: one pass records offsets, each result is then read and parsed when it is written.
/// </summary>
internal sealed class BatchResultIndex
{
    /// <summary>Longest result line accepted: far above one chat answer; a longer line is a broken file.</summary>
    public const int MaxLineBytes = 64 * 1024 * 1024;

    private readonly Stream _file;
    private readonly Dictionary<string, (long Offset, int Length)> _lines = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();

    private BatchResultIndex(Stream file) => _file = file;

    /// <summary>The custom ids in file order (a repeated id keeps its first line).</summary>
    public IReadOnlyList<string> CustomIds => _order;

    /// <summary>Lines with no readable custom id (not JSON, or no custom_id): they cannot be joined to a request.</summary>
    public int Unreadable { get; private set; }

    public static BatchResultIndex Build(Stream seekableFile)
    {
        var index = new BatchResultIndex(seekableFile);
        seekableFile.Position = 0;
        var buffer = new byte[81920];
        var line = new MemoryStream();
        long lineStart = 0, position = 0;
        int read;
        while ((read = seekableFile.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n') continue;
                Append(line, buffer, start, i - start);
                index.Add(line, lineStart);
                line.SetLength(0);
                start = i + 1;
                lineStart = position + i + 1;
            }
            Append(line, buffer, start, read - start);
            position += read;
        }
        index.Add(line, lineStart);
        return index;
    }

    private static void Append(MemoryStream line, byte[] buffer, int offset, int count)
    {
        if (line.Length + count > MaxLineBytes)
            throw Errors.ProtocolError($"a line of the batch's result file is longer than {MaxLineBytes / (1024 * 1024)} MiB");
        line.Write(buffer, offset, count);
    }

    private void Add(MemoryStream line, long offset)
    {
        var length = (int)line.Length;
        var bytes = line.GetBuffer();
        while (length > 0 && (bytes[length - 1] == (byte)'\r' || bytes[length - 1] == (byte)' ')) length--;
        if (length == 0) return;
        var id = CustomIdOf(new ReadOnlySpan<byte>(bytes, 0, length));
        if (id is null)
        {
            Unreadable++;
            return;
        }
        if (_lines.ContainsKey(id)) return;
        _lines[id] = (offset, length);
        _order.Add(id);
    }

    /// <summary>The top-level custom_id, read without building the whole document.</summary>
    private static string? CustomIdOf(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("custom_id");
                reader.Read();
                if (isId) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public bool Contains(string customId) => _lines.ContainsKey(customId);

    /// <summary>The line of <paramref name="customId"/>, read from the file now; null when the file has none.</summary>
    public byte[]? Read(string customId)
    {
        if (!_lines.TryGetValue(customId, out var at)) return null;
        var bytes = new byte[at.Length];
        _file.Position = at.Offset;
        var total = 0;
        while (total < bytes.Length)
        {
            var read = _file.Read(bytes, total, bytes.Length - total);
            if (read == 0) throw Errors.ProtocolError("the batch's result file changed while it was read");
            total += read;
        }
        return bytes;
    }
}
