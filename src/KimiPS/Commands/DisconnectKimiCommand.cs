using KimiPS.Core;
using System.Management.Automation;

namespace KimiPS.Commands;

/// <summary>Forgets this session's Kimi connection.</summary>
/// <remarks>
/// Disconnect-Kimi removes the connection that Connect-Kimi stored for this PowerShell session (runspace).
/// Other sessions are not affected. Afterwards the cmdlets fall back to the MOONSHOT_API_KEY environment
/// variable, if it is set. Nothing is sent to the API: Kimi keys are not sessions and cannot be signed out.
/// </remarks>
/// <example>
/// <code>PS> Disconnect-Kimi</code>
/// <para>Forgets the connection of this session.</para>
/// </example>
[Cmdlet(VerbsCommunications.Disconnect, "Kimi")]
[OutputType(typeof(void))]
public sealed class DisconnectKimiCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        WriteVerbose(ConnectionStore.Remove() ? Msg.Disconnected : Msg.NoConnection);
    }
}
