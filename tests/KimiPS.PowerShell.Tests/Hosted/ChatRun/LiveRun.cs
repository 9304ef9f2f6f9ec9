using System.Diagnostics;
using System.Management.Automation;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.ChatRun;

/// <summary>
/// A script started with BeginInvoke, for tests that watch streams while it runs and Stop() it (Ctrl+C).
/// Each warning is recorded with what the emulator had seen at the moment it was written, so a test can tell
/// "written before the retry was sent" from "written after" without reading a clock.
/// </summary>
internal sealed class LiveRun : IDisposable
{
    private readonly System.Management.Automation.PowerShell _shell;
    private readonly IAsyncResult _async;
    private readonly List<(string Message, long ChatRequests, bool Completed)> _warnings = new();

    public LiveRun(HostedKimi hosted, string script)
    {
        _shell = hosted.Create(script);
        Output = new PSDataCollection<PSObject>();
        _shell.Streams.Warning.DataAdded += (_, e) =>
        {
            var message = _shell.Streams.Warning[e.Index].Message;
            var seen = hosted.Emulator.Counters.ChatRequests;
            lock (_warnings) _warnings.Add((message, seen, _async?.IsCompleted == true));
        };
        _async = _shell.BeginInvoke<PSObject, PSObject>(null, Output);
    }

    public PSDataCollection<PSObject> Output { get; }

    public System.Management.Automation.PowerShell Shell => _shell;

    public IReadOnlyList<(string Message, long ChatRequests, bool Completed)> Warnings
    {
        get { lock (_warnings) return _warnings.ToList(); }
    }

    public bool IsCompleted => _async.IsCompleted;

    /// <summary>Waits (bounded) for the script to end; a terminating error is returned, not thrown.</summary>
    public Exception? End(TimeSpan? limit = null)
    {
        Assert.True(_async.AsyncWaitHandle.WaitOne(limit ?? TimeSpan.FromSeconds(60)), "the script did not end in time");
        try
        {
            _shell.EndInvoke(_async);
            return null;
        }
        catch (Exception e) when (e is RuntimeException or PipelineStoppedException)
        {
            return e;
        }
    }

    /// <summary>Ctrl+C: how long Stop() took to hand control back.</summary>
    public TimeSpan Stop()
    {
        var clock = Stopwatch.StartNew();
        _shell.Stop();
        return clock.Elapsed;
    }

    public void Dispose()
    {
        if (!_async.IsCompleted) _shell.Stop();
        _shell.Dispose();
    }

    /// <summary>
    /// For a paced pipeline: the first request is answered, the next is held back (nothing more reaches the server and
    /// the pipeline is still running 1.5 s later), and Ctrl+C then stops it at once without sending anything else.
    /// </summary>
    public static void AssertOnlyTheFirstRequestGoesAndStopIsPrompt(HostedKimi hosted, LiveRun run)
    {
        Assert.True(WaitFor(() => hosted.Emulator.Counters.ChatRequests >= 1 && hosted.Emulator.Counters.ActiveRequests == 0,
            TimeSpan.FromSeconds(20)), "the first prompt was not answered");
        Thread.Sleep(1500);
        Assert.Equal(1, hosted.Emulator.Counters.ChatRequests);
        Assert.False(run.IsCompleted);

        var took = run.Stop();
        Assert.True(took < TimeSpan.FromSeconds(1.5), $"Stop() took {took}");
        Assert.Equal(1, hosted.Emulator.Counters.ChatRequests);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="limit"/> passes; returns whether it held.</summary>
    public static bool WaitFor(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit) return condition();
            Thread.Sleep(10);
        }
        return true;
    }
}
