using System.Text.Json;

namespace KimiPS.Core;

internal sealed partial class ChatStreamDecoder
{
    // Every chunk of a stream repeats the same members before "choices" byte for byte:
    // {"id":"chatcmpl-…","object":"chat.completion.chunk","created":…,"model":"kimi-k2.6","choices":
    // That is about half of a content chunk's bytes and a third of its JSON tokens, all of which the
    // first chunk already validated and applied (id, model and created are read once; the rest is skipped).
    // So the bytes up to the "choices" name are kept with the reader's state at that point, and a later
    // chunk that starts with the same bytes is parsed from there on: same tokens, same validation, same
    // depth, same result, without re-tokenizing the envelope. Anything else takes the full parse.
    private byte[] _envelope = Array.Empty<byte>();
    private int _envelopeLength;
    private JsonReaderState _envelopeState;

    /// <summary>Reader on the "choices" property name of a full parse: remember the bytes and state so far.</summary>
    private void RememberEnvelope(ReadOnlySpan<byte> span, ref Utf8JsonReader reader)
    {
        int length = (int)reader.BytesConsumed;
        if (length > 1024) return; // an unusual envelope: not worth keeping
        if (_envelope.Length < length) _envelope = new byte[Math.Max(length, 256)];
        span.Slice(0, length).CopyTo(_envelope);
        _envelopeLength = length;
        _envelopeState = reader.CurrentState;
    }

    /// <summary>A reader positioned on the "choices" name when the event starts with the remembered envelope.</summary>
    private bool TryResume(ReadOnlySpan<byte> span, out Utf8JsonReader reader)
    {
        if (_envelopeLength > 0 && span.Length > _envelopeLength
            && span.Slice(0, _envelopeLength).SequenceEqual(new ReadOnlySpan<byte>(_envelope, 0, _envelopeLength)))
        {
            reader = new Utf8JsonReader(span.Slice(_envelopeLength), isFinalBlock: true, _envelopeState);
            return true;
        }
        reader = default;
        return false;
    }

    /// <summary>
    /// The protocol error a full parse of the event raises (its offsets count from the start of the event),
    /// from a throwaway decoder so this one's state is not touched twice. Null if it unexpectedly succeeds.
    /// </summary>
    private KimiException? FullParseError(ReadOnlyMemory<byte> data)
    {
        try
        {
            new ChatStreamDecoder(_requestId, null, _errorFactory).Decode(data, new List<ChatChunk>());
            return null;
        }
        catch (KimiException ex) when (ex.ErrorId == KimiErrorIds.ProtocolError)
        {
            return ex;
        }
    }
}
