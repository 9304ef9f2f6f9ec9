using KimiPS.HelpGen;

namespace KimiPS.Tests.Infrastructure;

/// <summary>
/// The cmdlet contract of DESIGN.md §4 and §8 as pure checks over metadata. Each returns the
/// violations it finds (empty = fine), so the same rule is proven on the sample's bad cmdlets and
/// then applied to the real module.
/// </summary>
internal static class CmdletRules
{
    public const string NounPrefix = "Kimi";

    public static IEnumerable<string> ApprovedVerb(CmdletModel c)
    {
        if (!ApprovedVerbs.IsApprovedEverywhere(c.Verb))
        {
            yield return $"{c.Name}: verb '{c.Verb}' is not an approved verb on both Windows PowerShell 5.1 and PowerShell 7 (Get-Verb).";
        }
    }

    public static IEnumerable<string> SingularPrefixedNoun(CmdletModel c)
    {
        // The prefix alone is a noun too: Connect-Kimi, Disconnect-Kimi.
        if (!c.Noun.StartsWith(NounPrefix, StringComparison.Ordinal))
        {
            yield return $"{c.Name}: noun '{c.Noun}' must start with '{NounPrefix}'.";
        }

        // Nouns are singular: a trailing 's' is plural unless the word itself ends so (Status, Analysis, Access).
        if (c.Noun.EndsWith('s') && !(c.Noun.EndsWith("ss", StringComparison.Ordinal) || c.Noun.EndsWith("us", StringComparison.Ordinal) || c.Noun.EndsWith("is", StringComparison.Ordinal)))
        {
            yield return $"{c.Name}: noun '{c.Noun}' looks plural; cmdlet nouns are singular.";
        }
    }

    public static IEnumerable<string> Sealed(CmdletModel c)
    {
        if (!c.Type.IsSealed)
        {
            yield return $"{c.Name}: {c.Type.FullName} is not sealed.";
        }

        if (!c.Type.IsPublic)
        {
            yield return $"{c.Name}: {c.Type.FullName} is not public; PowerShell exports public cmdlet types only.";
        }
    }

    public static IEnumerable<string> HasOutputType(CmdletModel c)
    {
        if (c.OutputTypes.Count == 0)
        {
            yield return $"{c.Name}: no [OutputType].";
        }
    }

    public static IEnumerable<string> ShouldProcess(CmdletModel c)
    {
        if ((c.Verb == "Remove" || c.ConfirmImpact is not null) && !c.SupportsShouldProcess)
        {
            yield return $"{c.Name}: {(c.Verb == "Remove" ? "Remove-*" : "ConfirmImpact")} requires SupportsShouldProcess = true.";
        }
    }

    /// <summary>Within each set: unique positions, at most one by-value pipeline parameter, mandatory positionals first.</summary>
    public static IEnumerable<string> UnambiguousParameterSets(CmdletModel c)
    {
        foreach (var set in c.ParameterSetNames)
        {
            var members = c.ParametersIn(set).ToList();
            foreach (var clash in members.Where(m => m.Attribute.Position is not null).GroupBy(m => m.Attribute.Position).Where(g => g.Count() > 1))
            {
                yield return $"{c.Name} [{set}]: position {clash.Key} is used by {string.Join(", ", clash.Select(m => m.Parameter.Name))}.";
            }

            var byValue = members.Where(m => m.Attribute.ValueFromPipeline).Select(m => m.Parameter.Name).ToList();
            if (byValue.Count > 1)
            {
                yield return $"{c.Name} [{set}]: more than one ValueFromPipeline parameter ({string.Join(", ", byValue)}).";
            }

            var positional = members.Where(m => m.Attribute.Position is not null).OrderBy(m => m.Attribute.Position).ToList();
            var firstOptional = positional.FindIndex(m => !m.Attribute.Mandatory);
            var lastMandatory = positional.FindLastIndex(m => m.Attribute.Mandatory);
            if (firstOptional >= 0 && lastMandatory > firstOptional)
            {
                yield return $"{c.Name} [{set}]: optional positional -{positional[firstOptional].Parameter.Name} comes before mandatory positional -{positional[lastMandatory].Parameter.Name}.";
            }
        }

        // Two sets with the same parameters cannot be told apart by the binder.
        var signatures = c.ParameterSetNames.GroupBy(s => string.Join(",", c.ParametersIn(s).Select(m => m.Parameter.Name).OrderBy(n => n, StringComparer.Ordinal)));
        foreach (var same in signatures.Where(g => g.Count() > 1))
        {
            yield return $"{c.Name}: parameter sets {string.Join(", ", same)} have the same parameters.";
        }
    }

    /// <summary>No System.Text.Json type in a parameter, an [OutputType] or an output type's public property.</summary>
    public static IEnumerable<string> NoSystemTextJsonInSignatures(CmdletModel c)
    {
        foreach (var p in c.Parameters.Where(p => UsesSystemTextJson(p.ParameterType)))
        {
            yield return $"{c.Name}: parameter -{p.Name} is of type {p.ParameterType.FullName} from System.Text.Json.";
        }

        foreach (var output in c.OutputTypes.Where(o => o.Type is not null))
        {
            if (UsesSystemTextJson(output.Type!))
            {
                yield return $"{c.Name}: [OutputType] {output.Name} comes from System.Text.Json.";
                continue;
            }

            foreach (var property in output.Type!.GetProperties().Where(pr => UsesSystemTextJson(pr.PropertyType)))
            {
                yield return $"{c.Name}: output type {output.Name} exposes {property.Name} of System.Text.Json type {property.PropertyType.FullName}.";
            }
        }
    }

    public static readonly IReadOnlyDictionary<string, Func<CmdletModel, IEnumerable<string>>> All =
        new Dictionary<string, Func<CmdletModel, IEnumerable<string>>>
        {
            [nameof(ApprovedVerb)] = ApprovedVerb,
            [nameof(SingularPrefixedNoun)] = SingularPrefixedNoun,
            [nameof(Sealed)] = Sealed,
            [nameof(HasOutputType)] = HasOutputType,
            [nameof(ShouldProcess)] = ShouldProcess,
            [nameof(UnambiguousParameterSets)] = UnambiguousParameterSets,
            [nameof(NoSystemTextJsonInSignatures)] = NoSystemTextJsonInSignatures,
        };

    private static bool UsesSystemTextJson(Type type)
    {
        if (type.HasElementType)
        {
            return UsesSystemTextJson(type.GetElementType()!);
        }

        if (type.IsGenericType && type.GetGenericArguments().Any(UsesSystemTextJson))
        {
            return true;
        }

        return type.Assembly.GetName().Name == "System.Text.Json";
    }
}
