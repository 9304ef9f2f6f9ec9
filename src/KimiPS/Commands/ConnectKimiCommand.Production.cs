using System.Collections;
using System.Management.Automation;
using System.Security;
using KimiPS.Core;

namespace KimiPS.Commands;

// Connect-Kimi's production parameters: saved connections, SecretManagement keys, the audit log and extra headers.
// Kept apart from the connection's core parameters so each side can change without the other.
public sealed partial class ConnectKimiCommand
{
    private const string SecretSet = "Secret";
    private const string SavedSet = "Saved";

    /// <summary>
    /// Uses the settings saved under this name by -SaveAs (tab completion lists them). Parameters given on the
    /// command line win over saved ones. The key comes from -ApiKey or -Credential when given, else -SecretName,
    /// else the saved connection's secret (-SecretName/-Vault it was saved with), else MOONSHOT_API_KEY.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = SavedSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SavedConnectionCompleter))]
    public string? Name { get; set; }

    /// <summary>
    /// Saves this connection's non-secret settings (region or BaseUri, model, retries, timeout, proxy, rate limits, log,
    /// secret name and vault) under this name in the per-user connections.json, after it validated. Never the key
    /// and never -AdditionalHeaders, which may carry a gateway's token.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SavedConnectionCompleter))]
    public string? SaveAs { get; set; }

    /// <summary>Reads the key with SecretManagement's Get-Secret (a string or SecureString secret) when Connect-Kimi runs. Needs the Microsoft.PowerShell.SecretManagement module; KimiPS does not require it otherwise. With -ApiKey too, -ApiKey is used and only the secret's name is saved by -SaveAs.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
    [Parameter(ParameterSetName = SavedSet)]
    [ValidateNotNullOrEmpty]
    public string? SecretName { get; set; }

    /// <summary>The SecretManagement vault of -SecretName; default: Get-Secret's search of all vaults.</summary>
    [Parameter(ParameterSetName = SecretSet)]
    [Parameter(ParameterSetName = SavedSet)]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>Appends one JSON line per request (time, request id, model, endpoint, status, attempts, duration, usage, finish reason, error id) to this file. Default: the KIMIPS_LOG environment variable; none without it. The key is never written.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? LogPath { get; set; }

    /// <summary>Log lines also carry the request body (the prompt) and the answer text. Only with a log (-LogPath or KIMIPS_LOG).</summary>
    [Parameter]
    public SwitchParameter LogContent { get; set; }

    /// <summary>Headers sent with every request of this connection, for example a gateway's tenant header. Never Authorization (the key has its own parameters). Not saved by -SaveAs.</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? AdditionalHeaders { get; set; }

    private SavedConnection? _saved;
    private string _keySource = "ApiKey";
    private string? _secretName;
    private string? _vault;

    /// <summary>-Name: the saved settings fill every parameter not given on the command line. Returns the key to use.</summary>
    private SecureString ProductionKey()
    {
        if (Name != null)
        {
            var file = SavedConnections.FilePath(Environment.GetEnvironmentVariable);
            var all = Check(file, () => SavedConnections.Load(file));
            if (!all.TryGetValue(Name, out _saved)) ThrowTerminating(ProductionErrors.SavedConnectionNotFound(Name, file), Name);
            ApplySaved(_saved!);
        }
        var bound = MyInvocation.BoundParameters;
        // The secret's name is kept (and saved) even when a key given now wins over it.
        _secretName = SecretName ?? _saved?.SecretName;
        _vault = SecretName != null ? Vault : _saved?.Vault;
        if (bound.ContainsKey(nameof(ApiKey)) && bound.ContainsKey(nameof(Credential)))
            ThrowTerminating(Errors.InvalidParameter("Credential", "is given with -ApiKey", "Pass the key once: -ApiKey or -Credential."));
        if (bound.ContainsKey(nameof(ApiKey))) return ApiKey;
        if (bound.ContainsKey(nameof(Credential)))
        {
            _keySource = "Credential";
            return Credential.Password;
        }
        if (_secretName != null)
        {
            _keySource = "SecretManagement";
            return ReadSecret(_secretName, _vault);
        }
        var env = Environment.GetEnvironmentVariable(ConnectionSettings.ApiKeyVariable)?.Trim();
        if (string.IsNullOrEmpty(env))
            ThrowTerminating(Errors.InvalidParameter("ApiKey", $"is not given, the saved connection '{Name}' names no secret, and {ConnectionSettings.ApiKeyVariable} is not set",
                "Pass -ApiKey or -SecretName, save the connection with -SecretName, or set MOONSHOT_API_KEY."), Name);
        _keySource = ConnectionSettings.ApiKeyVariable;
        return SecureStrings.FromPlainText(env!);
    }

