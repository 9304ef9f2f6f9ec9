using System.Management.Automation;

namespace KimiPS;

/// <summary>
/// The inputs of batch requests in a manifest: PowerShell's CliXml (as Export-Clixml writes), so another session gets
/// them back as objects with the same properties (deserialized, as from a job), which is what a result joins to.
/// </summary>
internal static class BatchInputs
{
    /// <summary>Deep enough for a document object and its properties; not so deep that a live object drags in the world.</summary>
    private const int Depth = 2;

    public static string? Serialize(object? input) => input is null ? null : PSSerializer.Serialize(input, Depth);

    public static object? Deserialize(string text)
    {
        var value = PSSerializer.Deserialize(text);
        return value is PSObject { BaseObject: not PSCustomObject } pso ? pso.BaseObject : value;
    }
}
