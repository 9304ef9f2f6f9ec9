using System.Management.Automation;

namespace KimiPS;

/// <summary>The base of the cmdlets that call the API: they take -Connection, declared here once.</summary>
public abstract class KimiApiCmdlet : KimiCmdlet
{
    /// <summary>A connection from Connect-Kimi -PassThru, instead of the session's.</summary>
    [Parameter]
    [ValidateNotNull]
    public KimiConnection? Connection { get; set; }

    internal sealed override KimiConnection? ConnectionParameter => Connection;
}
