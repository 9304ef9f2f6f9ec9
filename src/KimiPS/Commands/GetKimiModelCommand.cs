using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Lists the models your Kimi account can use, with context length and capabilities.</summary>
/// <remarks>
/// Get-KimiModel reads the live model list (GET /v1/models): each KimiModel has its id, context length, and
/// whether it accepts images or video and can reason. The list is the authority on which ids work for the
/// account; models are retired regularly, so scripts should not hard-code ids. The result also refreshes the
/// cache behind tab completion of every -Model parameter. A -Name without wildcards that matches no model writes
/// a KimiModelNotFound error (ObjectNotFound) naming the ids that exist, as Get-Process does for a missing name.
/// </remarks>
/// <example>
/// <code>PS> Get-KimiModel</code>
/// <para>Lists every model.</para>
/// </example>
/// <example>
/// <code>PS> Get-KimiModel kimi-k2* | Where-Object SupportsImageIn</code>
/// <para>Lists the kimi-k2 models that accept images.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "KimiModel")]
[OutputType(typeof(KimiModel))]
public sealed class GetKimiModelCommand : KimiApiCmdlet
{
    /// <summary>Only models whose id matches (wildcards allowed). A name without wildcards that matches no model is an ObjectNotFound error.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(KimiModelCompleter))]
    public string[]? Name { get; set; }

    protected override void EndProcessing()
    {
        if (Name is not null && (Name.Length == 0 || Name.Any(string.IsNullOrWhiteSpace)))
            ThrowTerminating(Errors.InvalidParameter(nameof(Name), "is empty", "Pass a model id or a wildcard pattern such as kimi-k2*, or omit -Name to list every model."), Name);
        IReadOnlyList<KimiModel> models = Array.Empty<KimiModel>();
        if (!Try(null, () => models = Call((client, ct) => client.ListModels(ct)))) return;
        ModelListCache.Shared.Set(ActiveConnection.CacheKey, models.Select(m => m.Id));
        ModelContextCache.Shared.Set(ActiveConnection.CacheKey, models);
        var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
        foreach (var model in models)
        {
            if (patterns is null || patterns.Any(p => p.IsMatch(model.Id))) WriteObject(model);
        }
        // As built-in Get- cmdlets do: a literal name with no match is an error; a wildcard with none is not.
        foreach (var name in Name ?? Array.Empty<string>())
        {
            if (WildcardPattern.ContainsWildcardCharacters(name)) continue;
            var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
            if (!models.Any(m => pattern.IsMatch(m.Id)))
                WriteError(ErrorRecords.Create(AccountErrors.ModelNotListed(name, models.Select(m => m.Id)), name));
        }
    }
}
