using System.Collections.Specialized;
using System.Management.Automation;
using System.Net;
using System.Security;
using KimiPS.Core;

namespace KimiPS;

/// <summary>
/// PowerShell's view of a piped object for <see cref="MaterialJson"/>: its adapted and extended properties (those
/// Format-List shows, script and alias properties included), errors as <see cref="PipedErrorDescription"/>, the
/// module's connection objects as their safe view (the key hint at most), and secrets refused.
/// </summary>
internal sealed class PipedObjectShape : IMaterialShape
{
    public static PipedObjectShape Instance { get; } = new();

    public object? Adapt(object value, string path)
    {
        var baseObject = value is PSObject pso ? pso.BaseObject : value;
        switch (baseObject)
        {
            case SecureString or PSCredential or NetworkCredential:
                throw PipedMaterialErrors.SecretRefused(baseObject.GetType(), path);
            case ErrorRecord record: return PipedErrorDescription.Of(record);
            case Exception exception: return PipedErrorDescription.Of(exception);
            case KimiConnection connection: return SafeView(connection);
            case KimiClientOptions options:
                return new OrderedDictionary { ["BaseUri"] = options.BaseUri?.ToString(), ["KeyHint"] = Secrets.Mask(options.ApiKey) };
            case ScriptBlock script: return script.ToString();
            case PSCustomObject: return value; // its note properties are on the PSObject
        }
        // The base object: a scalar, dictionary or collection is written as itself, and Properties rewraps any other
        // object, which brings back its extended properties (Process: CPU, WS, Path) as well as the adapted ones.
        return baseObject;
    }

    public IEnumerable<KeyValuePair<string, Func<object?>>> Properties(object value)
    {
        var pso = value as PSObject ?? PSObject.AsPSObject(value);
        PSPropertyInfo[] properties;
        try
        {
            properties = pso.Properties.Where(p => p.IsGettable).ToArray();
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            // An adapter that cannot list its properties: the object is written as its text instead of failing the item.
            properties = Array.Empty<PSPropertyInfo>();
        }
        foreach (var property in properties)
        {
            var p = property;
            yield return new(p.Name, () => p.Value);
        }
    }

    /// <summary>What Get-KimiConnection shows: never the key, only its hint (whatever public members the type grows).</summary>
    private static OrderedDictionary SafeView(KimiConnection c) => new()
    {
        ["Source"] = c.Source,
        ["BaseUri"] = c.BaseUri.ToString(),
        ["Region"] = c.Region.ToString(),
        ["DefaultModel"] = c.DefaultModel,
        ["KeyHint"] = c.KeyHint,
        ["ConnectedAt"] = c.ConnectedAt,
    };
}
