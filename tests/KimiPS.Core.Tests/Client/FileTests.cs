using System.Text;
using KimiPS.Core;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.Client;

[Collection(AllocationCollection.Name)]
public sealed class FileTests : EmulatorTest
{
    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "kimips-" + Guid.NewGuid().ToString("N"))).FullName;

    public override void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        base.Dispose();
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void Upload_list_get_content_delete()
    {
        using var client = Client();
        var file = client.UploadFile(Write("notes.txt", "Quarterly numbers: up."));
        Assert.False(string.IsNullOrEmpty(file.Id));
        Assert.Equal("notes.txt", file.FileName);
        Assert.Equal(22, file.Bytes);
        Assert.Equal("file-extract", file.Purpose);

        Assert.Contains(client.ListFiles(), f => f.Id == file.Id);
        Assert.Equal("notes.txt", client.GetFile(file.Id).FileName);
        Assert.Equal("Quarterly numbers: up.", client.GetFileContent(file.Id));

        client.DeleteFile(file.Id);
        Assert.DoesNotContain(client.ListFiles(), f => f.Id == file.Id);
        var ex = Assert.Throws<KimiApiException>(() => client.GetFile(file.Id));
        Assert.Equal(KimiErrorIds.NotFound, ex.ErrorId);
    }

    [Fact]
    public void Purpose_and_name_reach_the_server()
    {
        using var client = Client();
        client.UploadFile(Write("中文 名.txt", "text"), "image");
        var upload = Emulator.Requests.Single(r => r.Method == "POST");
        Assert.Equal("image", upload.UploadPurpose);
        Assert.Equal("中文 名.txt", upload.UploadFileName);
    }

    [UnixOnlyTheory]
    [InlineData("it's \"q\".txt", "it's %22q%22.txt")]
    [InlineData("nl\nname.txt", "nl%0Aname.txt")]
    [InlineData("cr\rtab\t.txt", "cr%0Dtab%09.txt")]
    [InlineData("ends with \\", "ends with \\")]
    public void Names_legal_on_Linux_upload_under_their_exact_name(string name, string plain)
    {
        // filename* (RFC 5987) carries the exact name; the plain filename is escaped as browsers do (WHATWG: %22, %0A, %0D),
        // so no quote or line break can end the part's header early.
        using var client = Client();
        var file = client.UploadFile(Write(name, "text"));
        var upload = Emulator.Requests.Single(r => r.Method == "POST");
        Assert.Equal(name, upload.UploadFileName);
        Assert.Equal(plain, upload.UploadPlainFileName);
        Assert.Equal(name, file.FileName);
    }

    [Fact]
    public void A_100_MB_upload_streams_from_disk_and_reports_progress()
    {
        var path = Path.Combine(_dir, "big.bin");
        using (var stream = File.Create(path))
        {
            var block = new byte[1024 * 1024];
            new Random(1).NextBytes(block);
            for (var i = 0; i < 100; i++) stream.Write(block, 0, block.Length);
        }
        using var client = Client();
        long lastReport = 0;
        var progress = new SyncProgress(sent => lastReport = sent);
        client.UploadFile(Write("small.txt", "warm up"), "file-extract", progress); // warm up the connection and the JIT
        Emulator.Reset();

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var file = client.UploadFile(path, "file-extract", progress);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(100L * 1024 * 1024, file.Bytes);
        Assert.Equal(100L * 1024 * 1024, lastReport);
        Assert.Equal(100L * 1024 * 1024, Emulator.Requests.Single().UploadBytes);
        // Measured for the whole process (the in-process emulator included, about 7 MB): what matters is that it
        // is far below the file's size, i.e. the file is streamed, not buffered. The client alone: see the benchmarks.
        Assert.True(allocated < 32L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB for a 100 MB upload");
    }

    [Fact]
    public void Server_side_file_errors_map_to_the_catalogue()
    {
        using var client = Client(o => o.MaxRetries = 0);
        Emulator.Enqueue(EmulatorResponse.KimiError(400, "invalid_request_error",
            "The number of files you have uploaded exceeded the max file count 1000, please delete previous uploaded files"));
        var ex = Assert.Throws<KimiApiException>(() => client.UploadFile(Write("one.txt", "x")));
        Assert.Equal(KimiErrorIds.FileCountExceeded, ex.ErrorId);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the test wants the value synchronously.</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
