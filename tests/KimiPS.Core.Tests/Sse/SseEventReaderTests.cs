using System.Text;

namespace KimiPS.Core.Tests.Sse;

public sealed class SseEventReaderTests
{
    private static List<string> ReadAll(Stream stream, int maxEventBytes = 1 << 20) => ReadAll(stream, maxEventBytes, out _);

    private static List<string> ReadAll(Stream stream, int maxEventBytes, out bool endedInsideEvent)
    {
        using var reader = new SseEventReader(stream, maxEventBytes);
        var events = new List<string>();
        while (reader.TryReadEvent(out var data)) events.Add(Encoding.UTF8.GetString(data.ToArray()));
        endedInsideEvent = reader.EndedInsideEvent;
        return events;
    }

    /// <summary>Every text is read whole, one byte at a time, and in two pieces split at every position.</summary>
    private static void AssertEvents(string text, params string[] expected)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(expected, ReadAll(PiecewiseStream.AllAtOnce(bytes)));
        Assert.Equal(expected, ReadAll(PiecewiseStream.OneByteAtATime(bytes)));
        for (int split = 1; split < bytes.Length; split++)
        {
            var stream = PiecewiseStream.FromPieces(bytes.Take(split).ToArray(), bytes.Skip(split).ToArray());
            Assert.Equal(expected, ReadAll(stream));
        }
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\r\n")]
    public void LineEnds(string eol) =>
        AssertEvents($"data: one{eol}{eol}data: two{eol}{eol}", "one", "two");

    [Fact]
    public void MixedLineEnds() =>
        AssertEvents("data: a\r\n\ndata: b\r\rdata: c\n\r\ndata: d\r\n\r\n", "a", "b", "c", "d");

    [Fact]
    public void CrAtTheEndOfOneReadAndLfAtTheStartOfTheNext()
    {
        // The LF belongs to the CR before it: it is not a second (blank) line that would end the event early.
        var stream = PiecewiseStream.FromPieces("data: a\r", "\ndata: b\r", "\n\r", "\n", "data: c\r", "\r");
        Assert.Equal(["a\nb", "c"], ReadAll(stream));
    }

    [Fact]
    public void EventIsReturnedWithoutWaitingForMoreBytes()
    {
        // One event per read; the stream throws if asked for more than is needed, so an event that is
        // complete in the buffer must come out before the next Read.
        var stream = PiecewiseStream.FromPieces("data: a\n\n", "data: b\r\n\r\n", "data: c\r\r");
        stream.ThrowWhenDrained = true;
        using var reader = new SseEventReader(stream, 1024);
        foreach (var expected in new[] { "a", "b", "c" })
        {
            Assert.True(reader.TryReadEvent(out var data));
            Assert.Equal(expected, Encoding.UTF8.GetString(data.ToArray()));
        }
    }

    [Fact]
    public void CommentsAreIgnored() =>
        AssertEvents(": keep-alive\n\n:\ndata: x\n: inside\ndata: y\n\n", "x\ny");

    [Fact]
    public void MultiLineDataIsJoinedWithLf() =>
        AssertEvents("data: {\ndata:  \"a\": 1\ndata: }\n\n", "{\n \"a\": 1\n}");

    [Fact]
    public void OnlyOneSpaceAfterTheColonIsRemoved() =>
        AssertEvents("data:no-space\n\ndata:  two\n\n", "no-space", " two");

    [Fact]
    public void OtherFieldsAreIgnoredAndEventsWithoutDataAreSkipped() =>
        AssertEvents("event: ping\nid: 7\nretry: 1000\n\nevent: message\ndata: x\nid: 8\nfoo: bar\n\n", "x");

    [Fact]
    public void ALineWithoutColonIsAFieldWithEmptyValue() =>
        AssertEvents("data\n\ndata\ndata\n\n", "", "\n");

