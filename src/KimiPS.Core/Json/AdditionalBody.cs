using System.Collections;
using System.Text.Json.Nodes;

namespace KimiPS.Core;

/// <summary>
/// Invoke-KimiChat -AdditionalBody: fields a user adds to the chat request's JSON, for what the module does not know
/// yet (a new Kimi option, <c>prompt_cache_key</c>, a gateway's field). They are merged after the model policy, so a
/// field given here is sent as given; the ones that make the request what it is (model, messages, stream) are refused.
/// </summary>
internal static class AdditionalBody
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "model", "messages", "stream" };

    /// <summary>Checks names and turns values (strings, numbers, booleans, null, dictionaries, lists) into JSON now, before anything is sent.</summary>
    public static IDictionary<string, object?>? Check(IDictionary<string, object?>? fields, string parameterName = "AdditionalBody")
    {
        if (fields is null) return null;
        foreach (var pair in fields)
        {
            if (string.IsNullOrWhiteSpace(pair.Key))
                throw Errors.InvalidParameter(parameterName, "has an empty field name", "Name every field, for example @{ prompt_cache_key = 'job-42' }.");
            if (Reserved.Contains(pair.Key))
                throw Errors.InvalidParameter(parameterName, $"sets '{pair.Key}', which the request's own parameters decide",
                    pair.Key.Equals("stream", StringComparison.OrdinalIgnoreCase) ? "Use -Stream to stream the answer."
                    : pair.Key.Equals("model", StringComparison.OrdinalIgnoreCase) ? "Use -Model to choose the model."
                    : "Use -Prompt, -Message or -Conversation for the messages.");
            ToNode(pair.Value, parameterName, pair.Key, 0);
        }
        return fields;
    }

    /// <summary>The request body with <paramref name="fields"/> merged into its top level (a field given here replaces the policy's).</summary>
    public static byte[] Merge(byte[] body, IDictionary<string, object?> fields)
    {
        var root = JsonNode.Parse(body)!.AsObject();
        foreach (var pair in fields) root[pair.Key] = ToNode(pair.Value, "AdditionalBody", pair.Key, 0);
        using var buffer = new MemoryStream(body.Length + 256);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer)) root.WriteTo(writer);
        return buffer.ToArray();
    }

    private const int MaxDepth = 32;

    private static JsonNode? ToNode(object? value, string parameterName, string field, int depth)
    {
        if (depth > MaxDepth) throw Errors.InvalidParameter(parameterName, $"nests '{field}' more than {MaxDepth} levels deep", "Flatten the value.");
        switch (value)
        {
            case null: return null;
            case string s: return JsonValue.Create(s);
            case bool b: return JsonValue.Create(b);
            case int or long or short or byte or sbyte or ushort or uint or ulong:
                return JsonValue.Create(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            case double d when !double.IsNaN(d) && !double.IsInfinity(d): return JsonValue.Create(d);
            case float f when !float.IsNaN(f) && !float.IsInfinity(f): return JsonValue.Create((double)f);
            case decimal m: return JsonValue.Create(m);
            case IDictionary map:
                var obj = new JsonObject();
                foreach (DictionaryEntry entry in map) obj[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? ""] = ToNode(entry.Value, parameterName, field, depth + 1);
                return obj;
            case IEnumerable list:
                var array = new JsonArray();
                foreach (var item in list) array.Add(ToNode(item, parameterName, field, depth + 1));
                return array;
            default:
                throw Errors.InvalidParameter(parameterName, $"gives '{field}' a value of type {value.GetType().FullName}, which has no JSON form",
                    "Use strings, numbers, booleans, $null, hashtables and arrays.");
        }
    }
}
