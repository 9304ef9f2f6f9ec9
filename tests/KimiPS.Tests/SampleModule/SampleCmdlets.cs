using System.Management.Automation;
using System.Text.Json;

namespace KimiPS.SampleModule;

/// <summary>What the good sample cmdlet returns.</summary>
public sealed class KimiWidget
{
    public string Id { get; set; } = "";
}

/// <summary>Gets widgets.</summary>
/// <remarks>Lists every widget, or the one with the given <c>Id</c>.
/// <para>Returns <see cref="T:KimiPS.SampleModule.KimiWidget"/> objects; <see langword="null"/> never.</para></remarks>
/// <example>
///     <code>
///     Get-KimiWidget -Id w1
///       | Format-List
///     </code>
///     <para>Gets one widget.</para>
/// </example>
/// <example><code>Get-KimiWidget</code><para>Lists them.</para></example>
[Cmdlet(VerbsCommon.Get, "KimiWidget", DefaultParameterSetName = "List")]
[OutputType(typeof(KimiWidget))]
public sealed class GetKimiWidgetCommand : PSCmdlet
{
    /// <summary>The widget id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    [Alias("WidgetId")]
    public string[] Id { get; set; } = new string[0];

    /// <summary>A widget from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "ByObject")]
    public KimiWidget? InputObject { get; set; }

    /// <summary>Only the first <c>First</c> widgets.</summary>
    [Parameter(ParameterSetName = "List", Position = 0)]
    public int? First { get; set; }

    /// <summary>Include hidden widgets.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }
}

/// <summary>Removes widgets.</summary>
/// <remarks>Deletes them.</remarks>
/// <example><code>Get-KimiWidget | Remove-KimiWidget -WhatIf</code><para>Shows what would go.</para></example>
[Cmdlet(VerbsCommon.Remove, "KimiWidget", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveKimiWidgetCommand : PSCmdlet
{
    /// <summary>The widget id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Id { get; set; } = "";
}

/// <summary>Connects; the prefix alone is a valid noun.</summary>
/// <remarks>Sets the session's connection.</remarks>
/// <example><code>Connect-Kimi</code><para>Connects.</para></example>
[Cmdlet(VerbsCommunications.Connect, "Kimi")]
[OutputType(typeof(KimiWidget))]
public sealed class ConnectKimiCommand : PSCmdlet
{
}

// Breaks every rule: unsealed, unapproved verb, plural noun without the prefix's singular form,
// no [OutputType], no ShouldProcess on a Remove, duplicate positions, two by-value pipeline
// parameters, an optional positional before a mandatory one, an STJ type in a parameter,
// and no doc comments at all.
[Cmdlet("Grab", "KimiWidgets")]
public class GrabKimiWidgetsCommand : PSCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    public string? Name { get; set; }

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    public string? Other { get; set; }

    [Parameter(Position = 1)]
    public JsonElement Raw { get; set; }
}

/// <summary>A Remove without ShouldProcess, with a noun that lacks the prefix.</summary>
[Cmdlet(VerbsCommon.Remove, "Widget", ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(JsonDocument))]
public sealed class RemoveWidgetCommand : PSCmdlet
{
}