    [Fact]
    public void LeadingBomIsSkipped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("data: a\n\n")).ToArray();
        Assert.Equal(["a"], ReadAll(PiecewiseStream.OneByteAtATime(bytes)));
        Assert.Equal(["a"], ReadAll(PiecewiseStream.AllAtOnce(bytes)));
    }

    [Fact]
    public void FourByteUtf8CharacterSplitAtEveryReadBoundary()
    {
        const string text = "data: a😀b你\n\n"; // U+1F600 is 4 bytes, 你 is 3
        var bytes = Encoding.UTF8.GetBytes(text);
        int start = Encoding.UTF8.GetByteCount("data: a");
        for (int split = start; split <= start + 4; split++)
        {
            var stream = PiecewiseStream.FromPieces(bytes.Take(split).ToArray(), bytes.Skip(split).ToArray());
            Assert.Equal(["a😀b你"], ReadAll(stream));
        }
        AssertEvents(text, "a😀b你");
    }

    [Fact]
    public void EventOverTheLimitIsAProtocolError()
    {
        var single = Encoding.UTF8.GetBytes("data: " + new string('x', 101) + "\n\n");
        var ex = Assert.Throws<KimiException>(() => ReadAll(PiecewiseStream.AllAtOnce(single), 100));
        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);
        Assert.Equal(KimiErrorCategories.ProtocolError, ex.Category);
        Assert.Contains("100 bytes", ex.Message);

        var multi = Encoding.UTF8.GetBytes("data: " + new string('x', 60) + "\ndata: " + new string('y', 60) + "\n\n");
        ex = Assert.Throws<KimiException>(() => ReadAll(PiecewiseStream.OneByteAtATime(multi), 100));
        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);

        // A line that never ends cannot grow the buffer without bound either.
        var endless = Encoding.UTF8.GetBytes(": " + new string('z', 200_000));
        ex = Assert.Throws<KimiException>(() => ReadAll(new PiecewiseStream(endless, _ => 4096), 1000));
        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);
    }

    [Fact]
    public void EventAtTheLimitAndLongerThanTheReadBufferIsRead()
    {
        string big = string.Concat(Enumerable.Repeat("0123456789abcdef", 10_000)); // 160,000 bytes
        var bytes = Encoding.UTF8.GetBytes("data: " + big + "\n\ndata: " + big.Substring(0, 70_000) + "\ndata: " + big.Substring(0, 89_999) + "\n\ndata: end\n\n");
        var events = ReadAll(new PiecewiseStream(bytes, n => 1000 + n % 7777), big.Length);
        Assert.Equal(3, events.Count);
        Assert.Equal(big, events[0]);
        Assert.Equal(big.Substring(0, 70_000) + "\n" + big.Substring(0, 89_999), events[1]);
        Assert.Equal("end", events[2]);
    }

    [Fact]
    public void EofInsideAnEventDiscardsItAndSaysSo()
    {
        Assert.Equal(["a"], ReadAll(PiecewiseStream.AllAtOnce(Encoding.UTF8.GetBytes("data: a\n\ndata: b\n")), 1024, out bool inside));
        Assert.True(inside);

        Assert.Equal(["a"], ReadAll(PiecewiseStream.AllAtOnce(Encoding.UTF8.GetBytes("data: a\n\ndata: {\"cut")), 1024, out inside));
        Assert.True(inside);

        Assert.Equal(["a"], ReadAll(PiecewiseStream.AllAtOnce(Encoding.UTF8.GetBytes("data: a\n\n: bye\n")), 1024, out inside));
        Assert.False(inside);

        Assert.Empty(ReadAll(PiecewiseStream.AllAtOnce(Array.Empty<byte>()), 1024, out inside));
        Assert.False(inside);
    }

    [Fact]
    public void SteadyStateReadingAllocatesNothingPerEvent()
    {
        const int count = 10_000;
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++) sb.Append("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok").Append(i).Append("\"}}]}\n\n");
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        using var stream = new MemoryStream(bytes);
        using var reader = new SseEventReader(stream, 1 << 20);
        Assert.True(reader.TryReadEvent(out _)); // warm-up: buffers rented

        long before = GC.GetAllocatedBytesForCurrentThread();
        int events = 0;
        while (reader.TryReadEvent(out var data)) events += data.Length > 0 ? 1 : 0;
        long perEvent = (GC.GetAllocatedBytesForCurrentThread() - before) / count;

        Assert.Equal(count - 1, events);
        Assert.True(perEvent < 8, $"{perEvent} bytes allocated per event");
    }
}
