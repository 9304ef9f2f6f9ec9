namespace KimiPS.Core;

/// <summary><c>response_format</c>: text, JSON mode (objects only) or a JSON schema.</summary>
public sealed class ChatResponseFormat
{
    public ChatResponseFormat(string type) => Type = type;

    /// <summary>text, json_object or json_schema.</summary>
    public string Type { get; }
    /// <summary>For json_schema: the schema's name.</summary>
    public string? SchemaName { get; set; }
    /// <summary>For json_schema: the schema, as JSON text.</summary>
    public string? SchemaJson { get; set; }
    public bool? Strict { get; set; }

    public static ChatResponseFormat Text { get; } = new("text");
    public static ChatResponseFormat JsonObject { get; } = new("json_object");
    public static ChatResponseFormat JsonSchema(string name, string schemaJson, bool strict = true) =>
        new("json_schema") { SchemaName = name, SchemaJson = schemaJson, Strict = strict };
}
