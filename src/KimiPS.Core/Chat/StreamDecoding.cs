namespace KimiPS.Core;

/// <summary>
/// Glue between the byte-level SSE reader and the chunk decoder for one HTTP stream, kept out of the
/// iterator because C# does not allow <c>yield</c> inside try/catch: every failure of a read becomes
/// the right typed error here, with the text received so far.
/// </summary>
internal sealed class StreamDecoding : IDisposable
{
    private readonly Stream _body;
    private readonly SseEventReader _reader;
    private readonly string? _requestId;

    public StreamDecoding(Stream body, KimiClientOptions options, string? requestId, string? prefix)
    {
        _body = body;
        _requestId = requestId;
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
                if (!_reader.TryReadEvent(out var data)) throw Interrupted(Msg.StreamClosedBeforeDone, null);
                if (!Decoder.Decode(data, batch)) return false;
            }
            catch (IOException ex)
            {
                throw Interrupted(Msg.StreamCut, ex);
            }
            catch (ObjectDisposedException ex)
            {
                throw Interrupted(Msg.ReasonClosed, ex);
            }
            catch (KimiException ex) when (ex is not KimiApiException and not KimiStreamInterruptedException)
            {
                // A timeout or a protocol error after text was shown: keep that text, as the idle timeout does.
                ex.Data["PartialContent"] = Decoder.PartialContent;
                throw;
            }
            if (batch.Count > 0) return true;
        }
    }

    private KimiStreamInterruptedException Interrupted(string what, Exception? inner)
    {
        var id = _requestId is null ? "" : Msg.StreamRequestId.Format(_requestId);
        return new KimiStreamInterruptedException(
            Msg.StreamEndedEarly.Format(what, Decoder.PartialContent.Length, id),
            Decoder.PartialContent, Decoder.PartialReasoning, inner);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _body.Dispose();
    }
}
