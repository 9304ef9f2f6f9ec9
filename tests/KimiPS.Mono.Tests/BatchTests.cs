using System.Text;
using KimiPS.Core;

namespace KimiPS.Mono.Tests;

/// <summary>The batch path through the HttpWebRequest-based handler: upload with purpose batch, poll, and the streamed, bounded download.</summary>
public static class BatchTests
{
    [MonoTest]
    public static void A_batch_runs_and_its_output_streams_to_a_file_within_its_bound()
    {
        var path = Path.Combine(Path.GetTempPath(), "kimips-mono-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var lines = Enumerable.Range(1, 3).Select(i =>
                "{\"custom_id\":\"q" + i + "\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":\"kimi-k2.6" +
                "\",\"messages\":[{\"role\":\"user\",\"content\":\"question " + i + "\"}]}}");
            File.WriteAllText(path, string.Join("\n", lines) + "\n");
            using var client = ClientTests.NewClient();
            var input = client.UploadFile(path, "batch");
            var batch = client.CreateBatch(input.Id, "24h");
            for (var i = 0; i < 20 && !batch.IsFinished; i++) batch = client.GetBatch(batch.Id);
            Check.Equal("completed", batch.Status, "the batch status");

            Check.Throws<KimiException>(() => client.DownloadFileContent(batch.OutputFileId!, Stream.Null, maxBytes: 10), "a download over its bound");
            using var output = new MemoryStream();
            var bytes = client.DownloadFileContent(batch.OutputFileId!, output);
            Check.Equal(output.Length, bytes, "the bytes copied");
            var text = Encoding.UTF8.GetString(output.ToArray());
            Check.Equal(3, text.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries).Length, "one output line per request");
            Check.True(text.Contains("\"custom_id\":\"q2\"") && text.Contains("Echo: question 2"), "the answer to q2");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
