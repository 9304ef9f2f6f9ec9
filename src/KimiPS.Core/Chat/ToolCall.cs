namespace KimiPS.Core;

/// <summary>A call the model made: a function name and its arguments as a JSON string. Ids such as <c>functions.add:0</c> are normal.</summary>
public sealed class ToolCall
{
    public ToolCall(string id, string name, string arguments, string type = "function", int index = 0)
    {
        Id = id;
        Name = name;
        Arguments = arguments;
        Type = type;
        Index = index;
    }

    public string Id { get; }
    /// <summary>function or builtin_function (mirrors the declared tool).</summary>
    public string Type { get; }
    public string Name { get; }
    /// <summary>The arguments as the model wrote them: a JSON string, echoed verbatim for <c>$web_search</c>.</summary>
    public string Arguments { get; }
    public int Index { get; }

    /// <inheritdoc />
    /// <remarks>The model wrote the arguments: control sequences are removed, as for every text a console prints.</remarks>
    public override string ToString() => TerminalText.Clean($"{Name}({Arguments})");
}
