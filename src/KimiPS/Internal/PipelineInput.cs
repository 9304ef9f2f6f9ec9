using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS;

/// <summary>
/// Unwraps pipeline objects: PowerShell wraps strings from Get-Content (note properties) in a PSObject, and
/// objects that crossed a job or remoting boundary arrive as deserialized property bags, rebuilt here for
/// the two types Invoke-KimiChat understands.
/// </summary>
internal static class PipelineInput
{
    public static object? Unwrap(object? value)
    {
        if (value is not PSObject pso) return value;
        if (pso.BaseObject is not PSCustomObject) return pso.BaseObject;
        if (pso.TypeNames.Contains("Deserialized." + typeof(KimiFileContent).FullName))
            return new KimiFileContent(Text(pso, "FileId"), Text(pso, "FileName"), Text(pso, "Content"));
        if (pso.TypeNames.Contains("Deserialized." + typeof(KimiFile).FullName))
            return new KimiFile { Id = Text(pso, "Id"), FileName = Text(pso, "FileName"), Purpose = Text(pso, "Purpose") };
        return pso;
    }

    private static string Text(PSObject pso, string name) => pso.Properties[name]?.Value?.ToString() ?? "";
}
