using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace KimiPS.Benchmarks;

/// <summary>The printed result: one markdown table (every measure, both sides, ratio, target, pass/fail) and notes.</summary>
internal sealed class Report
{
    private readonly List<string[]> _rows = new();
    private readonly List<string> _notes = new();
    private readonly string _loadAtStart = LoadAverage();

    public bool CorrectnessFailed { get; private set; }

    public void Row(string measure, string kimi, string sdk, string ratio, string target, bool? pass) =>
        _rows.Add(new[] { measure, kimi, sdk, ratio, target, pass switch { true => "pass", false => "**miss**", null => "-" } });

    public void Note(string note) => _notes.Add(note);

    public void Failed(string what)
    {
        CorrectnessFailed = true;
        _notes.Add("CORRECTNESS FAILURE: " + what);
    }

    public static string F(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    public void Print(TextWriter output)
    {
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine("## KimiPS.Core vs OpenAI .NET SDK 2.15.0");
        sb.AppendLine();
        sb.AppendLine($"Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, " +
                      $"{RuntimeInformation.FrameworkDescription}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}" +
                      $"{(System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Batch ? " non-concurrent" : " concurrent")}. " +
                      $"Load average (1/5/15 min) at start: {_loadAtStart}; at end: {LoadAverage()}.");
        sb.AppendLine();
        string[] header = { "Measure", "KimiPS", "OpenAI SDK", "Ratio", "Target", "Result" };
        var widths = header.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        void Line(string[] cells) => sb.AppendLine("| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |");
        Line(header);
        sb.AppendLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in _rows) Line(row);
        if (_notes.Count > 0)
        {
            sb.AppendLine();
            foreach (var note in _notes) sb.AppendLine("- " + note);
        }
        output.Write(sb.ToString());
        output.Flush();
    }

    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} / {parts[1]} / {parts[2]}";
        }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { return RuntimeInformation.ProcessArchitecture.ToString(); }
        catch (UnauthorizedAccessException) { return RuntimeInformation.ProcessArchitecture.ToString(); }
    }
}

/// <summary>
/// Wall time, CPU time of the whole process and of the calling thread, process-wide managed allocation and
/// gen0 collections of one run. Both clients consume a stream synchronously on the calling thread, so its CPU
/// time is the client's work; the process figure also holds the in-process server's sends (and the kernel's
/// loopback work charged to them), the same for both clients.
/// </summary>
internal readonly record struct RunCost(TimeSpan Elapsed, TimeSpan Cpu, TimeSpan ThreadCpu, long Allocated, int Gen0)
{
    public static RunCost Measure(Action run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var gen0 = GC.CollectionCount(0);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = ProcessCpu.Now();
        var threadCpu = ProcessCpu.ThreadNow();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        run();
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var threadCpuUsed = ProcessCpu.ThreadNow() - threadCpu;
        var cpuUsed = ProcessCpu.Now() - cpu;
        return new RunCost(elapsed, cpuUsed, threadCpuUsed, GC.GetTotalAllocatedBytes(precise: true) - allocated, GC.CollectionCount(0) - gen0);
    }
}

/// <summary>
/// CPU time of the whole process, or of the calling thread. On Linux clock_gettime(CLOCK_PROCESS_CPUTIME_ID /
/// CLOCK_THREAD_CPUTIME_ID), precise to the scheduler's accounting (Process.TotalProcessorTime there counts in
/// 10 ms ticks); elsewhere TotalProcessorTime, and no thread figure (zero).
/// On a loaded machine wall time includes waiting for a core; CPU time does not.
/// </summary>
internal static class ProcessCpu
{
    private const int ClockProcessCpuTimeId = 2;
    private const int ClockThreadCpuTimeId = 3;

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    public static TimeSpan Now() => Clock(ClockProcessCpuTimeId) ?? System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    public static TimeSpan ThreadNow() => Clock(ClockThreadCpuTimeId) ?? TimeSpan.Zero;

    private static TimeSpan? Clock(int clock)
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            if (ClockGetTime(clock, out var t) == 0)
                return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
        }
        catch (DllNotFoundException) { }
        catch (EntryPointNotFoundException) { }
        return null;
    }
}

internal static class Stats
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
