namespace KimiPS.Emulator.Server;

/// <summary>The embedded recorded transcripts (Fixtures/**, embedded by the project file).</summary>
internal static class Fixtures
{
    private static readonly Lazy<byte[]> Seed003 = new(() => Load("seed003-stream.sse"));

    public static byte[] Seed003Stream() => Seed003.Value;

    /// <summary>Splits a transcript after each blank line, so each event is its own flushed write; the bytes are unchanged.</summary>
    public static IReadOnlyList<byte[]> SplitEvents(byte[] bytes)
    {
        var writes = new List<byte[]>();
        var start = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n' && bytes[i + 1] == (byte)'\n')
            {
                writes.Add(bytes[start..(i + 2)]);
                start = i + 2;
                i++;
            }
        }
        if (start < bytes.Length) writes.Add(bytes[start..]);
        return writes;
    }

    private static byte[] Load(string fileName)
    {
        var assembly = typeof(Fixtures).Assembly;
        // The manifest name depends on the folder layout; match on the file name's suffix.
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
