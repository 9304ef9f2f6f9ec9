namespace KimiPS.Core;

public sealed partial class KimiClient
{
    private const string ChatPath = "chat/completions";

    /// <summary>
    /// Sends a chat request and waits for the whole answer: the final one, after any extra rounds (see <see cref="ChatAsync(ChatRequest, CancellationToken)"/>).
    /// </summary>
    public ChatCompletion Chat(ChatRequest request, CancellationToken ct = default) =>
        ChatAsync(request, ct).GetAwaiter().GetResult();

    /// <summary>
    /// Sends a chat request and completes with the whole answer. Extra requests are made when the answer needs
    /// them: a <c>length</c>-cut answer is continued (<see cref="ChatRequest.AutoContinue"/>), a
    /// <c>tool_choice</c> Kimi does not accept is emulated, and the calls of Kimi's <c>$web_search</c>
    /// (<see cref="ChatTool.WebSearch"/>) are echoed back so the server runs the search: the result is the answer
    /// after the search. Usage is the sum over every request; <see cref="ChatCompletion.FollowUps"/> counts the extra ones.
    /// Calls of your own functions end the answer (<c>finish_reason: tool_calls</c>, in <see cref="ChatCompletion.ToolCalls"/>).
    /// </summary>
    public Task<ChatCompletion> ChatAsync(ChatRequest request, CancellationToken ct = default) =>
        ChatAsync(Rounds(request), ct);

    /// <summary>
    /// Streams a chat answer. Lazy: nothing is sent until enumeration starts, and each chunk is yielded
    /// as soon as its bytes arrive. The extra rounds of <see cref="ChatAsync(ChatRequest, CancellationToken)"/>
    /// stream too, one after the other; the last chunk carries the whole (final) answer in <see cref="ChatChunk.Completion"/>.
    /// A stream that ends before <c>[DONE]</c> throws <see cref="KimiStreamInterruptedException"/>; every stream
    /// failure keeps the text so far in <see cref="KimiException.PartialContent"/>.
    /// Disposing the enumerator (or cancelling) closes the connection so the server stops generating.
    /// The request is checked (and policy warnings raised) when this method is called, before enumeration.
    /// </summary>
    public IEnumerable<ChatChunk> ChatStream(ChatRequest request, CancellationToken ct = default)
    {
        var first = new FirstRounds { Rounds = Rounds(request) };
        return Restartable(first, request, ct);
    }

    /// <summary>
    /// The rounds change their request as they go: a second enumeration of the same sequence starts again from the
    /// caller's request (prepared again, quietly: its warnings were given when ChatStream was called).
    /// </summary>
    private IEnumerable<ChatChunk> Restartable(FirstRounds first, ChatRequest request, CancellationToken ct)
    {
        var rounds = Interlocked.Exchange(ref first.Rounds, null) ?? new ChatRounds(ModelPolicy.Prepare(request, _ => { }), Warn);
        foreach (var chunk in ChatStream(rounds, ct)) yield return chunk;
    }

    /// <summary>The rounds prepared when ChatStream was called, for the first enumeration only.</summary>
    private sealed class FirstRounds
    {
        public ChatRounds? Rounds;
    }

    /// <summary>
    /// The rounds engine for one answer: checks <paramref name="request"/> and applies the model policy now
    /// (its warnings reach <see cref="Diagnostic"/>). Give it to <see cref="ChatAsync(ChatRounds, CancellationToken)"/>
    /// or <see cref="ChatStream(ChatRounds, CancellationToken)"/>, once; afterwards it says how the tool loop ended.
    /// </summary>
    internal ChatRounds Rounds(ChatRequest request, IToolRunner? runner = null, int maxToolRounds = ChatRounds.DefaultMaxToolRounds) =>
        new(Prepare(request), Warn, runner, maxToolRounds);

    internal ChatCompletion Chat(ChatRounds rounds, CancellationToken ct = default) =>
        ChatAsync(rounds, ct).GetAwaiter().GetResult();

