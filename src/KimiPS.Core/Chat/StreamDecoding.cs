namespace KimiPS.Core;

/// <summary>
/// Glue between the byte-level SSE reader and the chunk decoder for one HTTP stream, kept out of the
/// iterator because C# does not allow <c>yield</c> inside try/catch: every failure of a read becomes
/// the right typed error here, and this is the one place that puts the text received so far on it
/// (<see cref="KimiException.PartialContent"/>, <see cref="KimiException.PartialReasoning"/>): a cut, an
/// error event, an idle timeout and a protocol error alike.
/// </summary>
internal sealed class StreamDecoding : IDisposable
{
    private readonly Stream _body;
    private readonly SseEventReader _reader;
    private readonly string? _requestId;
    private readonly string? _earlierReasoning;

    /// <param name="body">The response body, read through the idle timeout.</param>
    /// <param name="options">The client's options (event size limit, the key to keep out of messages).</param>
    /// <param name="requestId">The response's request id, for the messages.</param>
    /// <param name="prefix">The answer's text before this stream (a Partial Mode prefix): the server does not repeat it.</param>
    /// <param name="earlierReasoning">The reasoning of the rounds this stream continues, kept on a failure with this stream's.</param>
    public StreamDecoding(Stream body, KimiClientOptions options, string? requestId, string? prefix, string? earlierReasoning = null)
    {
        _body = body;
        _requestId = requestId;
        _earlierReasoning = earlierReasoning;
        _reader = new SseEventReader(body, options.MaxEventBytes);
        var apiKey = options.ApiKey;
        Decoder = new ChatStreamDecoder(requestId, prefix, data => ErrorCatalog.FromStreamError(data.Span, requestId, apiKey));
    }

    public ChatStreamDecoder Decoder { get; }

    /// <summary>Fills <paramref name="batch"/> with the chunks of the next event; false once <c>[DONE]</c> arrived (batch may still hold chunks).</summary>
    public bool Next(List<ChatChunk> batch)
    {
        batch.Clear();
        while (true)
        {
            try
            {
                if (!_reader.TryReadEvent(out var data)) throw Interrupted("the server closed the stream before [DONE]", null);
                if (!Decoder.Decode(data, batch)) return false;
            }
            catch (IOException ex)
            {
                throw Interrupted("the connection was cut", ex);
            }
            catch (ObjectDisposedException ex)
            {
                throw Interrupted("the connection was closed", ex);
            }
            catch (KimiException ex) when (ex is not KimiStreamInterruptedException)
            {
                // An error event, an idle timeout, a protocol error, an oversized event: the text shown so far is kept.
                ex.KeepPartial(Decoder.PartialContent, PartialReasoning);
                throw;
            }
            if (batch.Count > 0) return true;
        }
    }

    private KimiStreamInterruptedException Interrupted(string what, Exception? inner)
    {
        var id = _requestId is null ? "" : $" Request id: {_requestId}.";
        return new KimiStreamInterruptedException(
            $"The answer stream ended early: {what}. {Decoder.PartialContent.Length} characters were received and are kept in PartialContent.{id}",
            Decoder.PartialContent, PartialReasoning, inner);
    }

    private string? PartialReasoning => ModelPolicy.Join(_earlierReasoning, Decoder.PartialReasoning);

    public void Dispose()
    {
        _reader.Dispose();
        _body.Dispose();
    }
}
