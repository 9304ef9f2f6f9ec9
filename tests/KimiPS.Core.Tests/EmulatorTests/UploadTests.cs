using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace KimiPS.Core.Tests.EmulatorTests;

public sealed class UploadTests
{
    [Fact]
    public async Task A_20_MB_upload_is_counted_without_being_kept()
    {
        const long size = 20L * 1024 * 1024;
        using var session = EmulatorSession.Start();

        using var response = await session.Http.PostAsync("files", Multipart(new PatternStream(size), "big.pdf", "file-extract"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(size, doc.RootElement.GetProperty("bytes").GetInt64());
        var recorded = Assert.Single(session.Emulator.Requests);
        Assert.Empty(recorded.Body);
        Assert.Equal(size, recorded.UploadBytes);
        Assert.Equal("big.pdf", recorded.UploadFileName);
        Assert.Equal("file-extract", recorded.UploadPurpose);
        Assert.True(session.Emulator.Counters.BytesReceived > size);

        // A large file's bytes are gone: its content is the stand-in extraction text.
        var id = doc.RootElement.GetProperty("id").GetString();
        Assert.Equal("Extracted text of big.pdf", await session.Http.GetStringAsync($"files/{id}/content"));
    }

    [Theory]
    [InlineData(0, "file-extract", "File size is zero, please confirm and re-upload the file")]
    [InlineData(10, "assistants", "Invalid purpose: only 'file-extract' accepted")]
    public async Task Bad_uploads_get_Kimis_texts(long size, string purpose, string message)
    {
        using var session = EmulatorSession.Start();

        using var response = await session.Http.PostAsync("files", Multipart(new PatternStream(size), "a.txt", purpose));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, doc.RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Small_text_files_round_trip_through_list_get_content_and_delete()
    {
        using var session = EmulatorSession.Start();
        var bytes = Encoding.UTF8.GetBytes("línea uno\nline two");

        using var upload = await session.Http.PostAsync("files", Multipart(new MemoryStream(bytes), "notes.txt", "file-extract"));
        using var file = JsonDocument.Parse(await upload.Content.ReadAsStringAsync());
        var id = file.RootElement.GetProperty("id").GetString()!;

        Assert.StartsWith("file_", id);
        Assert.Equal("ok", file.RootElement.GetProperty("status").GetString());
        using (var list = await session.GetJsonOkAsync("files"))
            Assert.Equal(id, Assert.Single(list.RootElement.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        using (var got = await session.GetJsonOkAsync($"files/{id}"))
            Assert.Equal("notes.txt", got.RootElement.GetProperty("filename").GetString());
        Assert.Equal("línea uno\nline two", await session.Http.GetStringAsync($"files/{id}/content"));

        using var deleted = await session.Http.DeleteAsync($"files/{id}");
        using (var doc = JsonDocument.Parse(await deleted.Content.ReadAsStringAsync()))
            Assert.True(doc.RootElement.GetProperty("deleted").GetBoolean());
        using var missing = await session.Http.GetAsync($"files/{id}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    internal static MultipartFormDataContent Multipart(Stream content, string fileName, string purpose)
    {
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName }, { new StringContent(purpose), "purpose" } };
    }

    /// <summary>A read-only stream of a given length that generates its bytes, so the test does not hold them either.</summary>
    private sealed class PatternStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++) buffer[offset + i] = (byte)(_position + i);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
