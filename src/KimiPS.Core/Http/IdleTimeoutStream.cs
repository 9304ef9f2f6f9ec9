namespace KimiPS.Core;

/// <summary>
/// Reads a response body synchronously, failing with KimiTimeout when no byte arrives for the idle
/// limit, and closing the connection when the caller cancels. Both work by disposing the response,
/// which unblocks a pending read on every runtime (.NET Framework's stream ignores cancellation
/// tokens). One timer per stream, re-armed per read, so the hot path allocates nothing.
/// </summary>
internal sealed class IdleTimeoutStream : Stream
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _inner;
    private readonly TimeSpan _idle;
    private readonly CancellationToken _ct;
    private readonly Timer _timer;
    private readonly CancellationTokenRegistration _registration;
    private volatile bool _timedOut;

    public IdleTimeoutStream(HttpResponseMessage response, Stream inner, TimeSpan idle, CancellationToken ct)
    {
        _response = response;
        _inner = inner;
        _idle = idle;
        _ct = ct;
        _timer = new Timer(static state => ((IdleTimeoutStream)state!).OnIdle(), this, Timeout.Infinite, Timeout.Infinite);
        _registration = ct.Register(static state => ((IdleTimeoutStream)state!)._response.Dispose(), this);
    }

    private void OnIdle()
    {
        _timedOut = true;
        _response.Dispose();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        _ct.ThrowIfCancellationRequested();
        _timer.Change(_idle, Timeout.InfiniteTimeSpan);
        int read;
        try
        {
            read = _inner.Read(buffer, offset, count);
        }
        catch (Exception) when (_ct.IsCancellationRequested)
        {
            throw new OperationCanceledException(_ct);
        }
        catch (Exception) when (_timedOut)
        {
            throw Errors.StreamIdleTimeout(_idle);
        }
        finally
        {
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
        }
        // Some streams (.NET Framework's) end a read cut by disposal with 0 bytes instead of throwing:
        // that is not the server's end of the stream.
        if (read == 0)
        {
            _ct.ThrowIfCancellationRequested();
            if (_timedOut) throw Errors.StreamIdleTimeout(_idle);
        }
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _registration.Dispose();
            _timer.Dispose();
            _inner.Dispose();
            _response.Dispose();
        }
        base.Dispose(disposing);
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
