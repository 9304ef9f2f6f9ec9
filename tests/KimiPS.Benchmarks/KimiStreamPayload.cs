using System.Text;

namespace KimiPS.Benchmarks;

/// <summary>
/// A pre-built Kimi-shaped SSE answer: <c>count</c> content chunks (id, object, created, model,
/// choices[0].delta.content of a few characters, some CJK and JSON escapes, finish_reason null), then the
/// finish chunk with finish_reason stop and Kimi's per-choice <c>choices[0].usage</c>, then the
/// include_usage chunk with <c>choices: []</c>, then <c>data: [DONE]</c>.
/// </summary>
internal sealed class KimiStreamPayload
{
    // Raw JSON string literal bodies (already escaped) and what they decode to.
    private static readonly (string Json, string Text)[] Pieces =
    {
        ("Hello", "Hello"), (" world", " world"), (",", ","), (" 你好", " 你好"), ("世界", "世界"),
        (" the", " the"), (" quick", " quick"), (" brown", " brown"), ("\\n", "\n"), (" \\\"fox\\\"", " \"fox\""),
        ("。", "。"), (" jumps", " jumps"), (" 月之暗面", " 月之暗面"), (" over", " over"), (" 2026", " 2026"), ("!", "!"),
    };

    public const string Id = "chatcmpl-6f1e2d3c4b5a69788796a5b4";
    public const string Model = "kimi-k2.6";
    public const long Created = 1767225600;

    private KimiStreamPayload(byte[] bytes, int chunks, string text)
    {
        Bytes = bytes;
        Chunks = chunks;
        Text = text;
        Digest = ContentDigest.Of(text);
    }

    /// <summary>The whole response body.</summary>
    public byte[] Bytes { get; }

    /// <summary>Content chunks (those with a non-empty delta.content).</summary>
    public int Chunks { get; }

    /// <summary>The concatenated content a correct decoder yields.</summary>
    public string Text { get; }

    public ContentDigest Digest { get; }

    public static KimiStreamPayload Build(int count)
    {
        var sse = new StringBuilder(count * 200);
        var text = new StringBuilder(count * 6);
        for (var i = 0; i < count; i++)
        {
            var (json, plain) = Pieces[i % Pieces.Length];
            var delta = i == 0 ? $"{{\"role\":\"assistant\",\"content\":\"{json}\"}}" : $"{{\"content\":\"{json}\"}}";
            Event(sse, $"[{{\"index\":0,\"delta\":{delta},\"finish_reason\":null}}]", usage: null);
            text.Append(plain);
        }
        var usage = $"{{\"prompt_tokens\":19,\"completion_tokens\":{count},\"total_tokens\":{count + 19},\"cached_tokens\":0}}";
        Event(sse, $"[{{\"index\":0,\"delta\":{{}},\"finish_reason\":\"stop\",\"usage\":{usage}}}]", usage: null);
        Event(sse, "[]", usage);
        sse.Append("data: [DONE]\n\n");
        return new KimiStreamPayload(Encoding.UTF8.GetBytes(sse.ToString()), count, text.ToString());
    }

    /// <summary>
    /// One event per sequence number for the latency run: the content is <c>"#n "</c> so the client can
    /// tell which flush a yielded chunk belongs to. Returns the events (without [DONE]) and the trailer.
    /// </summary>
    public static (byte[][] Events, byte[] Trailer) BuildNumbered(int count)
    {
        var events = new byte[count][];
        var sb = new StringBuilder(256);
        for (var i = 0; i < count; i++)
        {
            sb.Clear();
            Event(sb, $"[{{\"index\":0,\"delta\":{{\"content\":\"#{i} \"}},\"finish_reason\":null}}]", usage: null);
            events[i] = Encoding.UTF8.GetBytes(sb.ToString());
        }
        sb.Clear();
        var usage = $"{{\"prompt_tokens\":19,\"completion_tokens\":{count},\"total_tokens\":{count + 19},\"cached_tokens\":0}}";
        Event(sb, $"[{{\"index\":0,\"delta\":{{}},\"finish_reason\":\"stop\",\"usage\":{usage}}}]", usage: null);
        Event(sb, "[]", usage);
        sb.Append("data: [DONE]\n\n");
        return (events, Encoding.UTF8.GetBytes(sb.ToString()));
    }

    private static void Event(StringBuilder sb, string choices, string? usage)
    {
        sb.Append("data: {\"id\":\"").Append(Id).Append("\",\"object\":\"chat.completion.chunk\",\"created\":").Append(Created)
          .Append(",\"model\":\"").Append(Model).Append("\",\"choices\":").Append(choices);
        sb.Append(",\"usage\":").Append(usage ?? "null");
        sb.Append("}\n\n");
    }
}

/// <summary>An allocation-free fingerprint of concatenated text (length + FNV-1a), so measured runs need no StringBuilder.</summary>
internal struct ContentDigest : IEquatable<ContentDigest>
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public long Length;
    public ulong Hash;
    public int Chunks;

    public static ContentDigest Start() => new() { Hash = Offset };

    public static ContentDigest Of(string text)
    {
        var d = Start();
        d.Add(text);
        d.Chunks = 0;
        return d;
    }

    public void Add(string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        Chunks++;
        Length += text!.Length;
        var h = Hash;
        foreach (var c in text) h = (h ^ c) * Prime;
        Hash = h;
    }

    public bool SameText(ContentDigest other) => Length == other.Length && Hash == other.Hash;
    public bool Equals(ContentDigest other) => SameText(other) && Chunks == other.Chunks;
    public override bool Equals(object? obj) => obj is ContentDigest d && Equals(d);
    public override int GetHashCode() => HashCode.Combine(Length, Hash, Chunks);
    public override string ToString() => $"{Chunks} chunks, {Length} chars, fnv {Hash:x16}";
}
