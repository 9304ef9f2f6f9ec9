using System.Text;

namespace KimiPS.Core;

/// <summary>
/// The piped text and objects of one Invoke-KimiChat -Prompt call, collected into the material of ONE request
/// (the way `git status | ai 'explain'` sends its input once, as context): the text lines joined in order, then
/// the objects as one JSON array. Bounded: beyond <see cref="MaterialLimits.MaxCollectedChars"/> the input is only
/// counted (<see cref="Overflowed"/>), which the size guard refuses.
/// </summary>
internal sealed class PipedMaterial
{
    private readonly List<string> _lines = new();
    private readonly List<string> _objects = new();
    private readonly List<object?> _items = new();
    private long _chars;

    /// <summary>The piped items kept (what an error's TargetObject carries), in pipeline order.</summary>
    public IReadOnlyList<object?> Items => _items;
    public bool IsEmpty => _items.Count == 0 && CountedChars == 0;
    /// <summary>Characters of all the input, kept or not.</summary>
    public long CountedChars { get; private set; }
    /// <summary>Whether input came beyond what is kept in memory (then the request must not be sent).</summary>
    public bool Overflowed => CountedChars > _chars;
    public int LineCount => _lines.Count;
    public int ObjectCount => _objects.Count;

    /// <summary>A piped line (or text).</summary>
    public void AddText(string text, object? item) => Add(_lines, text, item);

    /// <summary>A piped object's JSON (<see cref="MaterialJson"/>).</summary>
    public void AddObject(string json, object? item) => Add(_objects, json, item);

    private void Add(List<string> into, string text, object? item)
    {
        // +1: the separator (a line break, a comma) the text will be joined with.
        var size = (long)text.Length + 1;
        CountedChars += size;
        if (_chars + size > MaterialLimits.MaxCollectedChars) return;
        _chars += size;
        into.Add(text);
        _items.Add(item);
    }

    /// <summary>The material: the lines joined by line breaks, then a blank line and the objects as one JSON array.</summary>
    public string Text()
    {
        var text = new StringBuilder((int)Math.Min(_chars + 16, int.MaxValue));
        text.Append(string.Join("\n", _lines));
        if (_objects.Count > 0)
        {
            if (_lines.Count > 0) text.Append(ChatInputBuilder.MaterialSeparator);
            text.Append('[').Append(string.Join(",", _objects)).Append(']');
        }
        return text.ToString();
    }
}
