using System.Collections.ObjectModel;
using KimiPS.Core;

namespace KimiPS;

/// <summary>The production settings of a connection: its saved name, where its key came from, the audit log and extra headers.</summary>
public sealed partial class KimiConnection
{
    /// <summary>The environment variable that turns the audit log on for connections without -LogPath.</summary>
    internal const string LogVariable = "KIMIPS_LOG";

    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    /// <summary>The saved connection's name (Connect-Kimi -Name or -SaveAs); null for an unnamed one.</summary>
    public string? Name { get; internal set; }

    /// <summary>Where the key came from: ApiKey, Credential, SecretManagement, or MOONSHOT_API_KEY.</summary>
    public string KeySource { get; internal set; } = ConnectionSettings.ApiKeyVariable;

    /// <summary>The SecretManagement secret the key was read from (its name, never its value), when it came from one.</summary>
    public string? SecretName { get; internal set; }

    /// <summary>The vault of <see cref="SecretName"/>, when one was named.</summary>
    public string? Vault { get; internal set; }

    private string? _logPath;

    /// <summary>The audit log file (Connect-Kimi -LogPath, else the KIMIPS_LOG environment variable); null: no log.</summary>
    public string? LogPath
    {
        get => _logPath ?? (Environment.GetEnvironmentVariable(LogVariable) is { Length: > 0 } env ? Path.GetFullPath(env) : null);
        internal set => _logPath = value;
    }

    /// <summary>Whether log lines carry the prompt (request body) and the answer text (-LogContent).</summary>
    public bool LogContent { get; internal set; }

    /// <summary>Headers added to every request (Connect-Kimi -AdditionalHeaders). The view shows their names only.</summary>
    public IReadOnlyDictionary<string, string> AdditionalHeaders { get; internal set; } = NoHeaders;

    /// <summary>The connection's label in Get-KimiUsage and the log: its name, else its BaseUri and key hint.</summary>
    internal string Label => Name ?? $"{BaseUri.AbsoluteUri} ({KeyHint})";

    /// <summary>
    /// Called on the pipeline thread as a cmdlet creates its client: the client's requests go to this runspace's
    /// ledger (and the log), whatever thread later makes them.
    /// </summary>
    private KimiClientOptions WithSinks(KimiClientOptions options)
    {
        var log = LogPath is { } path ? new AuditLog(path, LogContent) : null;
        options.RequestObserver = new SessionObserver(UsageStore.Current, Label, Region == KimiRegion.Custom ? null : Region == KimiRegion.Global ? "USD" : "CNY", log);
        if (AdditionalHeaders.Count > 0) options.AdditionalHeaders = new Dictionary<string, string>(AdditionalHeaders.ToDictionary(p => p.Key, p => p.Value), StringComparer.OrdinalIgnoreCase);
        return options;
    }
}
