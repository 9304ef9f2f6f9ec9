using System.Buffers;

namespace KimiPS.Core;

/// <summary>
/// Reads server-sent events from a byte stream, following the WHATWG "event stream" parsing rules:
/// LF, CR and CRLF line ends (also a CR ending one read whose LF starts the next), an optional
/// leading BOM, comment lines, multi-line <c>data</c> joined with LF, one optional space after the colon.
/// Only the <c>data</c> of each event is returned; <c>event</c>, <c>id</c> and <c>retry</c> are accepted and ignored.
/// </summary>
/// <remarks>
/// Works on bytes, so a UTF-8 character split across reads is never decoded half-way.
/// An event is returned as soon as its terminating blank line is in the buffer: the stream is read
/// with plain <see cref="Stream.Read(byte[], int, int)"/>, which returns whatever has arrived, and is
/// read only when no complete line is left, so a chunk is never held back waiting for more bytes.
/// Buffers are rented and reused: in steady state an event costs no allocation, and an event whose
/// single data line lies in the read buffer is returned as a slice of it, without a copy.
/// The reader does not own the stream.
/// </remarks>
internal sealed class SseEventReader : IDisposable
{
    private const int ReadBufferSize = 64 * 1024;
    private const int FirstDataBufferSize = 1024;
    // A line holds a field name and a colon on top of the data, so allow a little more than the data limit.
    private const int LineSlack = 64;
    private const int MaxArrayLength = 0x7FFFFFC7;

    private readonly Stream _stream;
    private readonly int _maxEventBytes;
    private readonly int _maxLineBytes;

    // Read buffer: bytes in [_start, _end) are not parsed yet.
    private byte[] _buf;
    private int _start;
    private int _end;
    // Where the line-end search resumes, so a long line arriving in many reads is scanned once (no O(n^2)).
    private int _scanPos;
    private bool _eof;
    // The last line ended with a CR that was the last byte read: an LF starting the next read belongs to it.
    private bool _skipLf;
    private bool _bomPending = true;

    // Event being assembled. Fast path: while the event has one data line, it stays where it is in _buf
    // (_sliceStart >= 0) and is copied into _data only when a second line comes or the read buffer must move.
    private byte[]? _data;
    private int _dataLen;
    private int _sliceStart = -1;
    private int _sliceLen;
    private bool _hasData;
    private bool _hasFields;
    private bool _disposed;

    /// <param name="stream">The response body. Not disposed by the reader.</param>
    /// <param name="maxEventBytes">The largest <c>data</c> an event may carry; more is a protocol error.</param>
    public SseEventReader(Stream stream, int maxEventBytes)
    {
        if (maxEventBytes <= 0) throw new ArgumentOutOfRangeException(nameof(maxEventBytes));
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _maxEventBytes = maxEventBytes;
        _maxLineBytes = (int)Math.Min(MaxArrayLength, Math.Max(ReadBufferSize, (long)maxEventBytes + LineSlack));
        _buf = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
    }

    /// <summary>
    /// True once the stream has ended in the middle of an event (a field line or part of a line after the
    /// last blank line). Per the spec such an event is discarded; the caller can report a cut stream.
    /// </summary>
    public bool EndedInsideEvent { get; private set; }

    /// <summary>
    /// Reads the next event that has data. <paramref name="data"/> is valid until the next call or Dispose.
    /// </summary>
    /// <returns>False at the end of the stream.</returns>
    public bool TryReadEvent(out ReadOnlyMemory<byte> data)
    {
        if (_disposed) throw new ObjectDisposedException(nameof(SseEventReader));
        while (true)
        {
            if (_bomPending && !SkipBom()) continue;

            if (_skipLf && _start < _end)
            {
                _skipLf = false;
                if (_buf[_start] == (byte)'\n') _start++;
                if (_scanPos < _start) _scanPos = _start;
            }

            int lineEnd = -1;
            if (_scanPos < _end)
            {
                lineEnd = new ReadOnlySpan<byte>(_buf, _scanPos, _end - _scanPos).IndexOfAny((byte)'\r', (byte)'\n');
                if (lineEnd >= 0) lineEnd += _scanPos;
            }

            if (lineEnd < 0)
            {
                _scanPos = _end;
                if (_eof)
                {
                    // Spec: at EOF pending data is discarded, an unterminated event is not dispatched.
                    EndedInsideEvent |= _start < _end || _hasFields;
                    _start = _end;
                    ResetEvent();
                    data = default;
                    return false;
                }
                Fill();
                continue;
            }

            int lineStart = _start;
            int lineLength = lineEnd - lineStart;
            int next = lineEnd + 1;
            if (_buf[lineEnd] == (byte)'\r')
            {
                // Do not wait for a possible LF: the line (maybe the event) is complete now.
                if (next < _end) { if (_buf[next] == (byte)'\n') next++; }
                else _skipLf = true;
            }
            _start = _scanPos = next;

            if (lineLength == 0)
            {
                if (_hasData)
                {
                    data = TakeEvent();
                    return true;
                }
                ResetEvent(); // an event without data lines is not dispatched
                continue;
            }
            ProcessLine(lineStart, lineLength);
        }
    }

