using System.Reflection;

namespace KimiPS.HelpGen;

/// <summary>
/// Reads the cmdlets of an assembly through a <see cref="MetadataLoadContext"/>: attributes are
/// decoded from metadata, nothing of System.Management.Automation runs.
/// </summary>
internal sealed class CmdletReader : IDisposable
{
    private const string Sma = "System.Management.Automation.";

    private readonly MetadataLoadContext _context;

    /// <param name="assemblyPaths">Every assembly needed to resolve the types involved; the first
    /// file of a given name wins, so list the most specific sources first.</param>
    /// <param name="coreAssemblyName">"netstandard" for a netstandard reference set; null to let the
    /// context find the assembly that defines System.Object.</param>
    public CmdletReader(IEnumerable<string> assemblyPaths, string? coreAssemblyName = null)
    {
        var unique = assemblyPaths
            .Where(File.Exists)
            .GroupBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First());
        _context = new MetadataLoadContext(new PathAssemblyResolver(unique), coreAssemblyName);
    }

    public MetadataLoadContext Context => _context;

    public Assembly Load(string path) => _context.LoadFromAssemblyPath(path);

    /// <summary>Every [Cmdlet]-attributed type, public or not, sorted by cmdlet name.</summary>
    public IReadOnlyList<CmdletModel> ReadCmdlets(Assembly assembly)
    {
        var cmdlets = new List<CmdletModel>();
        foreach (var type in assembly.GetTypes())
        {
            var cmdlet = type.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == Sma + "CmdletAttribute");
            if (cmdlet is not null)
            {
                cmdlets.Add(ReadCmdlet(type, cmdlet));
            }
        }

        return cmdlets.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static CmdletModel ReadCmdlet(Type type, CustomAttributeData cmdlet)
    {
        var confirmImpact = Named(cmdlet, "ConfirmImpact") is { } impact
            ? ((ConfirmImpactName)Convert.ToInt32(impact, System.Globalization.CultureInfo.InvariantCulture)).ToString()
            : null;
        return new CmdletModel(
            type,
            (string)cmdlet.ConstructorArguments[0].Value!,
            (string)cmdlet.ConstructorArguments[1].Value!,
            Named(cmdlet, "DefaultParameterSetName") as string,
            Named(cmdlet, "SupportsShouldProcess") is true,
            confirmImpact,
            ReadOutputTypes(type),
            ReadParameters(type));
    }

    private static List<OutputTypeModel> ReadOutputTypes(Type type)
    {
        var result = new List<OutputTypeModel>();
        foreach (var data in type.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Sma + "OutputTypeAttribute"))
        {
            var sets = Named(data, "ParameterSetName") is IEnumerable<CustomAttributeTypedArgument> names
                ? names.Select(n => (string)n.Value!).ToList()
                : new List<string>();
            foreach (var argument in data.ConstructorArguments.SelectMany(Flatten))
            {
                result.Add(argument.Value switch
                {
                    Type t => new OutputTypeModel(t, t.FullName ?? t.Name, sets),
                    string s => new OutputTypeModel(null, s, sets),
                    _ => new OutputTypeModel(null, argument.Value?.ToString() ?? "", sets),
                });
            }
        }

        return result;
    }

    private static List<ParameterModel> ReadParameters(Type type)
    {
        var parameters = new List<ParameterModel>();
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Cast<MemberInfo>()
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance));
        foreach (var member in members)
        {
            var data = member.GetCustomAttributesData();
            var attributes = data.Where(a => a.AttributeType.FullName == Sma + "ParameterAttribute").Select(ReadParameterAttribute).ToList();
            if (attributes.Count == 0)
            {
                continue;
            }

            var aliases = data.Where(a => a.AttributeType.FullName == Sma + "AliasAttribute")
                .SelectMany(a => a.ConstructorArguments.SelectMany(Flatten)).Select(a => (string)a.Value!).ToList();
            parameters.Add(new ParameterModel(
                member.Name,
                member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType,
                member.DeclaringType!,
                attributes,
                aliases,
                data.Any(a => a.AttributeType.FullName == Sma + "SupportsWildcardsAttribute"),
                ReadValidation(data)));
        }

        return parameters;
    }

    private static ParameterValidation ReadValidation(IList<CustomAttributeData> data)
    {
        string? min = null, max = null;
        int? minCount = null, maxCount = null;
        var values = new List<string>();
        foreach (var attribute in data)
        {
            var arguments = attribute.ConstructorArguments;
            switch (attribute.AttributeType.FullName)
            {
                case Sma + "ValidateRangeAttribute" when arguments.Count == 2:
                    min = Number(arguments[0].Value);
                    // int.MaxValue is "no upper bound" in this code base: say "at least" instead.
                    max = arguments[1].Value is int.MaxValue or long.MaxValue ? null : Number(arguments[1].Value);
                    break;
                case Sma + "ValidateSetAttribute":
                    values.AddRange(arguments.SelectMany(Flatten).Select(a => (string)a.Value!));
                    break;
                case Sma + "ValidateCountAttribute" when arguments.Count == 2:
                    minCount = Convert.ToInt32(arguments[0].Value, System.Globalization.CultureInfo.InvariantCulture);
                    maxCount = Convert.ToInt32(arguments[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
            }
        }

        return min is null && values.Count == 0 && minCount is null ? ParameterValidation.None : new ParameterValidation(min, max, values, minCount, maxCount);
    }

    private static string? Number(object? value) =>
        value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString();

    private static ParameterAttributeModel ReadParameterAttribute(CustomAttributeData data)
    {
        // Position's default is int.MinValue ("named").
        var position = Named(data, "Position") is int p && p != int.MinValue ? p : (int?)null;
        return new ParameterAttributeModel(
            Named(data, "ParameterSetName") as string ?? CmdletModel.AllParameterSets,
            Named(data, "Mandatory") is true,
            position,
            Named(data, "ValueFromPipeline") is true,
            Named(data, "ValueFromPipelineByPropertyName") is true,
            Named(data, "ValueFromRemainingArguments") is true);
    }

    private static object? Named(CustomAttributeData data, string name) =>
        data.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();

    // params arrays arrive as one argument holding a collection of arguments.
    private static IEnumerable<CustomAttributeTypedArgument> Flatten(CustomAttributeTypedArgument argument) =>
        argument.Value is IEnumerable<CustomAttributeTypedArgument> items ? items : new[] { argument };

    public void Dispose() => _context.Dispose();

    // The values of System.Management.Automation.ConfirmImpact, which metadata gives as an int.
    private enum ConfirmImpactName
    {
        None = 0,
        Low = 1,
        Medium = 2,
        High = 3,
    }
}
