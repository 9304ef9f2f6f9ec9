namespace KimiPS.Emulator.Server;

/// <summary>
/// A response ready to write: status, headers and the body already split into the writes that are
/// flushed one by one. Default endpoints and scripted responses both end here, so every fault
/// (delays, cuts, stalls) works the same for both.
/// </summary>
internal sealed class ResponsePlan
{
    public ResponsePlan(int status, string? contentType, IReadOnlyList<byte[]> writes, IReadOnlyList<(string Name, string Value)>? headers = null)
    {
        Status = status;
        ContentType = contentType;
        Writes = writes;
        Headers = headers ?? [];
    }

    public int Status { get; }

    public string? ContentType { get; }

    public IReadOnlyList<(string Name, string Value)> Headers { get; }

    public IReadOnlyList<byte[]> Writes { get; }

    /// <summary>
    /// A body too big to hold (an endless one): written by this instead of <see cref="Writes"/>, with
    /// <see cref="DeclaredLength"/> as Content-Length when set, else chunked.
    /// </summary>
    public Func<Stream, CancellationToken, Task>? BodyWriter { get; init; }

    /// <summary>The Content-Length sent with <see cref="BodyWriter"/> (null: none, chunked).</summary>
    public long? DeclaredLength { get; init; }

    /// <summary>Event streams go out chunked; everything else gets a Content-Length like a real server's JSON.</summary>
    public bool IsEventStream => ContentType is not null && ContentType.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase);

    public static ResponsePlan Single(int status, string contentType, byte[] body, IReadOnlyList<(string Name, string Value)>? headers = null) =>
        new(status, contentType, body.Length == 0 ? [] : [body], headers);
}
