namespace KimiPS.Core;

public sealed partial class KimiClient
{
    /// <summary>Uploads a file (multipart, streamed from disk). Checked before any byte is sent: exists, not a directory, not empty, at most 100 MB, known purpose.</summary>
    public KimiFile UploadFile(string path, string purpose = "file-extract", IProgress<long>? progress = null, CancellationToken ct = default) =>
        throw new NotImplementedException();

    public IReadOnlyList<KimiFile> ListFiles(CancellationToken ct = default) => throw new NotImplementedException();

    public KimiFile GetFile(string id, CancellationToken ct = default) => throw new NotImplementedException();

    public void DeleteFile(string id, CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>The extracted text of a file-extract upload, as the API returns it (put it in a system message).</summary>
    public string GetFileContent(string id, CancellationToken ct = default) => throw new NotImplementedException();
}
