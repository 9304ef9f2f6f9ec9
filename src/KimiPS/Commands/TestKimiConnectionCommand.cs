using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Checks that Kimi can be reached and the key works, and says what is wrong when not.</summary>
/// <remarks>
/// Test-KimiConnection diagnoses the connection: whether the API host is reachable, whether the key is
/// accepted, on a rejected key which platform (China or Global) it belongs to, the latency, and the balance.
/// It never throws for a failed check: the KimiConnectionTest says what failed and what to do, and with -Quiet
/// the result is just $true or $false, for scripts. Without any connection it reports KimiNotConnected.
/// </remarks>
/// <example>
/// <code>PS> Test-KimiConnection</code>
/// <para>Shows reachability, authentication, the key's platform, latency and balance.</para>
/// </example>
/// <example>
/// <code>PS> if (-not (Test-KimiConnection -Quiet)) { throw 'Kimi is not available.' }</code>
/// <para>Stops a script early when Kimi cannot be used.</para>
/// </example>
[Cmdlet(VerbsDiagnostic.Test, "KimiConnection")]
[OutputType(typeof(KimiConnectionTest), typeof(bool))]
public sealed class TestKimiConnectionCommand : KimiApiCmdlet
{
    /// <summary>Returns only $true (everything works) or $false.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void EndProcessing()
    {
        var connection = TryResolveConnection(out var error);
        KimiConnectionTest? result;
        if (connection is null)
        {
            result = ConnectionSettings.NotConnectedResult();
            if (error != null)
            {
                result.ErrorId = error.ErrorId;
                result.Message = error.Message + " " + error.RecommendedAction;
            }
        }
        else
        {
            // Only cancellation (Ctrl+C) may end this early; any failure is part of the diagnosis.
            result = null;
            if (!Try(connection.BaseUri, () => result = Wait(ct => Diagnose(connection, ct)))) return;
        }
        WriteObject(Quiet ? result!.Success : result);
    }

    /// <summary>A connection that cannot even make a client (its BaseUri refused) is a failed check too, not an error.</summary>
    private KimiConnectionTest Diagnose(KimiConnection connection, CancellationToken ct)
    {
        try
        {
            using var client = CreateClient(connection);
            return client.TestConnection(ct);
        }
        catch (KimiException ex)
        {
            return new KimiConnectionTest { BaseUri = connection.BaseUri, ErrorId = ex.ErrorId, Message = ex.Message + " " + ex.RecommendedAction };
        }
    }
}