    /// <summary>The JSON driver of the rounds engine.</summary>
    internal async Task<ChatCompletion> ChatAsync(ChatRounds rounds, CancellationToken ct = default)
    {
        while (true)
        {
            var body = ChatRequestWriter.ToUtf8(rounds.Request, stream: false);
            var prefix = rounds.Prefix;
            // One record per HTTP request (the ledger, the audit log), whichever round it is.
            var trace = _http.Trace(HttpMethod.Post, ChatPath, rounds.Request.Model, streamed: false, body, completesOnResponse: false);
            ChatCompletion completion;
            try
            {
                var (bytes, requestId) = await _http.SendForBytesAsync(HttpMethod.Post, ChatPath, () => JsonContent(body), ErrorContext.Chat, ct,
                    trace, rounds.Request.AdditionalHeaders).ConfigureAwait(false);
                completion = ReadCompletion(bytes, requestId, prefix, trace);
            }
            catch (KimiException ex)
            {
                rounds.KeepPartial(ex);
                throw;
            }
            if (!rounds.Next(completion, ct)) return rounds.Result(completion);
        }
    }

    private PreparedChat Prepare(ChatRequest request)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        AdditionalBody.Check(request.AdditionalBody);
        RequestHeaders.Check(request.AdditionalHeaders, nameof(ChatRequest.AdditionalHeaders));
        // The note sink too: a harmless rewrite (legacy functions sent as tools) is a Verbose line, not lost.
        return ModelPolicy.Prepare(request, Warn, note => Emit(KimiDiagnosticLevel.Verbose, note));
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

    /// <summary>The streaming driver of the rounds engine: every round's chunks, then one summary chunk with the final answer.</summary>
    internal IEnumerable<ChatChunk> ChatStream(ChatRounds rounds, CancellationToken ct = default)
    {
        if (!string.IsNullOrEmpty(rounds.Prefix))
            yield return new ChatChunk { Content = rounds.Prefix }; // so the chunks' text adds up to Completion.Content

        while (true)
        {
            var round = new StreamRound();
            foreach (var chunk in StreamOnce(rounds, round, ct)) yield return chunk;
            if (!rounds.Next(round.Completion!, ct))
            {
                var completion = rounds.Result(round.Completion!);
                yield return new ChatChunk { FinishReason = completion.FinishReason, Usage = completion.Usage, Completion = completion };
                yield break;
            }
        }
    }

    /// <summary>One HTTP stream: yields every chunk but the final summary, and leaves the round's completion in <paramref name="round"/>.</summary>
    private IEnumerable<ChatChunk> StreamOnce(ChatRounds rounds, StreamRound round, CancellationToken ct)
    {
        // Written now, before the rounds engine changes the request for the next round.
        var body = ChatRequestWriter.ToUtf8(rounds.Request, stream: true);
        var prefix = rounds.Prefix;
        var trace = _http.Trace(HttpMethod.Post, ChatPath, rounds.Request.Model, streamed: true, body, completesOnResponse: false);
        HttpResponseMessage response;
        try
        {
            response = _http.SendAsync(HttpMethod.Post, ChatPath, () => JsonContent(body), ErrorContext.Chat, bufferBody: false, ct,
                trace, rounds.Request.AdditionalHeaders).GetAwaiter().GetResult();
        }
        catch (KimiException ex)
        {
            rounds.KeepPartial(ex); // a continuation that could not start: the text streamed so far is not lost
            throw;
        }
        var requestId = KimiHttp.RequestIdOf(response);
        StreamDecoding reader;
        try
        {
            var content = response.Content.ReadAsStreamAsync().GetAwaiter().GetResult();
            reader = new StreamDecoding(new IdleTimeoutStream(response, content, _options.StreamIdleTimeout, ct), _options, requestId, prefix,
                rounds.EarlierReasoning);
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
