using KimiPS.Core;

namespace KimiPS.Mono.Tests;

/// <summary>Uploads through the HttpWebRequest-based handler: progress, and memory that does not grow with the file.</summary>
public static class UploadTests
{
    [MonoTest]
    public static void Upload_reports_progress_to_the_whole_length()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, Enumerable.Repeat((byte)'a', 1024 * 1024).ToArray());
            long last = 0;
            using var client = ClientTests.NewClient();
            var file = client.UploadFile(path, "file-extract", new SyncProgress(sent => last = sent));
            Check.Equal(1024L * 1024, last, "the last progress report");
            Check.Equal(1024L * 1024, file.Bytes, "the uploaded size");
            Check.True(client.ListFiles().Any(f => f.Id == file.Id), "the file is listed");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [MonoTest]
    public static void A_100_MiB_upload_does_not_buffer_the_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var stream = File.OpenWrite(path))
            {
                var block = new byte[1024 * 1024];
                for (var i = 0; i < 100; i++) stream.Write(block, 0, block.Length);
            }
            using var client = ClientTests.NewClient();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            long peak = 0;
            var file = client.UploadFile(path, "file-extract", new SyncProgress(_ => peak = Math.Max(peak, GC.GetTotalMemory(false))));
            var growth = (peak - before) / (1024.0 * 1024.0);
            Console.WriteLine($"      100 MiB upload: managed heap peak growth {growth:F1} MB (GC.GetTotalMemory)");
            Check.Equal(100L * 1024 * 1024, file.Bytes, "the uploaded size");
            // Mono's heap grows in chunks and is collected lazily, so the bound is loose; a buffered
            // 100 MiB body would show ~100 MB or more.
            Check.True(growth < 32, $"managed heap growth during a 100 MiB upload under 32 MB (was {growth:F1} MB)");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; this reports on the uploading thread, in order.</summary>
    private sealed class SyncProgress : IProgress<long>
    {
        private readonly Action<long> _report;

        public SyncProgress(Action<long> report) => _report = report;

        public void Report(long value) => _report(value);
    }
}
