namespace KimiPS.Core;

public sealed partial class KimiClient
{
    /// <summary>Sends a chat request and waits for the whole answer.</summary>
    public ChatCompletion Chat(ChatRequest request, CancellationToken ct = default) =>
        ChatAsync(request, ct).GetAwaiter().GetResult();

    /// <summary>Sends a chat request and completes with the whole answer.</summary>
    public Task<ChatCompletion> ChatAsync(ChatRequest request, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>
    /// Streams a chat answer. Lazy: nothing is sent until enumeration starts, and each chunk is yielded
    /// as soon as its bytes arrive. The last chunk carries the whole answer in <see cref="ChatChunk.Completion"/>.
    /// A stream that ends before <c>[DONE]</c> throws <see cref="KimiStreamInterruptedException"/> with the text so far.
    /// Disposing the enumerator (or cancelling) closes the connection so the server stops generating.
    /// </summary>
    public IEnumerable<ChatChunk> ChatStream(ChatRequest request, CancellationToken ct = default) =>
        throw new NotImplementedException();
}
