using System.Collections;
using System.Management.Automation;

namespace KimiPS;

/// <summary>Turns what PowerShell gives (PSObject wrappers, hashtables, PSCustomObjects, arrays) into plain .NET values the core can write as JSON.</summary>
internal static class PowerShellValues
{
    public static Dictionary<string, object?> ToDictionary(IDictionary table)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table) result[Convert.ToString(Plain(entry.Key), System.Globalization.CultureInfo.InvariantCulture) ?? ""] = Plain(entry.Value);
        return result;
    }

    /// <summary>Header values are text: numbers and other values become their invariant string.</summary>
    public static Dictionary<string, string> ToHeaders(IDictionary table)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in table)
            result[Convert.ToString(Plain(entry.Key), System.Globalization.CultureInfo.InvariantCulture) ?? ""] =
                LanguagePrimitives.ConvertTo<string>(Plain(entry.Value)) ?? "";
        return result;
    }

    private static object? Plain(object? value, int depth = 0)
    {
        if (depth > 40) return value?.ToString();
        if (value is PSObject ps)
        {
            if (ps.BaseObject is PSCustomObject)
            {
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in ps.Properties) map[property.Name] = Plain(property.Value, depth + 1);
                return map;
            }
            value = ps.BaseObject;
        }
        switch (value)
        {
            case null or string or bool or ValueType: return value;
            case IDictionary table:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in table) map[Convert.ToString(Plain(entry.Key, depth + 1), System.Globalization.CultureInfo.InvariantCulture) ?? ""] = Plain(entry.Value, depth + 1);
                return map;
            case IEnumerable list:
                var items = new List<object?>();
                foreach (var item in list) items.Add(Plain(item, depth + 1));
                return items;
            default: return value;
        }
    }
}