    /// <summary>Returns the rented buffers.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        ArrayPool<byte>.Shared.Return(_buf);
        _buf = Array.Empty<byte>();
        if (_data is not null) ArrayPool<byte>.Shared.Return(_data);
        _data = null;
    }

    /// <summary>Skips a leading UTF-8 BOM. False when more bytes are needed to decide (and were read).</summary>
    private bool SkipBom()
    {
        int available = _end - _start;
        int n = Math.Min(available, 3);
        bool prefix = n == 0 || new ReadOnlySpan<byte>(_buf, _start, n).SequenceEqual(Utf8Bom.Slice(0, n));
        if (prefix && available < 3 && !_eof)
        {
            Fill();
            return false;
        }
        if (prefix && available >= 3) _start += 3;
        _scanPos = _start;
        _bomPending = false;
        return true;
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private void ProcessLine(int lineStart, int lineLength)
    {
        var line = new ReadOnlySpan<byte>(_buf, lineStart, lineLength);
        if (line[0] == (byte)':') return; // comment (keep-alive)

        int colon = line.IndexOf((byte)':');
        ReadOnlySpan<byte> field;
        int valueStart;
        if (colon < 0)
        {
            field = line; // a line without a colon is a field name with an empty value
            valueStart = lineStart + lineLength;
        }
        else
        {
            field = line.Slice(0, colon);
            valueStart = lineStart + colon + 1;
            if (valueStart < lineStart + lineLength && _buf[valueStart] == (byte)' ') valueStart++;
        }
        _hasFields = true;
        // event, id and retry are valid fields, but a chat stream does not use them; unknown fields are ignored.
        if (field.SequenceEqual("data"u8)) AppendData(valueStart, lineStart + lineLength - valueStart);
    }

    private void AppendData(int valueStart, int valueLength)
    {
        if (!_hasData)
        {
            if (valueLength > _maxEventBytes) throw SseProtocol.EventTooLarge(_maxEventBytes);
            _hasData = true;
            _sliceStart = valueStart; // fast path: no copy unless a second data line comes
            _sliceLen = valueLength;
            return;
        }
        MaterializeSlice();
        int newLength = _dataLen + 1 + valueLength;
        if (newLength > _maxEventBytes) throw SseProtocol.EventTooLarge(_maxEventBytes);
        EnsureData(newLength);
        _data![_dataLen++] = (byte)'\n';
        Buffer.BlockCopy(_buf, valueStart, _data, _dataLen, valueLength);
        _dataLen += valueLength;
    }

    private ReadOnlyMemory<byte> TakeEvent()
    {
        var result = _sliceStart >= 0
            ? new ReadOnlyMemory<byte>(_buf, _sliceStart, _sliceLen)
            : new ReadOnlyMemory<byte>(_data!, 0, _dataLen);
        ResetEvent();
        return result;
    }

    private void ResetEvent()
    {
        _sliceStart = -1;
        _sliceLen = 0;
        _dataLen = 0;
        _hasData = false;
        _hasFields = false;
    }

    /// <summary>Copies the fast-path slice into the event buffer before the read buffer changes under it.</summary>
    private void MaterializeSlice()
    {
        if (_sliceStart < 0) return;
        EnsureData(_sliceLen);
        Buffer.BlockCopy(_buf, _sliceStart, _data!, 0, _sliceLen);
        _dataLen = _sliceLen;
        _sliceStart = -1;
        _sliceLen = 0;
    }

    private void EnsureData(int size)
    {
        if (_data is not null && _data.Length >= size) return;
        int target = (int)Math.Min(_maxEventBytes, Math.Max(size, Math.Max(FirstDataBufferSize, (_data?.Length ?? 0) * 2L)));
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(size, target));
        if (_data is not null)
        {
            Buffer.BlockCopy(_data, 0, bigger, 0, _dataLen);
            ArrayPool<byte>.Shared.Return(_data);
        }
        _data = bigger;
    }

    /// <summary>One read of whatever has arrived, after making room at the end of the read buffer.</summary>
    private void Fill()
    {
        if (_end == _buf.Length) MakeRoom();
        else if (_start == _end && _sliceStart < 0) _start = _end = _scanPos = 0;

        int read = _stream.Read(_buf, _end, _buf.Length - _end);
        if (read <= 0) _eof = true;
        else _end += read;
    }

    private void MakeRoom()
    {
        MaterializeSlice(); // the slice lies before _start, which is about to be overwritten
        int pending = _end - _start;
        if (pending >= _buf.Length)
        {
            // One unfinished line fills the whole buffer: grow, within the limit.
            if (_buf.Length >= _maxLineBytes) throw SseProtocol.EventTooLarge(_maxEventBytes);
            var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(_maxLineBytes, _buf.Length * 2L));
            Buffer.BlockCopy(_buf, _start, bigger, 0, pending);
            ArrayPool<byte>.Shared.Return(_buf);
            _buf = bigger;
        }
        else if (pending > 0)
        {
            Buffer.BlockCopy(_buf, _start, _buf, 0, pending);
        }
        _scanPos -= _start;
        _start = 0;
        _end = pending;
    }
}
