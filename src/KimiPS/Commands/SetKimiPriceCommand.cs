using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Sets the price of a Kimi model for this session, so that Get-KimiUsage can show what the requests cost.</summary>
/// <remarks>
/// KimiPS ships no price list: prices change, and differ by platform and contract. Give the prices from your
/// platform's pricing page, per million tokens (input, input served from the context cache, output) and per web
/// search, in the currency your connection is billed in (CNY on platform.moonshot.cn, USD on platform.moonshot.ai).
/// -Model * sets the price of every model without one of its own. A price applies to the rows of Get-KimiUsage whose
/// connection bills in -Currency (or, without -Currency, in any). With -Batch it is the price of batch requests
/// (Receive-KimiBatch's results, the rows with Batch = True), which Kimi bills at its own batch price: batch rows
/// take only -Batch prices, live rows only the others. Prices last for this session; put Set-KimiPrice in a profile
/// or the script to keep them.
/// </remarks>
/// <example>
/// <code>PS> Set-KimiPrice -Model kimi-k2.6 -InputPerMillion 4 -CachedInputPerMillion 1 -OutputPerMillion 16 -PerWebSearch 0.03 -Currency CNY</code>
/// <para>Sets a model's prices (example figures: take yours from the platform's pricing page); Get-KimiUsage then shows a Cost column.</para>
/// </example>
/// <example>
/// <code>PS> Set-KimiPrice -Model kimi-k2.6 -Batch -InputPerMillion 2 -OutputPerMillion 8 -Currency CNY</code>
/// <para>Sets the model's batch price (example figures), which costs the results Receive-KimiBatch counted.</para>
/// </example>
/// <seealso cref="GetKimiUsageCommand"/>
[Cmdlet(VerbsCommon.Set, "KimiPrice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(KimiPrice))]
public sealed class SetKimiPriceCommand : PSCmdlet
{
    /// <summary>The model id (as in Get-KimiModel), or * for every model without a price of its own.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KimiModelCompleter))]
    public string Model { get; set; } = "";

    /// <summary>Price per million prompt tokens not served from the cache, 0 to 1000000.</summary>
    [Parameter(Mandatory = true)]
    [ValidateRange(0.0, 1e6)]
    public decimal InputPerMillion { get; set; }

    /// <summary>Price per million prompt tokens served from the context cache, 0 to 1000000. Default: -InputPerMillion.</summary>
    [Parameter]
    [ValidateRange(0.0, 1e6)]
    public decimal CachedInputPerMillion { get; set; }

    /// <summary>Price per million completion tokens (reasoning included), 0 to 1000000.</summary>
    [Parameter(Mandatory = true)]
    [ValidateRange(0.0, 1e6)]
    public decimal OutputPerMillion { get; set; }

    /// <summary>Price of one $web_search call, 0 to 1000000. Default 0.</summary>
    [Parameter]
    [ValidateRange(0.0, 1e6)]
    public decimal PerWebSearch { get; set; }

    /// <summary>The currency of these prices (CNY, USD). Default: any; the cost is then shown in the connection's currency.</summary>
    [Parameter]
    [ValidatePattern("^[A-Za-z]{3}$")]
    public string? Currency { get; set; }

    /// <summary>Sets the price of batch requests (the Batch rows of Get-KimiUsage) instead of live ones.</summary>
    [Parameter]
    public SwitchParameter Batch { get; set; }

    /// <summary>Returns the price.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var price = new KimiPrice
        {
            Model = Model.Trim(),
            Batch = Batch,
            InputPerMillion = InputPerMillion,
            CachedInputPerMillion = MyInvocation.BoundParameters.ContainsKey(nameof(CachedInputPerMillion)) ? CachedInputPerMillion : InputPerMillion,
            OutputPerMillion = OutputPerMillion,
            PerWebSearch = PerWebSearch,
            Currency = Currency?.ToUpperInvariant() ?? "",
        };
        if (!ShouldProcess(price.Model, Msg.ActionSetPrice)) return;
        UsageStore.Current.SetPrice(price);
        if (PassThru) WriteObject(price);
    }
}