    private void ApplySaved(SavedConnection saved)
    {
        var bound = MyInvocation.BoundParameters;
        bool Given(string name) => bound.ContainsKey(name);
        // -Region given now overrides a saved BaseUri as well as a saved region.
        if (!Given(nameof(Region)) && !Given(nameof(BaseUri)))
        {
            if (saved.BaseUri != null) BaseUri = saved.BaseUri;
            else if (saved.Region != null) Region = saved.Region;
        }
        if (!Given(nameof(Model)) && saved.Model != null) Model = saved.Model;
        if (!Given(nameof(MaxRetries)) && saved.MaxRetries is { } retries) MaxRetries = retries;
        if (!Given(nameof(TimeoutSec)) && saved.TimeoutSec is { } timeout) TimeoutSec = timeout;
        if (!Given(nameof(Proxy)) && saved.Proxy != null) Proxy = saved.Proxy;
        if (!Given(nameof(MaxConcurrency)) && saved.MaxConcurrency is { } concurrency) MaxConcurrency = concurrency;
        if (!Given(nameof(RequestsPerMinute)) && saved.RequestsPerMinute is { } rpm) RequestsPerMinute = rpm;
        if (!Given(nameof(TokensPerMinute)) && saved.TokensPerMinute is { } tpm) TokensPerMinute = tpm;
        if (!Given(nameof(LogPath)) && saved.LogPath != null) LogPath = saved.LogPath;
        if (!Given(nameof(LogContent)) && saved.LogContent is { } content) LogContent = content;
    }

    /// <summary>Get-Secret at connect time, only when a secret is named: SecretManagement stays optional.</summary>
    private SecureString ReadSecret(string name, string? vault)
    {
        var getSecret = InvokeCommand.GetCommand("Get-Secret", CommandTypes.Function | CommandTypes.Cmdlet | CommandTypes.Alias);
        if (getSecret is null) ThrowTerminating(ProductionErrors.SecretManagementMissing(name), name);
        System.Collections.ObjectModel.Collection<PSObject> result;
        try
        {
            result = InvokeCommand.InvokeScript(
                "param($getSecret, $name, $vault) $ErrorActionPreference = 'Stop'; if ($vault) { & $getSecret -Name $name -Vault $vault } else { & $getSecret -Name $name }",
                false, System.Management.Automation.Runspaces.PipelineResultTypes.None, null, getSecret, name, vault);
        }
        catch (RuntimeException ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminating(ProductionErrors.SecretUnavailable(name, vault, ex.Message, ex), name);
            throw; // not reached
        }
        var values = result.Where(o => o != null).Select(o => o.BaseObject).ToList();
        SecureString? key = values.Count != 1 ? null : values[0] switch
        {
            SecureString s => s,
            string s => SecureStrings.FromPlainText(s),
            PSCredential c => c.Password,
            _ => null,
        };
        if (key is null)
            ThrowTerminating(ProductionErrors.SecretUnavailable(name, vault, values.Count == 0 ? "it returned nothing"
                : values.Count > 1 ? $"it returned {values.Count} objects" : $"it returned a {values[0].GetType().FullName}, not a string, SecureString or PSCredential"), name);
        return key!;
    }

    /// <summary>The production settings of the new connection: name, key source, log and headers (checked before anything is sent).</summary>
    private void Describe(KimiConnection connection)
    {
        connection.Name = SaveAs ?? Name;
        connection.KeySource = _keySource;
        if (_keySource == "SecretManagement")
        {
            connection.SecretName = _secretName;
            connection.Vault = _vault;
        }
        if (LogPath != null) connection.LogPath = Check(LogPath, () => AuditLogPath.Prepare(GetUnresolvedProviderPathFromPSPath(LogPath)));
        if (LogContent && connection.LogPath is null)
            ThrowTerminating(Errors.InvalidParameter(nameof(LogContent), "is given without a log",
                $"Add -LogPath <file>, or set the {KimiConnection.LogVariable} environment variable to the log file."));
        connection.LogContent = LogContent;
        if (AdditionalHeaders != null)
        {
            var headers = Check(AdditionalHeaders, () => RequestHeaders.Check(PowerShellValues.ToHeaders(AdditionalHeaders), nameof(AdditionalHeaders))!);
            connection.AdditionalHeaders = new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(headers);
        }
    }

    /// <summary>-SaveAs: stores what was used, key excepted, before the connection becomes the session's.</summary>
    private void SaveIfAsked(KimiConnection connection)
    {
        if (SaveAs is null) return;
        var bound = MyInvocation.BoundParameters;
        var usedBaseUri = bound.ContainsKey(nameof(BaseUri)) || (_saved?.BaseUri != null && !bound.ContainsKey(nameof(Region)));
        var saved = new SavedConnection
        {
            Name = SaveAs,
            BaseUri = usedBaseUri ? connection.BaseUri : null,
            Region = usedBaseUri ? null : connection.Region.ToString(),
            Model = connection.DefaultModel,
            MaxRetries = connection.MaxRetries,
            TimeoutSec = (int)connection.Timeout.TotalSeconds,
            Proxy = connection.Proxy,
            MaxConcurrency = connection.RateLimits.MaxConcurrency,
            RequestsPerMinute = connection.RateLimits.RequestsPerMinute,
            TokensPerMinute = connection.RateLimits.TokensPerMinute,
            LogPath = LogPath is null ? null : connection.LogPath,
            LogContent = LogContent ? true : null,
            SecretName = _secretName,
            Vault = _vault,
            SavedAt = DateTimeOffset.Now,
        };
        var file = SavedConnections.FilePath(Environment.GetEnvironmentVariable);
        Check(SaveAs, () => { SavedConnections.Save(file, saved); return true; });
        WriteVerbose($"Saved the connection '{SaveAs}' (no key) to {file}.");
    }
}
