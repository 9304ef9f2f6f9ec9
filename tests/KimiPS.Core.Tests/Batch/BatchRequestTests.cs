using System.Text;
using System.Text.Json;
using KimiPS.Core;

namespace KimiPS.Core.Tests.Batch;

/// <summary>Batch requests and their input file: the model policy runs first, and what Kimi would refuse is refused before upload.</summary>
public sealed class BatchRequestTests
{
    private static KimiBatchRequest Make(string id, string model = "kimi-k2.6", string text = "hi") =>
        BatchRequests.Create(new ChatRequest(model, ChatMessage.User(text)), id, 0, null, _ => { });

    [Fact]
    public void The_body_is_the_request_after_the_model_policy_with_its_warning()
    {
        var warnings = new List<string>();
        var request = new ChatRequest("kimi-k2.6", ChatMessage.User("hi")) { Temperature = 0.3 };

        var made = BatchRequests.Create(request, null, 4, "the input", warnings.Add);

        using var body = JsonDocument.Parse(made.Body);
        Assert.False(body.RootElement.TryGetProperty("temperature", out _));
        Assert.Equal("kimi-k2.6", body.RootElement.GetProperty("model").GetString());
        Assert.Contains(warnings, w => w.Contains("0.3") && w.Contains("kimi-k2.6"));
        Assert.Equal("the input", made.InputObject);
        Assert.Equal(0.3, request.Temperature); // the caller's request is untouched
    }

    [Fact]
    public void Generated_ids_are_stable_and_differ_by_position_and_body()
    {
        string Id(int index, string text) => BatchRequests.Create(new ChatRequest("kimi-k2.6", ChatMessage.User(text)), null, index, null, _ => { }).CustomId;

        Assert.Equal(Id(0, "a"), Id(0, "a"));
        Assert.StartsWith("request-00001-", Id(0, "a"));
        Assert.NotEqual(Id(0, "a"), Id(1, "a"));
        Assert.NotEqual(Id(0, "a"), Id(0, "b"));
    }

    [Fact]
    public void What_a_batch_line_cannot_do_is_refused_naming_the_parameter()
    {
        var auto = new ChatRequest("kimi-k2.6", ChatMessage.User("hi")) { AutoContinue = 2 };
        var ex = Assert.Throws<KimiException>(() => BatchRequests.Create(auto, null, 0, null, _ => { }));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Contains("AutoContinue", ex.Message);

        var prefix = new ChatRequest("kimi-k2.6", ChatMessage.User("hi"), new ChatMessage("assistant", "Sure:") { Partial = true });
        Assert.Contains("Prefix", Assert.Throws<KimiException>(() => BatchRequests.Create(prefix, null, 0, null, _ => { })).Message);
        Assert.Contains("CustomId", Assert.Throws<KimiException>(() => Make(" ")).Message);
    }

    [Fact]
    public void The_input_file_is_checked_for_one_model_unique_ids_and_at_least_one_request()
    {
        KimiException Check(params KimiBatchRequest[] requests) =>
            Assert.Throws<KimiException>(() => BatchInputFile.Check(requests, "Request"));

        Assert.Contains("no request", Check().Message);
        Assert.Contains("'kimi-k2.6' and 'kimi-k3'", Check(Make("a"), Make("b", "kimi-k3")).Message);
        var twice = Check(Make("a"), Make("a"));
        Assert.Contains("'a' twice", twice.Message);
        Assert.Contains("'Request'", twice.Message);
        BatchInputFile.Check(new[] { Make("a"), Make("b") }); // no throw
    }

    [Fact]
    public void The_input_file_is_one_line_per_request_in_Kimi_shape()
    {
        var buffer = new MemoryStream();
        var bytes = BatchInputFile.Write(new[] { Make("a", text: "one"), Make("b", text: "two") }, buffer);

        var lines = Encoding.UTF8.GetString(buffer.ToArray()).Split('\n');
        Assert.Equal(buffer.Length, bytes);
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        using var line = JsonDocument.Parse(lines[1]);
        Assert.Equal("b", line.RootElement.GetProperty("custom_id").GetString());
        Assert.Equal("POST", line.RootElement.GetProperty("method").GetString());
        Assert.Equal("/v1/chat/completions", line.RootElement.GetProperty("url").GetString());
        Assert.Equal("two", line.RootElement.GetProperty("body").GetProperty("messages")[0].GetProperty("content").GetString());
    }

    [Fact]
    public void An_input_file_over_100_MB_is_refused_while_it_is_written()
    {
        var big = new string('x', 1024 * 1024);
        var requests = Enumerable.Range(0, 101).Select(i => new KimiBatchRequest($"r{i}", "kimi-k2.6", "{\"model\":\"kimi-k2.6\",\"pad\":\"" + big + "\"}")).ToList();
        var sink = new CountingSink();

        var ex = Assert.Throws<KimiException>(() => BatchInputFile.Write(requests, sink));

        Assert.Equal(KimiErrorIds.FileTooLarge, ex.ErrorId);
        Assert.Contains("100 MB", ex.Message);
        Assert.True(sink.Written <= 100L * 1024 * 1024);
    }

    [Fact]
    public void A_body_that_is_not_a_JSON_object_is_refused()
    {
        var ex = Assert.Throws<KimiException>(() => BatchInputFile.Write(new[] { new KimiBatchRequest("a", "m", "[1]") }, Stream.Null));
        Assert.Contains("'a'", ex.Message);
    }

    private sealed class CountingSink : Stream
    {
        public long Written;
        public override void Write(byte[] buffer, int offset, int count) => Written += count;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written;
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
