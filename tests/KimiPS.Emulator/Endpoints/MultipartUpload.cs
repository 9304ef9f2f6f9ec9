using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace KimiPS.Emulator.Endpoints;

/// <summary>The fields of a multipart upload. The file's bytes were counted, not kept (unless small).</summary>
internal sealed record MultipartUpload(bool HasFile, string FileName, string? PlainFileName, long Bytes, string? Purpose, byte[]? SmallContent)
{
    /// <summary>
    /// Streams the multipart body section by section. The file part is read in 80 KB pieces and
    /// discarded, so a 100 MB upload costs one buffer, not 100 MB; only a file of at most
    /// <see cref="FileStore.MaxKeptBytes"/> is kept for the content endpoint.
    /// </summary>
    public static async Task<MultipartUpload?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return null;
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) return null;

        var reader = new MultipartReader(boundary, request.Body);
        string fileName = "";
        string? plainFileName = null;
        string? purpose = null;
        long bytes = 0;
        byte[]? content = null;
        var hasFile = false;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            if (name == "file")
            {
                hasFile = true;
                plainFileName = disposition.FileName.HasValue ? HeaderUtilities.UnescapeAsQuotedString(disposition.FileName).Value : null;
                fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value! : HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "";
                (bytes, content) = await CountAsync(section.Body, ct);
            }
            else if (name == "purpose")
            {
                using var text = new StreamReader(section.Body);
                purpose = (await text.ReadToEndAsync(ct)).Trim();
            }
        }
        return new MultipartUpload(hasFile, fileName, plainFileName, bytes, purpose, content);
    }

    private static async Task<(long Bytes, byte[]? Content)> CountAsync(Stream body, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        var kept = new MemoryStream();
        long total = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total <= FileStore.MaxKeptBytes) kept.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return (total, total <= FileStore.MaxKeptBytes ? kept.ToArray() : null);
    }
}
