namespace KimiPS.Core;

public sealed partial class KimiClient
{
    /// <summary>Default bound of <see cref="DownloadFileContent"/>: far above a batch's output (its input is at most 100 MB).</summary>
    public const long DefaultMaxDownloadBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Copies a file's content (a batch's output or error file) to <paramref name="destination"/> as it arrives, so
    /// memory does not grow with the file. Reads at most <paramref name="maxBytes"/> (beyond: KimiProtocolError); a
    /// stall of StreamIdleTimeout fails with KimiTimeout; cancelling closes the connection. Returns the bytes copied.
    /// The send is retried like any request; a body cut part-way is not (call again with an empty destination).
    /// </summary>
    public long DownloadFileContent(string id, Stream destination, long maxBytes = DefaultMaxDownloadBytes, CancellationToken ct = default)
    {
        if (destination is null) throw new ArgumentNullException(nameof(destination));
        if (maxBytes <= 0) throw Errors.InvalidParameter("MaxBytes", $"is {maxBytes}", "Use a positive number of bytes.");
        var path = FilePath(id) + "/content";
        var response = Run(_http.SendAsync(HttpMethod.Get, path, null, ErrorContext.Files, bufferBody: false, ct));
        var declared = response.Content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            response.Dispose();
            throw TooLarge(id, maxBytes);
        }
        var content = Run(response.Content.ReadAsStreamAsync());
        using var body = new IdleTimeoutStream(response, content, _options.StreamIdleTimeout, ct);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = ReadSome(body, buffer, path, ct)) > 0)
        {
            total += read;
            if (total > maxBytes) throw TooLarge(id, maxBytes);
            destination.Write(buffer, 0, read); // a local write error (disk full) stays what it is
        }
        return total;
    }

    private int ReadSome(Stream body, byte[] buffer, string path, CancellationToken ct)
    {
        try
        {
            return body.Read(buffer, 0, buffer.Length);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or ObjectDisposedException)
        {
            ct.ThrowIfCancellationRequested();
            throw Errors.ConnectionFailed(Endpoint.Combine(_options.BaseUri, path), ex);
        }
    }

    private static KimiException TooLarge(string id, long maxBytes) =>
        Errors.ProtocolError($"the content of file {id} is larger than the {maxBytes} bytes allowed; it was not read further",
            action: "Check BaseUri (a proxy or gateway may be answering), or pass a larger maxBytes.");
}
