namespace KimiPS.Core;

public sealed partial class KimiClient
{
    private const string ChatPath = "chat/completions";

    /// <summary>Sends a chat request and waits for the whole answer.</summary>
    public ChatCompletion Chat(ChatRequest request, CancellationToken ct = default) =>
        ChatAsync(request, ct).GetAwaiter().GetResult();

    /// <summary>
    /// Sends a chat request and completes with the whole answer. Continues a <c>length</c>-cut answer
    /// (<see cref="ChatRequest.AutoContinue"/>) and emulates <c>tool_choice: required</c> with follow-up requests.
    /// </summary>
    public async Task<ChatCompletion> ChatAsync(ChatRequest request, CancellationToken ct = default)
    {
        var prepared = Prepare(request);
        var rounds = new ChatRounds(prepared);
        var wire = prepared.Wire;
        while (true)
        {
            var body = ChatRequestWriter.ToUtf8(wire, stream: false);
            var (bytes, requestId) = await _http.SendForBytesAsync(HttpMethod.Post, ChatPath, () => JsonContent(body), ErrorContext.Chat, ct)
                .ConfigureAwait(false);
            var completion = ChatCompletionReader.Read(bytes, requestId, rounds.Prefix, _options.ApiKey);
            var next = rounds.Next(wire, completion);
            if (next is null) return rounds.Result(completion);
            wire = next;
        }
    }

    /// <summary>
    /// Streams a chat answer. Lazy: nothing is sent until enumeration starts, and each chunk is yielded
    /// as soon as its bytes arrive. The last chunk carries the whole answer in <see cref="ChatChunk.Completion"/>.
    /// A stream that ends before <c>[DONE]</c> throws <see cref="KimiStreamInterruptedException"/> with the text so far.
    /// Disposing the enumerator (or cancelling) closes the connection so the server stops generating.
    /// The request is checked (and policy warnings raised) when this method is called, before enumeration.
    /// </summary>
    public IEnumerable<ChatChunk> ChatStream(ChatRequest request, CancellationToken ct = default) =>
        StreamRounds(new ChatRounds(Prepare(request)), ct);

    private PreparedChat Prepare(ChatRequest request)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        // The note sink too: a harmless rewrite (legacy functions sent as tools) is a Verbose line, not lost.
        return ModelPolicy.Prepare(request, Warn, note => Emit(KimiDiagnosticLevel.Verbose, note));
    }

    private IEnumerable<ChatChunk> StreamRounds(ChatRounds rounds, CancellationToken ct)
    {
        var wire = rounds.Prepared.Wire;
        if (!string.IsNullOrEmpty(rounds.Prefix))
            yield return new ChatChunk { Content = rounds.Prefix }; // so the chunks' text adds up to Completion.Content

        while (true)
        {
            var round = new StreamRound();
            foreach (var chunk in StreamOnce(wire, rounds.Prefix, round, ct)) yield return chunk;
            var next = rounds.Next(wire, round.Completion!);
            if (next is null)
            {
                var completion = rounds.Result(round.Completion!);
                yield return new ChatChunk { FinishReason = completion.FinishReason, Usage = completion.Usage, Completion = completion };
                yield break;
            }
            wire = next;
        }
    }

    /// <summary>One HTTP stream: yields every chunk but the final summary, and leaves the round's completion in <paramref name="round"/>.</summary>
    private IEnumerable<ChatChunk> StreamOnce(ChatRequest wire, string? prefix, StreamRound round, CancellationToken ct)
    {
        var body = ChatRequestWriter.ToUtf8(wire, stream: true);
        var response = _http.SendAsync(HttpMethod.Post, ChatPath, () => JsonContent(body), ErrorContext.Chat, bufferBody: false, ct)
            .GetAwaiter().GetResult();
        var requestId = KimiHttp.RequestIdOf(response);
        StreamDecoding reader;
        try
        {
            var content = response.Content.ReadAsStreamAsync().GetAwaiter().GetResult();
            reader = new StreamDecoding(new IdleTimeoutStream(response, content, _options.StreamIdleTimeout, ct), _options, requestId, prefix);
        }
        catch
        {
            response.Dispose(); // nothing owns it yet
            throw;
        }
        using (reader) // disposing (also when the caller stops early) closes the connection
        {
            var batch = new List<ChatChunk>(4);
            bool more;
            do
            {
                more = reader.Next(batch);
                foreach (var chunk in batch) yield return chunk; // chunks decoded along with [DONE] too
            }
            while (more);
            round.Completion = reader.Decoder.BuildCompletion();
        }
    }

    private static HttpContent JsonContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private sealed class StreamRound
    {
        public ChatCompletion? Completion { get; set; }
    }
}
