using System.Text.Json;

namespace KimiPS.Core;

/// <summary>
/// Turns the <c>data</c> of each event of one chat stream into <see cref="ChatChunk"/>s and keeps the
/// whole answer for the last chunk. One instance per HTTP stream; not thread-safe.
/// </summary>
/// <remarks>
/// Each event is parsed with <see cref="Utf8JsonReader"/> straight over its bytes: no JsonDocument and no
/// string of the event. A content delta costs its <see cref="ChatChunk"/> and its text, nothing else;
/// <c>id</c> and <c>model</c> are materialised once. Kimi specifics handled here: per-choice usage
/// (<c>choices[i].usage</c>), the include_usage chunk with <c>choices: []</c>, top-level
/// <c>cached_tokens</c>, tool-call fragments joined per <c>index</c> and surfaced once complete,
/// a gateway's duplicate <c>delta.reasoning</c> (ignored), and error objects inside a 200 stream.
/// </remarks>
internal sealed partial class ChatStreamDecoder
{
    private const int MaxChoices = 1024;
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };
    private const int MaxToolCalls = 4096;

    private readonly string? _requestId;
    private readonly string? _contentPrefix;
    private readonly Func<ReadOnlyMemory<byte>, KimiApiException> _errorFactory;

    private string? _id;
    private string? _model;
    private DateTimeOffset? _created;
    private ChatUsage? _usage;
    // Choice 0 is kept apart: nearly every stream has only that one.
    private ChoiceAccumulator? _first;
    private List<ChoiceAccumulator?>? _others;
    // Scratch for tool-call argument text, unescaped here then appended (no string per fragment).
    private char[] _chars = Array.Empty<char>();
    // Where the input of the reader being used starts in the event (a resumed reader starts after the envelope).
    private int _readerOffset;

    /// <param name="requestId">The response's request id, copied to the completion.</param>
    /// <param name="contentPrefix">Partial Mode: the assistant prefix sent in the request; the server
    /// continues after it, so the whole answer of choice 0 starts with it.</param>
    /// <param name="errorFactory">Maps the raw bytes of an event carrying an error object to the typed error.</param>
    public ChatStreamDecoder(string? requestId, string? contentPrefix, Func<ReadOnlyMemory<byte>, KimiApiException> errorFactory)
    {
        _requestId = requestId;
        _contentPrefix = contentPrefix;
        _errorFactory = errorFactory ?? throw new ArgumentNullException(nameof(errorFactory));
    }

    /// <summary>True once any chunk (a JSON event) has been decoded.</summary>
    public bool SawAnyChunk { get; private set; }

    /// <summary>True once <c>[DONE]</c> has been decoded.</summary>
    public bool SawDone { get; private set; }

    /// <summary>Choice 0's text so far, the Partial Mode prefix included.</summary>
    public string PartialContent => _contentPrefix + _first?.Content?.ToString();

    /// <summary>Choice 0's reasoning so far; null when there was none.</summary>
    public string? PartialReasoning => _first?.Reasoning?.ToString();

    /// <summary>
    /// Decodes the data of one event, appending a chunk per choice that said something.
    /// </summary>
    /// <returns>False for <c>[DONE]</c> (tool calls of choices that never finished are appended then).</returns>
    /// <exception cref="KimiApiException">The event carries an error object.</exception>
    /// <exception cref="KimiException">ProtocolError: the event is not a chat.completion.chunk.</exception>
    public bool Decode(ReadOnlyMemory<byte> data, List<ChatChunk> output)
    {
        var span = data.Span;
        if (IsDone(span))
        {
            SawDone = true;
            SurfaceLeftOverToolCalls(output);
            return false;
        }

        if (TryDecodeTextShape(span, output)) return true;
        BeginEventShape();
        int outputBefore = output.Count;

        if (TryResume(span, out var resumed))
        {
            try
            {
                _readerOffset = _envelopeLength;
                DecodeChunk(ref resumed, data, output, atChoices: true);
            }
            catch (Exception ex) when (ex is JsonException || ex is KimiException { ErrorId: KimiErrorIds.ProtocolError })
            {
                // Offsets of a resumed parse count from the choices member: report the error exactly as a full parse does.
                throw FullParseError(data) ?? ex;
            }
            RememberTextShape(span, output, outputBefore);
            return true;
        }

        var reader = new Utf8JsonReader(span, ReaderOptions);
        try
        {
            _readerOffset = 0;
            DecodeChunk(ref reader, data, output, atChoices: false);
        }
        catch (JsonException ex)
        {
            // The offset says where. The reader's own message quotes bytes of the event, which may be large
            // or private, so it stays in the inner exception, out of what the user sees.
            throw StreamJson.Malformed(ex.BytePositionInLine ?? reader.BytesConsumed, ex);
        }
        RememberTextShape(span, output, outputBefore);
        return true;
    }

    private static bool IsDone(ReadOnlySpan<byte> data)
    {
        // Cheap test first: a chunk starts with '{', the sentinel with '['.
        int i = 0;
        while (i < data.Length && IsJsonWhitespace(data[i])) i++;
        if (i == data.Length || data[i] != (byte)'[') return false;
        int j = data.Length;
        while (j > i && IsJsonWhitespace(data[j - 1])) j--;
        return data.Slice(i, j - i).SequenceEqual("[DONE]"u8);
    }

    private static bool IsJsonWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    // atChoices: the reader was resumed on the "choices" property name (see TryResume).
    private void DecodeChunk(ref Utf8JsonReader reader, ReadOnlyMemory<byte> data, List<ChatChunk> output, bool atChoices)
    {
        // The members before "choices" can be skipped on later chunks with the same bytes unless one of them
        // changes state each time it is read (usage) or may raise an error.
        bool envelopeSafe = !atChoices;
        if (!atChoices)
        {
            StreamJson.Read(ref reader);
            if (reader.TokenType != JsonTokenType.StartObject) throw StreamJson.Unexpected(ref reader, "a JSON object");
        }
        SawAnyChunk = true;

        while (true)
        {
            if (atChoices)
            {
                atChoices = false;
            }
            else
            {
                StreamJson.Read(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject) break;
                if (reader.ValueTextEquals("choices"u8))
                {
                    if (envelopeSafe) RememberEnvelope(data.Span, ref reader);
                }
                else
                {
                    DecodeOtherMember(ref reader, data, ref envelopeSafe);
                    continue;
                }
            }

            envelopeSafe = false; // only what precedes the first "choices" is an envelope
            StreamJson.Read(ref reader);
            DecodeChoices(ref reader, output);
        }

        // Anything after the object is garbage (two objects in one event, a cut-and-spliced line).
        if (reader.Read()) throw StreamJson.Unexpected(ref reader, "the end of the event");
    }

    /// <summary>A top-level member other than <c>choices</c> (reader on its name).</summary>
    private void DecodeOtherMember(ref Utf8JsonReader reader, ReadOnlyMemory<byte> data, ref bool envelopeSafe)
    {
        if (reader.ValueTextEquals("usage"u8))
        {
            envelopeSafe = false;
            StreamJson.Read(ref reader);
            var usage = StreamJson.ReadUsage(ref reader);
            if (usage is not null)
            {
                _usage = usage; // other chunks say "usage": null
                _eventChangedOtherState = true;
            }
        }
        else if (reader.ValueTextEquals("id"u8))
        {
            StreamJson.Read(ref reader);
            if (_id is null) _id = StreamJson.ReadString(ref reader); // same on every chunk: read once
        }
        else if (reader.ValueTextEquals("model"u8))
        {
            StreamJson.Read(ref reader);
            if (_model is null) _model = StreamJson.ReadString(ref reader);
        }
        else if (reader.ValueTextEquals("created"u8))
        {
            StreamJson.Read(ref reader);
            long? seconds = StreamJson.ReadInt64(ref reader);
            if (_created is null && seconds is >= -62135596800L and <= 253402300799L)
                _created = DateTimeOffset.FromUnixTimeSeconds(seconds.Value);
        }
        else if (reader.ValueTextEquals("error"u8))
        {
            envelopeSafe = false;
            StreamJson.Read(ref reader);
            if (reader.TokenType != JsonTokenType.Null) throw StreamError(data);
        }
        else if (reader.ValueTextEquals("success"u8))
        {
            // A gateway's callback-style envelope {"success":false,"error":{...}}.
            envelopeSafe = false;
            StreamJson.Read(ref reader);
            if (reader.TokenType == JsonTokenType.False) throw StreamError(data);
        }
        else
        {
            StreamJson.Read(ref reader);
            reader.Skip();
        }
    }

    // The text so far goes on the error in StreamDecoding, with every other stream failure's.
    private KimiApiException StreamError(ReadOnlyMemory<byte> data) => _errorFactory(data);

    private void DecodeChoices(ref Utf8JsonReader reader, List<ChatChunk> output)
    {
        if (reader.TokenType == JsonTokenType.Null) return;
        if (reader.TokenType != JsonTokenType.StartArray) throw StreamJson.Unexpected(ref reader, "an array for 'choices'");
        while (true)
        {
            StreamJson.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray) return;
            StreamJson.ExpectStartObject(ref reader, "choices[]");
            DecodeChoice(ref reader, output);
        }
    }

    private ChoiceAccumulator GetChoice(int index)
    {
        if (index == 0) return _first ??= new ChoiceAccumulator(0);
        _others ??= new List<ChoiceAccumulator?>();
        while (_others.Count < index) _others.Add(null);
        return _others[index - 1] ??= new ChoiceAccumulator(index);
    }

    private static int CheckedIndex(ref Utf8JsonReader reader, int max, string what)
    {
        long? value = StreamJson.ReadInt64(ref reader);
        if (value is null) return -1;
        if (value < 0 || value >= max) throw StreamJson.Unexpected(ref reader, $"a {what} index between 0 and {max - 1}");
        return (int)value.Value;
    }
}
