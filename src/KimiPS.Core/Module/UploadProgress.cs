namespace KimiPS.Core;

/// <summary>
/// Turns byte counts from an upload into progress percentages, reporting only when the percentage changes:
/// the client may report every buffer, and a progress record per buffer would slow the console down.
/// </summary>
internal sealed class UploadProgress : IProgress<long>
{
    private readonly long _total;
    private readonly Action<int, long> _report;
    private int _last = -1;

    /// <param name="totalBytes">The file's length (0 or less: unknown).</param>
    /// <param name="report">Called with (percent, bytes sent) when the percentage changes; from any thread.</param>
    public UploadProgress(long totalBytes, Action<int, long> report)
    {
        _total = totalBytes;
        _report = report;
    }

    public static int Percent(long sent, long total) =>
        total <= 0 ? 0 : (int)Math.Max(0, Math.Min(100, sent * 100 / total));

    public void Report(long value)
    {
        var percent = Percent(value, _total);
        if (Interlocked.Exchange(ref _last, percent) == percent) return;
        _report(percent, value);
    }
}
