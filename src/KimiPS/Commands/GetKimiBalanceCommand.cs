using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Gets the account balance: available, voucher and cash, with its currency.</summary>
/// <remarks>
/// Get-KimiBalance returns the balance of the connected account. AvailableBalance is cash plus vouchers; at or
/// below zero, requests are refused. CashBalance can be negative (debt). The currency is CNY on the China
/// platform and USD on the global one.
/// </remarks>
/// <example>
/// <code>PS> Get-KimiBalance</code>
/// <para>Shows the balance.</para>
/// </example>
/// <example>
/// <code>PS> if ((Get-KimiBalance).AvailableBalance -lt 5) { Write-Warning 'Kimi balance is low.' }</code>
/// <para>Warns in a script when the balance runs low.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "KimiBalance")]
[OutputType(typeof(KimiBalance))]
public sealed class GetKimiBalanceCommand : KimiApiCmdlet
{
    protected override void EndProcessing()
    {
        KimiBalance? balance = null;
        if (Try(null, () => balance = Call((client, ct) => client.GetBalance(ct)))) WriteObject(balance);
    }
}
