namespace KimiPS.Core.Tests.Sse;

/// <summary>
/// A read-only stream that hands out its bytes in chosen pieces, one piece per Read call, the way a
/// network stream returns whatever has arrived. After the last piece it reports EOF, or throws when
/// <see cref="ThrowWhenDrained"/> is set (to prove a reader did not wait for more).
/// </summary>
internal sealed class PiecewiseStream : Stream
{
    private readonly byte[] _data;
    private readonly Func<int, int> _pieceSize;
    private int _position;
    private int _readCount;

    /// <param name="pieceSize">Size of the n-th piece (0-based), given the read number.</param>
    public PiecewiseStream(byte[] data, Func<int, int> pieceSize)
    {
        _data = data;
        _pieceSize = pieceSize;
    }

    public static PiecewiseStream OneByteAtATime(byte[] data) => new(data, _ => 1);

    public static PiecewiseStream AllAtOnce(byte[] data) => new(data, _ => int.MaxValue);

    /// <summary>Pieces given as strings (UTF-8).</summary>
    public static PiecewiseStream FromPieces(params string[] pieces) =>
        FromPieces(pieces.Select(p => System.Text.Encoding.UTF8.GetBytes(p)).ToArray());

    public static PiecewiseStream FromPieces(params byte[][] pieces)
    {
        var sizes = pieces.Select(p => p.Length).ToArray();
        return new PiecewiseStream(pieces.SelectMany(p => p).ToArray(), n => n < sizes.Length ? sizes[n] : int.MaxValue);
    }

    public bool ThrowWhenDrained { get; set; }

    public int ReadCount => _readCount;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position == _data.Length)
        {
            if (ThrowWhenDrained) throw new InvalidOperationException("The reader asked for more bytes than it needed.");
            return 0;
        }
        int n = Math.Min(count, Math.Min(Math.Max(1, _pieceSize(_readCount)), _data.Length - _position));
        _readCount++;
        Buffer.BlockCopy(_data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
