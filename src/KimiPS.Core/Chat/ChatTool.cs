namespace KimiPS.Core;

/// <summary>A tool the model may call: a function with a JSON schema, or a built-in such as <c>$web_search</c>.</summary>
public sealed class ChatTool
{
    public ChatTool(string name, string? description = null, string? parametersJson = null, string type = "function")
    {
        Name = name;
        Description = description;
        ParametersJson = parametersJson;
        Type = type;
    }

    /// <summary>function or builtin_function.</summary>
    public string Type { get; }
    public string Name { get; }
    public string? Description { get; }
    /// <summary>The parameters' JSON schema; its root must be an object.</summary>
    public string? ParametersJson { get; }
    public bool? Strict { get; set; }

    /// <summary>Kimi's server-side web search. The client echoes its arguments back (DESIGN.md §4).</summary>
    public static ChatTool WebSearch { get; } = new("$web_search", type: "builtin_function");

    public static ChatTool Function(string name, string description, string parametersJson) => new(name, description, parametersJson);

    /// <inheritdoc />
    public override string ToString() => Name;
}
