using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using KimiPS.Emulator;

namespace KimiPS.PowerShell.Tests.Infrastructure;

/// <summary>
/// A real PowerShell 7.6 runspace (Microsoft.PowerShell.SDK) with the staged module imported and, by
/// default, connected to its own emulator. One per test: nothing is shared but the loaded assemblies.
/// </summary>
internal sealed class HostedKimi : IDisposable
{
    private HostedKimi(KimiEmulator emulator, Runspace runspace)
    {
        Emulator = emulator;
        Runspace = runspace;
    }

    public KimiEmulator Emulator { get; }

    public Runspace Runspace { get; }

    /// <param name="connect">Connect-Kimi to the emulator first.</param>
    /// <param name="emulator">An emulator of the test's; by default a new one, disposed with this.</param>
    /// <param name="host">A host of the test's (one that records what the user is shown); by default PowerShell's, without a UI.</param>
    public static HostedKimi Start(bool connect = true, KimiEmulator? emulator = null, System.Management.Automation.Host.PSHost? host = null)
    {
        Assert.True(File.Exists(TestPaths.StagedManifest), $"The staged module is missing: {TestPaths.StagedManifest}");
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(TestPaths.StagedManifest);
        state.EnvironmentVariables.Add(new SessionStateVariableEntry("MOONSHOT_API_KEY", "", "")); // never a fallback key
        var hosted = new HostedKimi(emulator ?? KimiEmulator.Start(), OpenRunspace(state, host));
        hosted.Run("$env:MOONSHOT_API_KEY = $null; $env:KIMIPS_LOG = $null").ThrowOnError();
        if (connect) hosted.Connect();
        return hosted;
    }

    /// <summary>
    /// Opens a runspace whose built-in drives are all there. Under heavy load (many runspaces opening at once on two
    /// cores) PowerShell 7.6 has been seen to open one without its Env: drive ("Cannot find drive ... 'env'" at the
    /// first $env: use); such a runspace is thrown away and opened again, at most three times.
    /// </summary>
    private static Runspace OpenRunspace(InitialSessionState state, System.Management.Automation.Host.PSHost? host)
    {
        for (var attempt = 1; ; attempt++)
        {
            var runspace = host is null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
            runspace.Open();
            var hasEnv = runspace.SessionStateProxy.Drive.GetAll().Any(d => d.Name.Equals("Env", StringComparison.OrdinalIgnoreCase));
            if (hasEnv || attempt == 3) return runspace;
            runspace.Dispose();
        }
    }

    /// <summary>Connect-Kimi to this emulator with its key (or another), the way a user would.</summary>
    public void Connect(string key = KimiEmulator.ApiKey, string extra = "") =>
        Run($"Connect-Kimi -BaseUri '{Emulator.BaseUri}' -ApiKey (ConvertTo-SecureString '{key}' -AsPlainText -Force) {extra}")
            .ThrowOnError();

    /// <summary>Runs a script to its end; a terminating error is captured, not thrown.</summary>
    public HostedRun Run(string script, IDictionary<string, object?>? variables = null, IEnumerable<object>? input = null)
    {
        using var shell = Create(script, variables);
        Collection<PSObject> output;
        Exception? terminating = null;
        try
        {
            output = input is null ? shell.Invoke() : shell.Invoke(input);
        }
        catch (RuntimeException e)
        {
            terminating = e;
            output = [];
        }
        return HostedRun.From(output, shell, terminating);
    }

    /// <summary>A PowerShell on this runspace, for tests that start, watch and Stop() it themselves.</summary>
    public System.Management.Automation.PowerShell Create(string script, IDictionary<string, object?>? variables = null)
    {
        var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = Runspace;
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
        {
            Runspace.SessionStateProxy.SetVariable(name, value);
        }
        shell.AddScript(script);
        return shell;
    }

    public void Dispose()
    {
        Runspace.Dispose();
        Emulator.Dispose();
    }
}

/// <summary>What one script wrote to each stream (copied: disposing the PowerShell clears its streams).</summary>
internal sealed record HostedRun(
    Collection<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<WarningRecord> WarningRecords,
    IReadOnlyList<VerboseRecord> VerboseRecords,
    IReadOnlyList<DebugRecord> DebugRecords,
    IReadOnlyList<InformationRecord> Information,
    IReadOnlyList<ProgressRecord> Progress,
    Exception? Terminating)
{
    public static HostedRun From(Collection<PSObject> output, System.Management.Automation.PowerShell shell, Exception? terminating) => new(
        output,
        shell.Streams.Error.ToList(),
        shell.Streams.Warning.ToList(),
        shell.Streams.Verbose.ToList(),
        shell.Streams.Debug.ToList(),
        shell.Streams.Information.ToList(),
        shell.Streams.Progress.ToList(),
        terminating);

    public IReadOnlyList<string> Warnings => WarningRecords.Select(w => w.Message).ToList();

    public IReadOnlyList<string> Verbose => VerboseRecords.Select(v => v.Message).ToList();

    public IReadOnlyList<string> Debug => DebugRecords.Select(d => d.Message).ToList();

    /// <summary>The terminating error, or else the first error written: what a script's catch would see first.</summary>
    public ErrorRecord? FirstError => (Terminating as IContainsErrorRecord)?.ErrorRecord ?? Errors.FirstOrDefault();

    public HostedRun ThrowOnError()
    {
        if (Terminating is not null) throw new InvalidOperationException("The script failed: " + Terminating.Message, Terminating);
        if (Errors.Count > 0) throw new InvalidOperationException("The script wrote errors: " + string.Join("; ", Errors.Select(e => e.ToString())));
        return this;
    }

    /// <summary>The base objects, unwrapped from their PSObject.</summary>
    public IReadOnlyList<object> Objects => Output.Select(o => o.BaseObject).ToList();
}
