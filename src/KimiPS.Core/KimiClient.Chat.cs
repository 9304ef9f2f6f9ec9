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
            var trace = _http.Trace(HttpMethod.Post, ChatPath, wire.Model, streamed: false, body, completesOnResponse: false);
            var (bytes, requestId) = await _http.SendForBytesAsync(HttpMethod.Post, ChatPath, () => JsonContent(body), ErrorContext.Chat, ct,
                trace, wire.AdditionalHeaders).ConfigureAwait(false);
            var completion = ReadCompletion(bytes, requestId, rounds.Prefix, trace);
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
        AdditionalBody.Check(request.AdditionalBody);
        RequestHeaders.Check(request.AdditionalHeaders, nameof(ChatRequest.AdditionalHeaders));
        return ModelPolicy.Prepare(request, Warn);
    }

    /// <summary>Reads a whole answer; the request's record gets its usage, or the protocol error that reading it raised.</summary>
    private ChatCompletion ReadCompletion(byte[] bytes, string? requestId, string? prefix, RequestTrace? trace)
    {
        ChatCompletion completion;
        try
        {
            completion = ChatCompletionReader.Read(bytes, requestId, prefix, _options.ApiKey);
        }
        catch (Exception ex) when (trace != null)
        {
            trace.Fail(ex);
            throw;
        }
        trace?.Complete(completion);
        return completion;
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
        var trace = _http.Trace(HttpMethod.Post, ChatPath, wire.Model, streamed: true, body, completesOnResponse: false);
        var response = _http.SendAsync(HttpMethod.Post, ChatPath, () => JsonContent(body), ErrorContext.Chat, bufferBody: false, ct,
            trace, wire.AdditionalHeaders).GetAwaiter().GetResult();
        var requestId = KimiHttp.RequestIdOf(response);
        StreamDecoding reader;
        try
        {
            var content = response.Content.ReadAsStreamAsync().GetAwaiter().GetResult();
            reader = new StreamDecoding(new IdleTimeoutStream(response, content, _options.StreamIdleTimeout, ct), _options, requestId, prefix);
        }
        catch (Exception ex)
        {
            response.Dispose(); // nothing owns it yet
            trace?.Fail(ex);
            throw;
        }
        using (reader) // disposing (also when the caller stops early) closes the connection
        {
            try
            {
                var batch = new List<ChatChunk>(4);
                bool more;
                do
                {
                    more = Next(reader, batch, trace);
                    foreach (var chunk in batch) yield return chunk; // chunks decoded along with [DONE] too
                }
                while (more);
                round.Completion = reader.Decoder.BuildCompletion();
                trace?.Complete(round.Completion);
            }
            finally
            {
                // The reader stopped early (Select-Object -First, Ctrl+C): count what the stream delivered.
                if (trace is { Reported: false }) trace.Abandoned(reader.Decoder.BuildCompletion());
            }
        }
    }

    /// <summary>The next event's chunks; a failure (a cut, a stream error) is recorded with what the stream had delivered.</summary>
    private static bool Next(StreamDecoding reader, List<ChatChunk> batch, RequestTrace? trace)
    {
        try
        {
            return reader.Next(batch);
        }
        catch (Exception ex) when (trace != null)
        {
            trace.Fail(ex, partial: reader.Decoder.BuildCompletion());
            throw;
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
