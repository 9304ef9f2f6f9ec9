namespace KimiPS.Core;

/// <summary>
/// A finished batch with its output and error files downloaded to temporary files (deleted when this is disposed)
/// and indexed by custom id, so its results can be joined in any order without holding the files in memory.
/// </summary>
internal sealed class BatchDownload : IDisposable
{
    private readonly List<Stream> _files = new();

    private BatchDownload(KimiBatch batch) => Batch = batch;

    /// <summary>The batch as the API reported it when the download started.</summary>
    public KimiBatch Batch { get; }
    public BatchResultIndex? Output { get; private set; }
    public BatchResultIndex? Errors { get; private set; }

    /// <summary>Reads the batch; one that has not finished is KimiBatchNotFinished (nothing is downloaded).</summary>
    public static BatchDownload Start(KimiClient client, string batchId, CancellationToken ct)
    {
        var batch = client.GetBatch(batchId, ct);
        if (!batch.IsFinished) throw BatchErrors.NotFinished(batch);
        var download = new BatchDownload(batch);
        try
        {
            if (batch.OutputFileId is { } output) download.Output = download.Fetch(client, output, ct);
            if (batch.ErrorFileId is { } errors) download.Errors = download.Fetch(client, errors, ct);
            return download;
        }
        catch
        {
            download.Dispose();
            throw;
        }
    }

    private BatchResultIndex Fetch(KimiClient client, string fileId, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), "kimips-result-" + Guid.NewGuid().ToString("N") + ".jsonl");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        _files.Add(file);
        client.DownloadFileContent(fileId, file, KimiClient.DefaultMaxDownloadBytes, ct);
        file.Flush();
        return BatchResultIndex.Build(file);
    }

    /// <summary>Deletes the batch's files on Kimi (output, error, input); one already gone is fine, another failure is a warning.</summary>
    public void DeleteRemote(KimiClient client, CancellationToken ct, Action<string> warn)
    {
        foreach (var id in new[] { Batch.OutputFileId, Batch.ErrorFileId, Batch.InputFileId })
        {
            if (string.IsNullOrEmpty(id)) continue;
            try
            {
                client.DeleteFile(id!, ct);
            }
            catch (KimiException ex) when (ex.ErrorId == KimiErrorIds.NotFound)
            {
            }
            catch (KimiException ex)
            {
                warn($"Could not delete file {id} of batch {Batch.Id}: {ex.Message} Delete it later with Remove-KimiFile -Id {id}.");
            }
        }
    }

    public void Dispose()
    {
        foreach (var file in _files) file.Dispose();
        _files.Clear();
    }
}
