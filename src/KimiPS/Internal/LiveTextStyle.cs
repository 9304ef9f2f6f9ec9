using System.Management.Automation;
using System.Management.Automation.Host;

namespace KimiPS;

/// <summary>How reasoning is told apart from the answer: dimmed with a VT sequence, or a plain <c>[thinking]</c> prefix.</summary>
internal sealed class LiveTextStyle
{
    /// <summary>SGR 2 (faint) and 22 (normal intensity): each reasoning piece is wrapped, so a Ctrl+C never leaves the terminal dim.</summary>
    internal const string DimOn = "\u001B[2m";
    internal const string DimOff = "\u001B[22m";

    private LiveTextStyle(bool dim, bool showReasoning)
    {
        Dim = dim;
        ShowReasoning = showReasoning;
    }

    /// <summary>Reasoning is dimmed with VT; otherwise it is prefixed with <c>[thinking]</c>.</summary>
    public bool Dim { get; }

    /// <summary>False with -HideReasoning: reasoning is not rendered (it stays in the answer's ReasoningContent).</summary>
    public bool ShowReasoning { get; }

    /// <summary>
    /// Dim only where the host renders VT, $PSStyle.OutputRendering is not PlainText (7.2+; 5.1 has no $PSStyle) and
    /// NO_COLOR is unset or empty (no-color.org).
    /// </summary>
    public static LiveTextStyle For(PSCmdlet cmdlet, bool hideReasoning)
    {
        var dim = SupportsVirtualTerminal(cmdlet.Host) && !NoColor() && !PlainTextRendering(cmdlet);
        return new LiveTextStyle(dim, !hideReasoning);
    }

    internal static LiveTextStyle Create(bool dim, bool showReasoning) => new(dim, showReasoning);

    private static bool SupportsVirtualTerminal(PSHost? host)
    {
        try
        {
            return host?.UI?.SupportsVirtualTerminal == true;
        }
        catch (Exception ex) when (ex is NotImplementedException or NotSupportedException or HostException)
        {
            return false;
        }
    }

    private static bool NoColor() => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    private static bool PlainTextRendering(PSCmdlet cmdlet)
    {
        var style = cmdlet.GetVariableValue("PSStyle");
        if (style is null) return false;
        var rendering = PSObject.AsPSObject(style).Properties["OutputRendering"]?.Value;
        return string.Equals(rendering?.ToString(), "PlainText", StringComparison.OrdinalIgnoreCase);
    }
}
