using System.Text;

namespace KimiPS.Core;

/// <summary>What one choice of a stream has said so far. Builders are created on first use: most streams
/// have one choice and many have no reasoning or tool calls.</summary>
internal sealed class ChoiceAccumulator
{
    private List<ToolCallAccumulator>? _toolCalls;

    public ChoiceAccumulator(int index) => Index = index;

    public int Index { get; }
    public StringBuilder? Content { get; private set; }
    public StringBuilder? Reasoning { get; private set; }
    public string? FinishReason { get; set; }
    public ChatUsage? Usage { get; set; }
    public bool HasUnsurfacedToolCalls { get; private set; }

    public void AppendContent(string text) => (Content ??= new StringBuilder(256)).Append(text);

    public void AppendReasoning(string text) => (Reasoning ??= new StringBuilder(256)).Append(text);

    /// <summary>
    /// The accumulator of the tool call with this <c>index</c>. A fragment without an index continues the
    /// last call, unless it brings an id (then it starts a new one): lenient towards gateways.
    /// </summary>
    public ToolCallAccumulator GetToolCall(int index, bool startsNewCall)
    {
        _toolCalls ??= new List<ToolCallAccumulator>(2);
        if (index < 0)
        {
            if (!startsNewCall && _toolCalls.Count > 0) return Touch(_toolCalls[_toolCalls.Count - 1]);
            index = _toolCalls.Count == 0 ? 0 : _toolCalls[_toolCalls.Count - 1].Index + 1;
        }
        foreach (var call in _toolCalls)
        {
            if (call.Index == index) return Touch(call);
        }
        var created = new ToolCallAccumulator(index);
        _toolCalls.Add(created);
        return Touch(created);
    }

    private ToolCallAccumulator Touch(ToolCallAccumulator call)
    {
        if (!call.Surfaced) HasUnsurfacedToolCalls = true;
        return call;
    }

    /// <summary>The complete calls not handed out yet, each exactly once; null when there are none.</summary>
    public IReadOnlyList<ToolCall>? TakeUnsurfacedToolCalls()
    {
        if (!HasUnsurfacedToolCalls || _toolCalls is null) return null;
        HasUnsurfacedToolCalls = false;
        List<ToolCall>? result = null;
        foreach (var call in _toolCalls)
        {
            if (call.Surfaced) continue;
            call.Surfaced = true;
            (result ??= new List<ToolCall>(_toolCalls.Count)).Add(call.Build());
        }
        return result;
    }

    /// <summary>All calls of this choice, in index order.</summary>
    public IReadOnlyList<ToolCall> BuildToolCalls()
    {
        if (_toolCalls is null || _toolCalls.Count == 0) return Array.Empty<ToolCall>();
        var result = new ToolCall[_toolCalls.Count];
        for (int i = 0; i < result.Length; i++) result[i] = _toolCalls[i].Build();
        Array.Sort(result, static (a, b) => a.Index.CompareTo(b.Index));
        return result;
    }
}

/// <summary>One tool call being assembled: the first fragment names it, later ones add argument text.</summary>
internal sealed class ToolCallAccumulator
{
    private readonly StringBuilder _arguments = new();
    private ToolCall? _built;

    public ToolCallAccumulator(int index) => Index = index;

    public int Index { get; }
    public string? Id { get; set; }
    public string? Type { get; set; }
    public string? Name { get; set; }
    public bool Surfaced { get; set; }

    public void AppendArguments(char[] buffer, int count)
    {
        _arguments.Append(buffer, 0, count);
        _built = null;
    }

    public void Changed() => _built = null;

    /// <summary>The call as it stands; the same object until another fragment arrives.</summary>
    public ToolCall Build() =>
        _built ??= new ToolCall(Id ?? "", Name ?? "", _arguments.ToString(), Type ?? "function", Index);
}
