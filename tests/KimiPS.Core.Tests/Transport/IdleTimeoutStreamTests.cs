using KimiPS.Core;

namespace KimiPS.Core.Tests.Transport;

/// <summary>
/// Some response streams (.NET Framework's among them) end a pending read with 0 bytes, not an
/// exception, when the response is disposed under them: that must still read as a timeout or a cancellation.
/// </summary>
public sealed class IdleTimeoutStreamTests
{
    [Fact]
    public void A_read_that_ends_quietly_after_the_idle_limit_is_a_timeout()
    {
        var body = new QuietOnDisposeStream();
        using var response = new HttpResponseMessage { Content = new StreamContent(body) };
        using var stream = new IdleTimeoutStream(response, body, TimeSpan.FromMilliseconds(50), CancellationToken.None);
        var ex = Assert.Throws<KimiException>(() => stream.Read(new byte[16], 0, 16));
        Assert.Equal(KimiErrorIds.Timeout, ex.ErrorId);
    }

    [Fact]
    public void A_read_that_ends_quietly_after_cancellation_is_a_cancellation()
    {
        var body = new QuietOnDisposeStream();
        using var response = new HttpResponseMessage { Content = new StreamContent(body) };
        using var cts = new CancellationTokenSource();
        using var stream = new IdleTimeoutStream(response, body, Timeout.InfiniteTimeSpan, cts.Token);
        body.Reading.Task.ContinueWith(_ => cts.Cancel());
        Assert.ThrowsAny<OperationCanceledException>(() => stream.Read(new byte[16], 0, 16));
    }

    /// <summary>Blocks a read until disposed, then reports the end of the stream.</summary>
    private sealed class QuietOnDisposeStream : Stream
    {
        private readonly ManualResetEventSlim _disposed = new();
        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reading.TrySetResult();
            _disposed.Wait(TimeSpan.FromSeconds(30));
            return 0;
        }

        protected override void Dispose(bool disposing)
        {
            _disposed.Set();
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
}
