namespace KimiPS.HelpGen;

/// <summary>Type names as PowerShell help shows them (String[], Nullable`1 shown as its argument).</summary>
internal static class TypeNames
{
    public static string Friendly(Type type) => Format(type, t => t.Name);

    public static string Full(Type type) => Format(type, t => t.FullName ?? t.Name);

    private static string Format(Type type, Func<Type, string> name)
    {
        if (type.IsArray)
        {
            return Format(type.GetElementType()!, name) + "[]";
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if (definition.FullName == "System.Nullable`1")
            {
                return Format(arguments[0], name);
            }

            var baseName = name(definition);
            var tick = baseName.IndexOf('`', StringComparison.Ordinal);
            return (tick >= 0 ? baseName[..tick] : baseName) + "[" + string.Join(", ", arguments.Select(a => Format(a, name))) + "]";
        }

        return name(type);
    }
}
