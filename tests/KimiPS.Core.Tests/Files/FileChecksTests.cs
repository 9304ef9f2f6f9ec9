using KimiPS.Core;

namespace KimiPS.Core.Tests.Files;

/// <summary>Upload checks happen before any request: the client here points at a port nothing listens on.</summary>
public sealed class FileChecksTests : IDisposable
{
    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "kimips-" + Guid.NewGuid().ToString("N"))).FullName;
    private readonly KimiClient _client = new(new KimiClientOptions { BaseUri = new Uri("http://127.0.0.1:9/v1/"), ApiKey = "sk-test-key-000000000000" });

    public void Dispose()
    {
        _client.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string Write(string name, long length)
    {
        var path = Path.Combine(_dir, name);
        using var file = File.Create(path);
        file.SetLength(length); // sparse: a 100 MB+ test file costs no disk writes
        return path;
    }

    [Fact]
    public void Missing_file_names_the_parameter()
    {
        var ex = Assert.Throws<KimiException>(() => _client.UploadFile(Path.Combine(_dir, "nope.pdf")));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Contains("'Path'", ex.Message);
        Assert.Contains("does not exist", ex.Message);
    }

    [Fact]
    public void Directory_is_refused()
    {
        var ex = Assert.Throws<KimiException>(() => _client.UploadFile(_dir));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Contains("is a directory", ex.Message);
    }

    [Fact]
    public void Empty_file_is_KimiFileEmpty()
    {
        var ex = Assert.Throws<KimiException>(() => _client.UploadFile(Write("empty.txt", 0)));
        Assert.Equal(KimiErrorIds.FileEmpty, ex.ErrorId);
        Assert.Equal(KimiErrorCategories.InvalidData, ex.Category);
    }

    [Fact]
    public void Over_100_MB_is_KimiFileTooLarge_and_exactly_100_MB_passes_the_check()
    {
        var ex = Assert.Throws<KimiException>(() => _client.UploadFile(Write("big.bin", FileChecks.MaxBytes + 1)));
        Assert.Equal(KimiErrorIds.FileTooLarge, ex.ErrorId);
        Assert.Equal(KimiErrorCategories.LimitsExceeded, ex.Category);
        Assert.Equal(FileChecks.MaxBytes, FileChecks.Check(Write("limit.bin", FileChecks.MaxBytes), "file-extract").Length);
    }

    [Theory]
    [InlineData("assistants")]
    [InlineData("File-Extract")]
    [InlineData("")]
    public void Unknown_purpose_is_refused(string purpose)
    {
        var ex = Assert.Throws<KimiException>(() => _client.UploadFile(Write("a.txt", 3), purpose));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Contains("'Purpose'", ex.Message);
        Assert.Contains("file-extract, image, video, batch", ex.RecommendedAction);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_ids_are_refused(string id)
    {
        Assert.Equal(KimiErrorIds.InvalidParameter, Assert.Throws<KimiException>(() => _client.GetFile(id)).ErrorId);
        Assert.Equal(KimiErrorIds.InvalidParameter, Assert.Throws<KimiException>(() => _client.DeleteFile(id)).ErrorId);
        Assert.Equal(KimiErrorIds.InvalidParameter, Assert.Throws<KimiException>(() => _client.GetFileContent(id)).ErrorId);
    }
}
