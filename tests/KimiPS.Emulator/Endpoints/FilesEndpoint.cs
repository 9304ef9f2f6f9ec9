using System.Text;
using Microsoft.AspNetCore.Http;
using KimiPS.Emulator.Server;

namespace KimiPS.Emulator.Endpoints;

/// <summary>{p}/files: upload (multipart, streamed), list, get, delete, content (reference §2.2).</summary>
internal static class FilesEndpoint
{
    private static readonly string[] Purposes = ["file-extract", "image", "video", "batch"];
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static async Task<ResponsePlan> UploadAsync(HttpContext context, RecordedRequest request, FileStore store)
    {
        var upload = await MultipartUpload.ReadAsync(context.Request, context.RequestAborted);
        if (upload is null) return Errors.InvalidRequest("Invalid request: the body must be multipart/form-data with a 'file' part");
        request.UploadBytes = upload.Bytes;
        request.UploadFileName = upload.FileName;
        request.UploadPlainFileName = upload.PlainFileName;
        request.UploadPurpose = upload.Purpose;

        if (!upload.HasFile) return Errors.InvalidRequest("Invalid request: the 'file' part is missing");
        if (upload.Purpose is null || !Purposes.Contains(upload.Purpose))
            return Errors.InvalidRequest("Invalid purpose: only 'file-extract' accepted");
        if (upload.Bytes == 0) return Errors.InvalidRequest("File size is zero, please confirm and re-upload the file");
        if (upload.Bytes > FileStore.MaxFileBytes)
            return Errors.InvalidRequest("File size is too large, max file size is 100MB, please confirm and re-upload the file");
        if (store.Count >= FileStore.MaxFileCount)
            return Errors.InvalidRequest($"The number of files you have uploaded exceeded the max file count {FileStore.MaxFileCount}, please delete previous uploaded files");

        var file = store.Add(upload.FileName, upload.Bytes, upload.Purpose, upload.SmallContent);
        return JsonBytes.Ok(w => FileStore.Write(w, file));
    }

    public static ResponsePlan List(FileStore store) => JsonBytes.Ok(w =>
    {
        w.WriteStartObject();
        w.WriteString("object", "list");
        w.WriteStartArray("data");
        foreach (var file in store.All()) FileStore.Write(w, file);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static ResponsePlan Get(FileStore store, string id) =>
        store.Get(id) is { } file ? JsonBytes.Ok(w => FileStore.Write(w, file)) : Missing(id);

    public static ResponsePlan Delete(FileStore store, string id) =>
        !store.Remove(id) ? Missing(id) : JsonBytes.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("object", "file");
            w.WriteBoolean("deleted", true);
            w.WriteEndObject();
        });

    /// <summary>Small UTF-8 text files come back as they were; anything else as a stand-in "extraction".</summary>
    public static ResponsePlan Content(FileStore store, string id)
    {
        if (store.Get(id) is not { } file) return Missing(id);
        var text = TryText(file.Content) ?? $"Extracted text of {file.FileName}";
        return ResponsePlan.Single(200, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text));
    }

    private static string? TryText(byte[]? content)
    {
        if (content is null) return null;
        try
        {
            var text = StrictUtf8.GetString(content);
            // NUL bytes mean a binary file that happens to decode; treat it as not text.
            return text.Contains('\0') ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static ResponsePlan Missing(string id) => Errors.NotFound($"file {id} not found");
}
