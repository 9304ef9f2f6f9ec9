using System.IO.Pipelines;

namespace KimiPS.Emulator.Server;

/// <summary>
/// Wraps a connection's transport so a response can be cut cleanly. <c>HttpContext.Abort()</c>
/// resets the socket and may discard bytes that were flushed but not yet sent, so a client would
/// not reliably receive the N bytes before a cut. <see cref="Cut"/> instead completes the output
/// after what was flushed (the socket sends it, then FIN) and swallows anything Kestrel writes
/// afterwards (the chunked terminator), so the client sees exactly N bytes and then an early EOF.
/// </summary>
internal sealed class CuttableTransport : IDuplexPipe
{
    public static readonly object ItemKey = typeof(CuttableTransport);

    private readonly CuttableWriter _output;

    public CuttableTransport(IDuplexPipe inner)
    {
        Input = inner.Input;
        _output = new CuttableWriter(inner.Output);
    }

    public PipeReader Input { get; }

    public PipeWriter Output => _output;

    /// <summary>Ends the connection after the bytes flushed so far; later writes are discarded.</summary>
    public void Cut() => _output.Cut();

    private sealed class CuttableWriter(PipeWriter inner) : PipeWriter
    {
        private byte[] _scratch = new byte[4096];
        private volatile bool _cut;

        public void Cut()
        {
            if (_cut) return;
            _cut = true;
            inner.Complete();
        }

        public override void Advance(int bytes)
        {
            if (!_cut) inner.Advance(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => _cut ? Scratch(sizeHint) : inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => _cut ? Scratch(sizeHint).Span : inner.GetSpan(sizeHint);

        // After a cut, report an ordinary flush: "completed" would make Kestrel abort the connection,
        // and an abort drops the bytes the socket has not sent yet (and resets the connection).
        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
            _cut ? new ValueTask<FlushResult>(new FlushResult(false, false)) : inner.FlushAsync(cancellationToken);

        public override void CancelPendingFlush()
        {
            if (!_cut) inner.CancelPendingFlush();
        }

        public override void Complete(Exception? exception = null)
        {
            if (!_cut) inner.Complete(exception);
        }

        private Memory<byte> Scratch(int sizeHint)
        {
            if (_scratch.Length < sizeHint) _scratch = new byte[sizeHint];
            return _scratch;
        }
    }
}
