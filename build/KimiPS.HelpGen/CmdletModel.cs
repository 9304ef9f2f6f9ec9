namespace KimiPS.HelpGen;

/// <summary>A cmdlet as PowerShell would see it, read from metadata only.</summary>
internal sealed record CmdletModel(
    Type Type,
    string Verb,
    string Noun,
    string? DefaultParameterSetName,
    bool SupportsShouldProcess,
    string? ConfirmImpact,
    IReadOnlyList<OutputTypeModel> OutputTypes,
    IReadOnlyList<ParameterModel> Parameters)
{
    public const string AllParameterSets = "__AllParameterSets";

    public string Name => $"{Verb}-{Noun}";

    /// <summary>The named sets, in declaration order; one implicit set when none is named.</summary>
    public IReadOnlyList<string> ParameterSetNames
    {
        get
        {
            var names = Parameters.SelectMany(p => p.Attributes).Select(a => a.SetName)
                .Where(n => n != AllParameterSets).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (names.Count == 0)
            {
                names.Add(DefaultParameterSetName ?? AllParameterSets);
            }

            return names;
        }
    }

    /// <summary>The parameters of one set with the [Parameter] that applies there.</summary>
    public IEnumerable<(ParameterModel Parameter, ParameterAttributeModel Attribute)> ParametersIn(string setName)
    {
        foreach (var parameter in Parameters)
        {
            var attribute = parameter.Attributes.FirstOrDefault(a => string.Equals(a.SetName, setName, StringComparison.OrdinalIgnoreCase))
                ?? parameter.Attributes.FirstOrDefault(a => a.SetName == AllParameterSets);
            if (attribute is not null)
            {
                yield return (parameter, attribute);
            }
        }
    }
}

/// <summary>One [OutputType] entry: a resolved type, or a type name given as a string.</summary>
internal sealed record OutputTypeModel(Type? Type, string Name, IReadOnlyList<string> ParameterSetNames);

/// <summary>A public property (or field) carrying at least one [Parameter].</summary>
internal sealed record ParameterModel(
    string Name,
    Type ParameterType,
    Type DeclaringType,
    IReadOnlyList<ParameterAttributeModel> Attributes,
    IReadOnlyList<string> Aliases,
    bool SupportsWildcards,
    ParameterValidation Validation)
{
    public bool IsSwitch => ParameterType.FullName == "System.Management.Automation.SwitchParameter";
}

/// <summary>One [Parameter(...)] attribute: a parameter's role in one set.</summary>
internal sealed record ParameterAttributeModel(
    string SetName,
    bool Mandatory,
    int? Position,
    bool ValueFromPipeline,
    bool ValueFromPipelineByPropertyName,
    bool ValueFromRemainingArguments);

/// <summary>What [ValidateRange], [ValidateSet] and [ValidateCount] enforce, for the help to state it.</summary>
internal sealed record ParameterValidation(string? Min, string? Max, IReadOnlyList<string> Values, int? MinCount, int? MaxCount)
{
    public static readonly ParameterValidation None = new(null, null, Array.Empty<string>(), null, null);

    /// <summary>One sentence per rule, in the words a user reads in Get-Help (in the help's language).</summary>
    public IEnumerable<string> Sentences(HelpStrings? strings = null)
    {
        strings ??= HelpStrings.English;
        if (Min is not null && Max is not null) yield return string.Format(strings.Range, Min, Max);
        else if (Min is not null) yield return string.Format(strings.AtLeast, Min);
        if (Values.Count > 0) yield return string.Format(strings.Values, string.Join(", ", Values));
        if (MinCount is not null && MaxCount is not null) yield return string.Format(strings.Count, MinCount, MaxCount);
    }
}
