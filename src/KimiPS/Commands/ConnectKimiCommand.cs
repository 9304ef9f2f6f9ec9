using System.Management.Automation;
using System.Security;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Connects this PowerShell session to the Kimi (Moonshot AI) API.</summary>
/// <remarks>
/// Connect-Kimi stores the API key, platform and defaults that every other KimiPS cmdlet in this session uses.
/// The key is taken as a SecureString (or as the password of a PSCredential) and is never displayed: the
/// connection shows only its shape (sk-…abcd). Every setting is checked before anything is stored: a BaseUri
/// that is not https (plain http is allowed only to a loopback host) is refused even with -SkipValidation, which
/// skips only the check against the API. Unless -SkipValidation is given, the key is checked against the
/// API first; keys are platform-bound, and when a key is rejected because it belongs to the other platform
/// (China: api.moonshot.cn, Global: api.moonshot.ai) the error says which one. Without Connect-Kimi, the cmdlets
/// use the MOONSHOT_API_KEY (and MOONSHOT_BASE_URL) environment variables. Get-KimiConnection shows the
/// connection in use.
/// </remarks>
/// <example>
/// <code>PS> Connect-Kimi -ApiKey (Read-Host -AsSecureString 'Kimi key') -Region Global</code>
/// <para>Prompts for the key without echoing it and connects to the global platform (api.moonshot.ai).</para>
/// </example>
/// <example>
/// <code>PS> Connect-Kimi -ApiKey (Get-Secret KimiKey) -Model kimi-k3 -MaxConcurrency 4 -RequestsPerMinute 200 -PassThru</code>
/// <para>Uses a key kept in a SecretManagement vault (a string secret, which Get-Secret returns as a SecureString), makes kimi-k3 the default model, sets client-side rate limits and returns the connection. -Credential takes the same secret, or one saved as a PSCredential.</para>
/// </example>
/// <example>
/// <code>PS> Connect-Kimi -ApiKey $key -BaseUri http://127.0.0.1:5000/v1/ -SkipValidation</code>
/// <para>Connects to a Kimi-compatible endpoint (a gateway or a local emulator) without checking the key.</para>
/// </example>
/// <seealso cref="TestKimiConnectionCommand"/>
[Cmdlet(VerbsCommunications.Connect, "Kimi", DefaultParameterSetName = KeySet)]
[OutputType(typeof(KimiConnection))]
public sealed partial class ConnectKimiCommand : KimiCmdlet
{
    private const string KeySet = "Key";
    private const string CredentialSet = "Credential";

    /// <summary>The Moonshot API key, as a SecureString (for example from Read-Host -AsSecureString).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = KeySet, HelpMessage = "The Moonshot API key (input is hidden).")]
    [Parameter(ParameterSetName = SavedSet)]
    [Parameter(ParameterSetName = SecretSet)]
    [ValidateNotNull]
    public SecureString ApiKey { get; set; } = null!;

    /// <summary>A credential whose password is the API key; the user name is ignored. Also takes the SecureString that Get-Secret returns for a string secret.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet, HelpMessage = "A credential whose password is the Moonshot API key.")]
    [Parameter(ParameterSetName = SavedSet)]
    [ValidateNotNull]
    [ApiKeyCredential]
    public PSCredential Credential { get; set; } = null!;

    /// <summary>The platform that issued the key: China (api.moonshot.cn, the default) or Global (api.moonshot.ai).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string Region { get; set; } = "China";

    /// <summary>Another API root (a gateway, a proxy path, a local emulator). Overrides -Region. It must be https, or plain http to a loopback host; this is checked even with -SkipValidation.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>The model cmdlets use when they get no -Model. Default: kimi-k2.6.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(KimiModelCompleter))]
    public string Model { get; set; } = ConnectionSettings.DefaultModel;

    /// <summary>Retries of a failed request that may succeed later (rate limits, overload, server errors), 0 to 10. Default 2. This is the one budget: a request is sent at most MaxRetries + 1 times, also with -ThrottleLimit, where the scheduler (not the HTTP layer) retries a 429 so that it can slow every request down.</summary>
    [Parameter]
    public int MaxRetries { get; set; } = 2;

    /// <summary>Seconds a request may take in total, 1 to 86400, every retry and its wait included; for -Stream, until the answer starts. Default 600.</summary>
    [Parameter]
    public int TimeoutSec { get; set; } = 600;

    /// <summary>Seconds a stream (-Stream) may send nothing before it fails with KimiTimeout, 1 to 86400. Default 120. Raise it for models that think long before answering.</summary>
    [Parameter]
    public int IdleTimeoutSec { get; set; } = 120;

