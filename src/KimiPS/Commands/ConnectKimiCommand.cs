using System.Management.Automation;
using System.Security;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Connects this PowerShell session to the Kimi (Moonshot AI) API.</summary>
/// <remarks>
/// Connect-Kimi stores the API key, platform and defaults that every other KimiPS cmdlet in this session uses.
/// The key is taken as a SecureString (or as the password of a PSCredential) and is never displayed: the
/// connection shows only its shape (sk-…abcd). Unless -SkipValidation is given, the key is checked against the
/// API first; keys are platform-bound, and when a key is rejected because it belongs to the other platform
/// (China: api.moonshot.cn, Global: api.moonshot.ai) the error says which one. Without Connect-Kimi, the cmdlets
/// use the MOONSHOT_API_KEY (and MOONSHOT_BASE_URL) environment variables.
/// </remarks>
/// <example>
/// <code>PS> Connect-Kimi -ApiKey (Read-Host -AsSecureString 'Kimi key') -Region Global</code>
/// <para>Prompts for the key without echoing it and connects to the global platform (api.moonshot.ai).</para>
/// </example>
/// <example>
/// <code>PS> Connect-Kimi -ApiKey (Get-Secret KimiKey) -Model kimi-k3 -MaxConcurrency 4 -RequestsPerMinute 200 -PassThru</code>
/// <para>Uses a key kept in a SecretManagement vault (a string secret comes back as a SecureString), makes kimi-k3 the default model, sets client-side rate limits and returns the connection.</para>
/// </example>
/// <example>
/// <code>PS> Connect-Kimi -ApiKey $key -BaseUri http://127.0.0.1:5000/v1/ -SkipValidation</code>
/// <para>Connects to a Kimi-compatible endpoint (a gateway or a local emulator) without checking the key.</para>
/// </example>
/// <seealso cref="TestKimiConnectionCommand"/>
[Cmdlet(VerbsCommunications.Connect, "Kimi", DefaultParameterSetName = KeySet)]
[OutputType(typeof(KimiConnection))]
public sealed class ConnectKimiCommand : KimiCmdlet
{
    private const string KeySet = "Key";
    private const string CredentialSet = "Credential";

    /// <summary>The Moonshot API key, as a SecureString (for example from Read-Host -AsSecureString).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = KeySet, HelpMessage = "The Moonshot API key (input is hidden).")]
    [ValidateNotNull]
    public SecureString ApiKey { get; set; } = null!;

    /// <summary>A credential whose password is the API key; the user name is ignored. Works with Get-Secret and Get-Credential.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet, HelpMessage = "A credential whose password is the Moonshot API key.")]
    [ValidateNotNull]
    [Credential]
    public PSCredential Credential { get; set; } = null!;

    /// <summary>The platform that issued the key: China (api.moonshot.cn, the default) or Global (api.moonshot.ai).</summary>
    [Parameter]
    [ValidateSet("China", "Global")]
    public string Region { get; set; } = "China";

    /// <summary>Another API root (a gateway, a proxy path, a local emulator). Overrides -Region. Plain http is allowed only for loopback hosts.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>The model cmdlets use when they get no -Model. Default: kimi-k2.6.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KimiModelCompleter))]
    public string Model { get; set; } = ConnectionSettings.DefaultModel;

    /// <summary>Retries of a failed request that may succeed later (rate limits, overload, server errors). Default 2.</summary>
    [Parameter]
    [ValidateRange(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>Seconds a non-streaming request may take in total. Default 600.</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int TimeoutSec { get; set; } = 600;

    /// <summary>A proxy for every request. Without it, HTTPS_PROXY / NO_PROXY are honoured.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? Proxy { get; set; }

    /// <summary>Credentials for -Proxy.</summary>
    [Parameter]
    [ValidateNotNull]
    [Credential]
    public PSCredential? ProxyCredential { get; set; }

    /// <summary>Most requests in flight at once for this account (client-side limit used by -ThrottleLimit).</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int MaxConcurrency { get; set; }

    /// <summary>Most requests per minute for this account (client-side limit).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int RequestsPerMinute { get; set; }

    /// <summary>Most tokens per minute for this account (client-side limit).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int TokensPerMinute { get; set; }

    /// <summary>Stores the connection without checking the key against the API.</summary>
    [Parameter]
    public SwitchParameter SkipValidation { get; set; }

    /// <summary>Returns the new connection.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var key = ParameterSetName == CredentialSet ? Credential.Password : ApiKey;
        if (key.Length == 0)
            ThrowTerminating(Errors.InvalidParameter(ParameterSetName == CredentialSet ? "Credential" : "ApiKey", "is empty",
                "Pass the key from the Kimi console (platform.moonshot.cn or platform.moonshot.ai)."));

        var (baseUri, region) = ResolveEndpoint();
        var connection = new KimiConnection(key, Secrets.Mask(SecureStrings.ToPlainText(key)), baseUri, region, Model, MaxRetries,
            TimeSpan.FromSeconds(TimeoutSec), Proxy, ProxyCredential?.GetNetworkCredential(), RateLimits(), "Connect-Kimi");

        if (!SkipValidation && !Try(connection.BaseUri, () => Validate(connection))) return;
        ConnectionStore.Set(connection);
        WriteVerbose($"Connected to {connection.BaseUri} ({connection.Region}) with key {connection.KeyHint}.");
        if (PassThru) WriteObject(connection);
    }

    private (Uri, KimiRegion) ResolveEndpoint()
    {
        try
        {
            ConnectionSettings.CheckProxy(Proxy);
            return ConnectionSettings.ResolveEndpoint((KimiRegion)Enum.Parse(typeof(KimiRegion), Region, true), BaseUri);
        }
        catch (KimiException ex)
        {
            ThrowTerminating(ex, BaseUri);
            throw; // not reached
        }
    }

    private KimiRateLimits RateLimits() => new()
    {
        MaxConcurrency = MaxConcurrency > 0 ? MaxConcurrency : null,
        RequestsPerMinute = RequestsPerMinute > 0 ? RequestsPerMinute : null,
        TokensPerMinute = TokensPerMinute > 0 ? TokensPerMinute : null,
    };

    /// <summary>A key that does not work is a terminating error: nothing after Connect-Kimi could succeed with it.</summary>
    private void Validate(KimiConnection connection)
    {
        KimiConnectionTest test;
        using (var client = CreateClient(connection))
        {
            test = Wait(ct => client.TestConnection(ct));
        }
        if (!test.Success) ThrowTerminating(ConnectionSettings.ValidationFailed(test, connection.Region), connection.BaseUri);
        if (test.Latency is { } latency) WriteVerbose($"Validated in {latency.TotalMilliseconds:N0} ms.");
    }
}
