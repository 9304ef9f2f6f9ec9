using System.Management.Automation;
using System.Text.RegularExpressions;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted;

/// <summary>
/// The streams Pester cannot see, under a zh-CN and an en-US UI culture set on the pipeline thread: progress
/// (activity and status), warnings and verbose lines written from client work that runs off the pipeline thread,
/// and errors; only their text changes, the records and objects are the same.
/// </summary>
public sealed class LocalizationTests
{
    private static readonly Regex Han = new(@"\p{IsCJKUnifiedIdeographs}");

    private static HostedRun RunIn(HostedKimi hosted, string culture, string script, Dictionary<string, object?>? variables = null) =>
        hosted.Run($"[System.Threading.Thread]::CurrentThread.CurrentUICulture = '{culture}'\n{script}", variables);

    [Fact]
    public void Upload_progress_is_in_the_UI_language_and_the_file_is_the_same()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var path = dir.Bytes("big.bin", new byte[2 * 1024 * 1024]);
        var vars = new Dictionary<string, object?> { ["p"] = path };

        var en = RunIn(hosted, "en-US", "Send-KimiFile -LiteralPath $p", vars).ThrowOnError();
        var zh = RunIn(hosted, "zh-CN", "Send-KimiFile -LiteralPath $p", vars).ThrowOnError();

        Assert.NotEmpty(zh.Progress);
        Assert.All(en.Progress, r => Assert.Equal("Uploading big.bin to Kimi", r.Activity));
        Assert.All(zh.Progress, r => Assert.Equal("正在将 big.bin 上传到 Kimi", r.Activity));
        Assert.Contains(en.Progress, r => r.StatusDescription.EndsWith(" bytes", StringComparison.Ordinal));
        Assert.Contains(zh.Progress, r => r.StatusDescription.EndsWith(" 字节", StringComparison.Ordinal));
        Assert.Equal(en.Progress.Select(r => r.RecordType), zh.Progress.Select(r => r.RecordType));

        var enFile = Ps.Of("KimiFile", en.Objects.Single());
        var zhFile = Ps.Of("KimiFile", zh.Objects.Single());
        Assert.Equal((string)enFile.FileName, (string)zhFile.FileName);
        Assert.Equal((long)enFile.Bytes, (long)zhFile.Bytes);
        Assert.Equal((string)enFile.Purpose, (string)zhFile.Purpose);
    }

    [Fact]
    public void A_retry_warning_from_the_worker_thread_is_in_the_pipeline_threads_language()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(EmulatorResponse.KimiError(500, "server_error", "boom"));
        var zh = RunIn(hosted, "zh-CN", "Invoke-KimiChat 'hi'").ThrowOnError();
        hosted.Emulator.Enqueue(EmulatorResponse.KimiError(500, "server_error", "boom"));
        var en = RunIn(hosted, "en-US", "Invoke-KimiChat 'hi'").ThrowOnError();

        var zhWarning = Assert.Single(zh.Warnings);
        var enWarning = Assert.Single(en.Warnings);
        Assert.Matches(@"^KimiServerError; backing off [\d.]+ s \(retry 1 of 2\): retrying POST /\S*chat/completions \(attempt 2 of 3\)\.$", enWarning);
        Assert.Matches(@"^KimiServerError；退避 [\d.]+ 秒（第 1 次重试，共 2 次）：正在重试 POST /\S*chat/completions（第 2 次尝试，共 3 次）。$", zhWarning);
        Assert.Equal((string)Ps.Of("ChatCompletion", en.Objects.Single()).Content, (string)Ps.Of("ChatCompletion", zh.Objects.Single()).Content);
    }

    [Fact]
    public void A_failed_item_is_the_same_error_record_in_both_languages()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var good = dir.File("a.txt", "alpha");
        var vars = new Dictionary<string, object?> { ["good"] = good, ["missing"] = Path.Combine(dir.Path, "missing.txt") };
        const string script = "$good, $missing | Send-KimiFile";

        var en = RunIn(hosted, "en-US", script, vars);
        var zh = RunIn(hosted, "zh-CN", script, vars);

        var enError = Assert.Single(en.Errors);
        var zhError = Assert.Single(zh.Errors);
        Assert.Equal(enError.FullyQualifiedErrorId, zhError.FullyQualifiedErrorId);
        Assert.Equal(enError.CategoryInfo.Category, zhError.CategoryInfo.Category);
        Assert.Equal(enError.TargetObject?.ToString(), zhError.TargetObject?.ToString());
        Assert.DoesNotMatch(Han, enError.Exception.Message);
        Assert.Matches(Han, zhError.Exception.Message);
        Assert.Matches(Han, zhError.ErrorDetails.RecommendedAction);
        Assert.Contains("Path", zhError.Exception.Message);
        Assert.Equal(en.Objects.Count, zh.Objects.Count);
    }

    [Fact]
    public void Traditional_Chinese_reads_English()
    {
        using var hosted = HostedKimi.Start();
        var run = RunIn(hosted, "zh-TW", "Invoke-KimiChat 'hi' -Temperature 0.7");
        Assert.Equal("kimi-k2.6 uses a fixed temperature of 1 (thinking on); the requested 0.7 was not sent.", Assert.Single(run.Warnings));
    }
}