    /// <summary>A proxy (http://host:port) for every request. Without it, HTTPS_PROXY / NO_PROXY are honoured.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? Proxy { get; set; }

    /// <summary>Credentials for -Proxy (only with -Proxy).</summary>
    [Parameter]
    [ValidateNotNull]
    [Credential]
    public PSCredential? ProxyCredential { get; set; }

    /// <summary>Most requests in flight at once for this account (client-side limit used by -ThrottleLimit), 1 to 1000.</summary>
    [Parameter]
    public int MaxConcurrency { get; set; }

    /// <summary>Most requests per minute for this account (client-side limit), 1 or more.</summary>
    [Parameter]
    public int RequestsPerMinute { get; set; }

    /// <summary>Most tokens per minute for this account (client-side limit used by -ThrottleLimit), 1 or more. A request's tokens are estimated from its prompt's length (about 4 bytes a token), before it is sent.</summary>
    [Parameter]
    public int TokensPerMinute { get; set; }

    /// <summary>Stores the connection without checking the key against the API. The BaseUri and -Proxy are still checked.</summary>
    [Parameter]
    public SwitchParameter SkipValidation { get; set; }

    /// <summary>Returns the new connection.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var connection = Build(ProductionKey()); // -Name, -SecretName (ConnectKimiCommand.Production.cs)
        Describe(connection);
        if (!SkipValidation && !Try(connection.BaseUri, () => Validate(connection))) return;
        SaveIfAsked(connection);
        ConnectionStore.Set(connection);
        WriteVerbose(Msg.ConnectedVerbose.Format(connection.BaseUri, connection.Region, connection.KeyHint));
        if (PassThru) WriteObject(connection);
    }

    /// <summary>
    /// Every check that needs no network, before anything is stored or sent; a failure is terminating and
    /// carries the value that failed.
    /// </summary>
    private KimiConnection Build(SecureString key)
    {
        Check(null, () =>
        {
            if (key.Length == 0)
                throw Errors.InvalidParameter(ParameterSetName == CredentialSet ? "Credential" : "ApiKey", Msg.PIsEmpty,
                    Msg.ApiKeyEmptyFix);
        });
        var region = Check(Region, () => ConnectionSettings.ParseRegion(Region));
        var model = Check(Model, () => ConnectionSettings.CheckModel(Model));
        Check(MaxRetries, () => ConnectionSettings.CheckRange(nameof(MaxRetries), MaxRetries, 0, 10, Msg.MeaningRetries));
        Check(TimeoutSec, () => ConnectionSettings.CheckRange(nameof(TimeoutSec), TimeoutSec, 1, 86400, Msg.MeaningTimeout));
        Check(IdleTimeoutSec, () => ConnectionSettings.CheckRange(nameof(IdleTimeoutSec), IdleTimeoutSec, 1, 86400, Msg.MeaningIdleTimeout));
        CheckLimit(nameof(MaxConcurrency), MaxConcurrency, 1000, Msg.MeaningConcurrency);
        CheckLimit(nameof(RequestsPerMinute), RequestsPerMinute, int.MaxValue, Msg.MeaningRpm);
        CheckLimit(nameof(TokensPerMinute), TokensPerMinute, int.MaxValue, Msg.MeaningTpm);
        Check(Proxy, () => ConnectionSettings.CheckProxy(Proxy, ProxyCredential != null));
        var (baseUri, resolvedRegion) = Check(BaseUri, () => ConnectionSettings.ResolveEndpoint(region, BaseUri));
        return new KimiConnection(key, Secrets.Mask(SecureStrings.ToPlainText(key)), baseUri, resolvedRegion, model, MaxRetries,
            TimeSpan.FromSeconds(TimeoutSec), Proxy, ProxyCredential?.GetNetworkCredential(), RateLimits(), "Connect-Kimi")
        {
            IdleTimeout = TimeSpan.FromSeconds(IdleTimeoutSec),
        };
    }

    /// <summary>A rate limit is optional (0 = not set), so only a value the user gave is checked.</summary>
    private void CheckLimit(string name, int value, int max, string meaning)
    {
        if (MyInvocation.BoundParameters.ContainsKey(name))
            Check(value, () => ConnectionSettings.CheckRange(name, value, 1, max, meaning));
    }

    private T Check<T>(object? target, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (KimiException ex)
        {
            ThrowTerminating(ex, target);
            throw; // not reached
        }
    }

    private void Check(object? target, Action check) => Check<bool>(target, () => { check(); return true; });

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
        if (test.Latency is { } latency) WriteVerbose(Msg.ValidatedVerbose.Format(latency.TotalMilliseconds));
    }
}
