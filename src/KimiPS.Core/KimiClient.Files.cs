using System.Net.Http.Headers;
using System.Text;

namespace KimiPS.Core;

public sealed partial class KimiClient
{
    /// <summary>
    /// Uploads a file as multipart form data, streamed from disk with a known length so memory does not
    /// grow with the file. Checked before any byte is sent: exists, not a directory, not empty, at most
    /// 100 MB, known purpose (file-extract, image, video, batch). <paramref name="progress"/> receives bytes sent.
    /// </summary>
    public KimiFile UploadFile(string path, string purpose = "file-extract", IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var file = FileChecks.Check(path, purpose);
        HttpContent Build()
        {
            // Opened per attempt: a retried upload starts again from the first byte.
            var stream = new ProgressStream(new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: false), progress);
            var fileContent = new StreamContent(stream, 81920);
            fileContent.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            var form = new MultipartFormDataContent();
            form.Add(new StringContent(purpose), "purpose");
            // Not form.Add(content, "file", name): it throws for a name with a quote or a line break (legal on Linux).
            fileContent.Headers.ContentDisposition = MultipartFileName.Disposition("file", file.Name);
            form.Add(fileContent);
            return form;
        }
        var (body, _) = Run(_http.SendForBytesAsync(HttpMethod.Post, "files", Build, ErrorContext.Upload, ct));
        using var json = JsonRead.Parse(body, Msg.WhatUpload);
        return KimiFileReader.Read(json.RootElement);
    }

    public IReadOnlyList<KimiFile> ListFiles(CancellationToken ct = default)
    {
        using var json = GetJson("files", ErrorContext.Files, Msg.WhatFileList, ct);
        return json.RootElement.DataItems().Select(KimiFileReader.Read).ToList();
    }

    public KimiFile GetFile(string id, CancellationToken ct = default)
    {
        using var json = GetJson(FilePath(id), ErrorContext.Files, Msg.WhatFile, ct);
        return KimiFileReader.Read(json.RootElement);
    }

    public void DeleteFile(string id, CancellationToken ct = default) =>
        Run(_http.SendForBytesAsync(HttpMethod.Delete, FilePath(id), null, ErrorContext.Files, ct));

    /// <summary>The extracted text of a file-extract upload, as the API returns it (put it in a system message).</summary>
    public string GetFileContent(string id, CancellationToken ct = default)
    {
        var (body, _) = Run(_http.SendForBytesAsync(HttpMethod.Get, FilePath(id) + "/content", null, ErrorContext.Files, ct));
        return Encoding.UTF8.GetString(body);
    }

    private static string FilePath(string id) => "files/" + Uri.EscapeDataString(FileChecks.CheckId(id));

    private System.Text.Json.JsonDocument GetJson(string path, ErrorContext context, string what, CancellationToken ct)
    {
        var (body, _) = Run(_http.SendForBytesAsync(HttpMethod.Get, path, null, context, ct));
        return JsonRead.Parse(body, what);
    }

    /// <summary>Blocks on the core's async work; safe because the core never resumes on a captured context.</summary>
    private static T Run<T>(Task<T> task) => task.GetAwaiter().GetResult();
}
