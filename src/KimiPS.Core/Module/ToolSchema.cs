using System.Collections;
using System.Text.Json;

namespace KimiPS.Core;

/// <summary>
/// One parameter of a command, as plain data: New-KimiTool -Command reads these from the command's
/// metadata so the schema mapping is testable without PowerShell.
/// </summary>
internal sealed class ToolParameter
{
    public ToolParameter(string name, Type type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }
    public Type Type { get; }
    /// <summary>A switch parameter (PowerShell's SwitchParameter type is not visible to the core).</summary>
    public bool IsSwitch { get; set; }
    public bool IsMandatory { get; set; }
    /// <summary>From [ValidateSet]: becomes the schema's enum.</summary>
    public IList<string>? AllowedValues { get; set; }
    /// <summary>From HelpMessage: becomes the schema's description.</summary>
    public string? Description { get; set; }
}

/// <summary>Tool names, JSON schemas for tool parameters, and the model's call arguments.</summary>
internal static class ToolSchema
{
    private static string RetryAdvice => Msg.AskAgainModelCorrects;

    /// <summary>PowerShell's common and risk-mitigation parameters: never offered to the model.</summary>
    public static readonly ISet<string> CommonParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction",
        "ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer",
        "PipelineVariable", "WhatIf", "Confirm", "UseTransaction",
    };

    public const string EmptyObjectSchema = "{\"type\":\"object\",\"properties\":{}}";

    public static void ValidateName(string name, string parameterName)
    {
        if (!RequestValidator.IsToolName(name))
            throw Errors.InvalidParameter(parameterName, Msg.PToolNameInvalid.Format(name),
                Msg.ToolNameRuleFix);
    }

    /// <summary>Checks that <paramref name="json"/> is a JSON object (a tool's parameters or a response schema must be one).</summary>
    public static void ValidateObjectSchema(string json, string parameterName) =>
        RequestValidator.RequireJsonObject(json, parameterName, Msg.PHasSchema,
            Msg.SchemaExampleFix);

    private static string SchemaFix => Msg.SchemaExampleFix;

    private static readonly ISet<string> JsonTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "string", "number", "integer", "boolean", "array", "object", "null",
    };

    /// <summary>
    /// Checks a function's parameters schema as far as Kimi would reject it, before anything is sent: a JSON object
    /// whose <c>type</c> is <c>"object"</c>; <c>properties</c>, when given, an object of schema objects; every
    /// <c>type</c>, at any depth, a JSON-schema type (or a list of them); <c>required</c> a list of names.
    /// </summary>
    public static void ValidateToolSchema(string json, string parameterName)
    {
        ValidateObjectSchema(json, parameterName);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "object")
            throw Errors.InvalidParameter(parameterName, Msg.PSchemaRootNotObjectType, SchemaFix);
        CheckSchema(root, parameterName, Msg.SchemaTheRoot);
    }

    private static void CheckSchema(JsonElement schema, string parameterName, string where)
    {
        if (schema.TryGetProperty("type", out var type))
        {
            var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().ToList() : new List<JsonElement> { type };
            foreach (var name in names)
            {
                if (name.ValueKind != JsonValueKind.String || !JsonTypes.Contains(name.GetString()!))
                    throw Errors.InvalidParameter(parameterName, Msg.PSchemaBadType.Format(where, (name.ValueKind == JsonValueKind.String ? name.GetString() : name.GetRawText())),
                        Msg.SchemaTypesFix);
            }
        }
        if (schema.TryGetProperty("properties", out var properties))
        {
            if (properties.ValueKind != JsonValueKind.Object)
                throw Errors.InvalidParameter(parameterName, Msg.PSchemaPropertiesNotObject.Format(where), SchemaFix);
            foreach (var p in properties.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.Object)
                    throw Errors.InvalidParameter(parameterName, Msg.PSchemaPropertyNotObject.Format(p.Name), SchemaFix);
                CheckSchema(p.Value, parameterName, Msg.SchemaProperty.Format(p.Name));
            }
        }
        if (schema.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object)
            CheckSchema(items, parameterName, Msg.SchemaItemsOf.Format(where));
        if (schema.TryGetProperty("required", out var required)
            && (required.ValueKind != JsonValueKind.Array || required.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String)))
            throw Errors.InvalidParameter(parameterName, Msg.PSchemaRequired.Format(where), Msg.SchemaRequiredFix);
    }

    /// <summary>The JSON schema of an object whose properties are <paramref name="parameters"/> (common parameters skipped).</summary>
    public static string FromParameters(IEnumerable<ToolParameter> parameters)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            var required = new List<string>();
            w.WriteStartObject();
            w.WriteString("type", "object");
            w.WriteStartObject("properties");
            foreach (var p in parameters)
            {
                if (CommonParameters.Contains(p.Name)) continue;
                w.WritePropertyName(p.Name);
                WriteType(w, p.IsSwitch ? typeof(bool) : p.Type, p.AllowedValues, p.Description);
                if (p.IsMandatory && !p.IsSwitch) required.Add(p.Name);
            }
            w.WriteEndObject();
            if (required.Count > 0)
            {
                w.WriteStartArray("required");
                foreach (var r in required) w.WriteStringValue(r);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The JSON type for a .NET type: string, integer, number, boolean, array or object.</summary>
    public static string JsonTypeOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(bool)) return "boolean";
        if (type == typeof(byte) || type == typeof(sbyte) || type == typeof(short) || type == typeof(ushort) ||
            type == typeof(int) || type == typeof(uint) || type == typeof(long) || type == typeof(ulong)) return "integer";
        if (type == typeof(float) || type == typeof(double) || type == typeof(decimal)) return "number";
        if (type == typeof(string) || type == typeof(char) || type.IsEnum) return "string";
        if (typeof(IDictionary).IsAssignableFrom(type)) return "object";
        if (type.IsArray || typeof(IEnumerable).IsAssignableFrom(type)) return "array";
        // Anything else (DateTime, Uri, Guid, PowerShell's own types): PowerShell converts it from text.
        return "string";
    }

    private static void WriteType(Utf8JsonWriter w, Type type, IList<string>? allowed, string? description)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var jsonType = JsonTypeOf(type);
        w.WriteStartObject();
        w.WriteString("type", jsonType);
        if (!string.IsNullOrWhiteSpace(description)) w.WriteString("description", description);
        if (jsonType == "array")
        {
            w.WritePropertyName("items");
            WriteType(w, ElementTypeOf(type), allowed, null);
        }
        else
        {
            var values = allowed is { Count: > 0 } ? allowed : type.IsEnum ? Enum.GetNames(type) : null;
            if (values != null)
            {
                w.WriteStartArray("enum");
                foreach (var v in values) w.WriteStringValue(v);
                w.WriteEndArray();
            }
            if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) w.WriteString("format", "date-time");
        }
        w.WriteEndObject();
    }

    private static Type ElementTypeOf(Type type)
    {
        if (type.IsArray) return type.GetElementType()!;
        var enumerable = type.GetInterfaces().Concat(new[] { type })
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0] ?? typeof(string);
    }

    /// <summary>The model's arguments (a JSON object) as a splattable table, unfiltered. See the overload that refuses undeclared names.</summary>
    public static Hashtable ParseArguments(string json) => Parse(json, null, new List<string>());

    /// <summary>
    /// The model's arguments (a JSON object) as a splattable table of strings, long or double, bool, object[] and
    /// nested Hashtables, keyed by the declared names' own spelling. Nulls are dropped (an omitted optional parameter).
    /// A name that is not exactly one of <paramref name="declared"/> (case aside) is put in <paramref name="refused"/>:
    /// the model picks the arguments, and any document it reads can steer it, so the caller must run nothing then.
    /// Exact names only: PowerShell would bind a prefix ("De") or an alias to a parameter the tool never offered.
    /// </summary>
    public static Hashtable ParseArguments(string json, IEnumerable<string> declared, out IReadOnlyList<string> refused)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in declared) names[name] = name;
        var list = new List<string>();
        var table = Parse(json, names, list);
        refused = list;
        return table;
    }

    /// <summary>The tool result for a refused call: the model learns what it may pass, and that nothing ran.</summary>
    public static string RefusalResult(IReadOnlyList<string> refused, IEnumerable<string> declared)
    {
        var allowed = string.Join(", ", declared);
        return $"Error: this tool has no parameter {Quote(refused)}; nothing was run. " +
               (allowed.Length == 0 ? "It takes no parameters." : $"Its parameters are: {allowed}.");
    }

    /// <summary>'a', 'b' — names as the messages quote them.</summary>
    public static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => "'" + n + "'"));

    private static Hashtable Parse(string json, IDictionary<string, string>? declared, List<string> refused)
    {
        var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(json)) return table;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw Errors.ProtocolError(Msg.ToolArgumentsNotJson + ex.Message, ex, RetryAdvice);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw Errors.ProtocolError(Msg.ToolArgumentsNotObject, action: RetryAdvice);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                var name = p.Name;
                if (declared != null && !declared.TryGetValue(p.Name, out name))
                {
                    refused.Add(p.Name);
                    continue;
                }
                var value = ToValue(p.Value);
                if (value != null) table[name] = value;
            }
        }
        return table;
    }

    private static object? ToValue(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
        JsonValueKind.Array => e.EnumerateArray().Select(ToValue).ToArray(),
        JsonValueKind.Object => e.EnumerateObject().Aggregate(new Hashtable(StringComparer.OrdinalIgnoreCase), (t, p) => { t[p.Name] = ToValue(p.Value); return t; }),
        _ => null,
    };
}
