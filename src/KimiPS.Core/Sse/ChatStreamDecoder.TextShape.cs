using System.Text.Json;

namespace KimiPS.Core;

internal sealed partial class ChatStreamDecoder
{
    // After the envelope, nearly every chunk of an answer is the same bytes around one string:
    //   ...,"choices":[{"index":0,"delta":{"content":"<text>"},"finish_reason":null}]}
    // (or "reasoning_content" while the model thinks). When an event decoded in full was exactly that (choice 0,
    // one text member, nothing that changes state besides appending the text), the bytes before and after its
    // string are remembered. A later event with the same envelope, the same bytes before and the same bytes after,
    // and between them exactly one valid JSON string, is what a full parse would decode to the same result with
    // that string as the text: so only the string is read. Anything else, including every invalid event, takes
    // the full parse, so errors and their byte offsets are the full parse's.
    private const int MaxShapeBytes = 256;

    private byte[] _shapeBefore = Array.Empty<byte>();
    private int _shapeBeforeLength;
    private byte[] _shapeAfter = Array.Empty<byte>();
    private int _shapeAfterLength;
    private bool _shapeIsReasoning;
    private bool _shapeKnown;

    // What the event being decoded in full did, to decide whether its shape can be remembered.
    private int _eventTextStrings;      // content / reasoning_content string tokens seen
    private long _eventTextStart;       // offset of the text string's opening quote in the event
    private long _eventTextEnd;         // offset just after its closing quote
    private bool _eventTextIsReasoning;
    private bool _eventChangedOtherState; // usage, tool calls, finish_reason, a choice other than 0, ...

    private void BeginEventShape()
    {
        _eventTextStrings = 0;
        _eventChangedOtherState = false;
    }

    /// <summary>The reader is on a content or reasoning_content string; <paramref name="offset"/> is where the reader's input starts in the event.</summary>
    private void NoteTextString(ref Utf8JsonReader reader, long offset, bool reasoning)
    {
        _eventTextStrings++;
        _eventTextStart = offset + reader.TokenStartIndex;
        _eventTextEnd = offset + reader.BytesConsumed;
        _eventTextIsReasoning = reasoning;
    }

    /// <summary>After a successful full or resumed decode: remember the event's shape if it is the plain text shape.</summary>
    private void RememberTextShape(ReadOnlySpan<byte> span, List<ChatChunk> output, int outputBefore)
    {
        _shapeKnown = false;
        if (_envelopeLength == 0 || _eventChangedOtherState || _eventTextStrings != 1) return;
        if (output.Count != outputBefore + 1) return;
        var chunk = output[output.Count - 1];
        if (chunk.ChoiceIndex != 0 || chunk.FinishReason is not null || chunk.Usage is not null || chunk.ToolCalls is not null) return;
        if (_eventTextIsReasoning ? chunk.Content is not null : chunk.ReasoningContent is not null) return;
        if (span.Length < _envelopeLength || !span.Slice(0, _envelopeLength).SequenceEqual(new ReadOnlySpan<byte>(_envelope, 0, _envelopeLength))) return;

        int beforeLength = (int)_eventTextStart - _envelopeLength;
        int afterLength = span.Length - (int)_eventTextEnd;
        if (beforeLength <= 0 || beforeLength > MaxShapeBytes || afterLength <= 0 || afterLength > MaxShapeBytes) return;

        Keep(ref _shapeBefore, span.Slice(_envelopeLength, beforeLength));
        Keep(ref _shapeAfter, span.Slice((int)_eventTextEnd, afterLength));
        _shapeBeforeLength = beforeLength;
        _shapeAfterLength = afterLength;
        _shapeIsReasoning = _eventTextIsReasoning;
        _shapeKnown = true;
    }

    private static void Keep(ref byte[] store, ReadOnlySpan<byte> bytes)
    {
        if (store.Length < bytes.Length) store = new byte[MaxShapeBytes];
        bytes.CopyTo(store);
    }

    /// <summary>Decodes the event if it has the remembered text shape; false to take the full parse.</summary>
    private bool TryDecodeTextShape(ReadOnlySpan<byte> span, List<ChatChunk> output)
    {
        if (!_shapeKnown) return false;
        int fixedLength = _envelopeLength + _shapeBeforeLength;
        if (span.Length < fixedLength + _shapeAfterLength + 2) return false;
        if (!span.Slice(0, _envelopeLength).SequenceEqual(new ReadOnlySpan<byte>(_envelope, 0, _envelopeLength))) return false;
        if (!span.Slice(_envelopeLength, _shapeBeforeLength).SequenceEqual(new ReadOnlySpan<byte>(_shapeBefore, 0, _shapeBeforeLength))) return false;
        int afterStart = span.Length - _shapeAfterLength;
        if (!span.Slice(afterStart).SequenceEqual(new ReadOnlySpan<byte>(_shapeAfter, 0, _shapeAfterLength))) return false;

        // Between them: exactly one JSON string token, validated by the same reader a full parse uses.
        var middle = span.Slice(fixedLength, afterStart - fixedLength);
        if (middle[0] != (byte)'"' || middle[middle.Length - 1] != (byte)'"') return false;
        var reader = new Utf8JsonReader(middle, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.String || reader.BytesConsumed != middle.Length) return false;
        }
        catch (JsonException)
        {
            return false; // the full parse reports it, with its offset
        }

        string? text = StreamJson.ReadString(ref reader);
        if (string.IsNullOrEmpty(text)) return true; // "" says nothing, as in a full parse
        var choice = GetChoice(0);
        if (_shapeIsReasoning)
        {
            choice.AppendReasoning(text!);
            output.Add(new ChatChunk { ChoiceIndex = 0, ReasoningContent = text });
        }
        else
        {
            choice.AppendContent(text!);
            output.Add(new ChatChunk { ChoiceIndex = 0, Content = text });
        }
        return true;
    }
}
