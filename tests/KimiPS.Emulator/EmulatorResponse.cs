using System.Text;
using KimiPS.Emulator.Endpoints;
using KimiPS.Emulator.Server;

namespace KimiPS.Emulator;

/// <summary>
/// A scripted answer (a fault or a canned reply), queued with <see cref="KimiEmulator.Enqueue"/> or
/// returned by <see cref="KimiEmulator.Handler"/>. The factory methods fix the body; the settable
/// properties say which requests it answers and how the bytes are delivered.
/// </summary>
public sealed class EmulatorResponse
{
    private const string JsonType = "application/json; charset=utf-8";
    private const string EventStream = "text/event-stream";

    private readonly Func<RecordedRequest, ResponsePlan> _build;

    private EmulatorResponse(Func<RecordedRequest, ResponsePlan> build) => _build = build;

    /// <summary>Only requests whose path contains this (ordinal, case-insensitive) are answered; null = any.</summary>
    public string? PathContains { get; set; }

    /// <summary>How many matching requests this answers before it leaves the queue.</summary>
    public int Times { get; set; } = 1;

    /// <summary>A pause between two writes; each write is flushed, so the client sees the bytes arrive apart.</summary>
    public TimeSpan DelayBetweenWrites { get; set; }

    /// <summary>Split the body into writes of at most this many bytes (default: one write per SSE event, or one write).</summary>
    public int? WriteSize { get; set; }

    /// <summary>
    /// End the connection after this many body bytes (0 = right after the headers). The bytes are
    /// delivered, then the connection closes without the rest (no chunked terminator, no [DONE]).
    /// </summary>
    public int? CutAfterBytes { get; set; }

    /// <summary>With <see cref="CutAfterBytes"/>: stop writing but keep the connection open until the client leaves (idle-timeout tests).</summary>
    public bool StallAfterCut { get; set; }

    /// <summary>A pause before the status line is sent.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>A JSON body with any status and extra headers.</summary>
    public static EmulatorResponse Json(int status, string body, params (string Name, string Value)[] headers) =>
        new(_ => ResponsePlan.Single(status, JsonType, Encoding.UTF8.GetBytes(body), headers));

    /// <summary>Kimi's error envelope <c>{"error":{"type":..,"message":..}}</c>.</summary>
    public static EmulatorResponse KimiError(int status, string type, string message, params (string, string)[] headers) =>
        new(_ => Errors.Kimi(status, type, message, headers));

    /// <summary>
    /// A gateway (AceData) error: <c>{"error":{"code","message"},"trace_id":"&lt;uuid&gt;"}</c>, or with
    /// <c>"success":false</c> first, as in seed 003.
    /// </summary>
    public static EmulatorResponse GatewayError(int status, string code, string message, bool successFalse = false) =>
        new(_ => JsonBytes.Json(status, w =>
        {
            w.WriteStartObject();
            if (successFalse) w.WriteBoolean("success", false);
            w.WriteStartObject("error");
            w.WriteString("code", code);
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WriteString("trace_id", Guid.NewGuid().ToString());
            w.WriteEndObject();
        }));

    /// <summary>An HTML page, e.g. the 504 a gateway sends after 900 s of silence.</summary>
    public static EmulatorResponse Html(int status, string html) =>
        new(_ => ResponsePlan.Single(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html)));

    /// <summary>An SSE stream: <c>data: {json}\n\n</c> per event (one write each), then <c>data: [DONE]\n\n</c> when <paramref name="done"/>.</summary>
    public static EmulatorResponse Sse(IEnumerable<string> jsonEvents, bool done = true)
    {
        // Materialized now: the caller's sequence may be lazy or single-use, and Times may replay it.
        var events = jsonEvents.Select(e => Encoding.UTF8.GetBytes("data: " + e + "\n\n")).ToList();
        if (done) events.Add(Encoding.UTF8.GetBytes("data: [DONE]\n\n"));
        return new(_ => new ResponsePlan(200, EventStream, events));
    }

    /// <summary>Bytes written exactly as given (malformed chunks, odd line endings, a missing [DONE]).</summary>
    public static EmulatorResponse Raw(byte[] bytes, string contentType = EventStream)
    {
        var copy = (byte[])bytes.Clone();
        return new(_ => ResponsePlan.Single(200, contentType, copy));
    }

    /// <summary>
    /// A body (status 200 unless <paramref name="status"/>) of <paramref name="piece"/> repeated: endlessly (chunked, until the client leaves) or, with
    /// <paramref name="totalBytes"/>, that many bytes under a matching Content-Length. For size-limit tests: the
    /// emulator never holds the whole body.
    /// </summary>
    public static EmulatorResponse Repeated(string piece, long? totalBytes = null, string contentType = JsonType, int status = 200)
    {
        var bytes = Encoding.UTF8.GetBytes(piece);
        if (bytes.Length == 0) throw new ArgumentException("The piece must not be empty.", nameof(piece));
        return new(_ => new ResponsePlan(status, contentType, [])
        {
            DeclaredLength = totalBytes,
            BodyWriter = async (body, ct) =>
            {
                // Writes of about 64 KiB: fast enough to pass any sane limit within a second.
                var block = Enumerable.Repeat(bytes, Math.Max(1, 65536 / bytes.Length)).SelectMany(b => b).ToArray();
                for (long sent = 0; totalBytes is null || sent < totalBytes;)
                {
                    var count = totalBytes is long total ? (int)Math.Min(block.Length, total - sent) : block.Length;
                    await body.WriteAsync(block.AsMemory(0, count), ct);
                    sent += count;
                }
            },
        });
    }

    /// <summary>The seed 003 transcript (AceData, kimi-k2.5), byte for byte, one write per event.</summary>
    public static EmulatorResponse Seed003Stream()
    {
        var bytes = Fixtures.Seed003Stream();
        return new(_ => new ResponsePlan(200, EventStream, Fixtures.SplitEvents(bytes)));
    }

    /// <summary>A chat completion: JSON, or Kimi-style SSE when the request says <c>"stream":true</c>.</summary>
    public static EmulatorResponse Chat(ChatScript script) =>
        new(request => ChatRenderer.Render(script, ChatRequestInfo.From(request)));

    internal ResponsePlan Build(RecordedRequest request) => _build(request);

    internal bool Matches(RecordedRequest request) =>
        PathContains is null || request.Path.Contains(PathContains, StringComparison.OrdinalIgnoreCase);
}
