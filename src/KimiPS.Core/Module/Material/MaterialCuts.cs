namespace KimiPS.Core;

/// <summary>What <see cref="MaterialJson"/> left out of the piped objects, for one warning that names it.</summary>
internal sealed class MaterialCuts
{
    private const int NamesShown = 8;
    private readonly List<string> _dropped = new();
    private readonly List<string> _flattened = new();
    private readonly List<string> _trimmed = new();
    private bool _current;

    /// <summary>Piped objects written.</summary>
    public int Objects { get; private set; }
    /// <summary>Piped objects that lost something.</summary>
    public int CutObjects { get; private set; }
    public bool Any => CutObjects > 0;

    internal void BeginObject()
    {
        Objects++;
        _current = false;
    }

    internal void Dropped(string path) => Note(_dropped, path);
    internal void Flattened(string path) => Note(_flattened, path);
    internal void Trimmed(string path) => Note(_trimmed, path);

    private void Note(List<string> list, string path)
    {
        if (!_current)
        {
            _current = true;
            CutObjects++;
        }
        if (!list.Contains(path, StringComparer.Ordinal)) list.Add(path);
    }

    /// <summary>The warning: what was cut, why, and how to send it; null when nothing was.</summary>
    public string? Describe()
    {
        if (!Any) return null;
        var parts = new List<string>();
        if (_dropped.Count > 0)
            parts.Add($"left out to keep each object within {MaterialLimits.MaxObjectChars / 1024} KB of JSON: {Names(_dropped)}");
        if (_flattened.Count > 0)
            parts.Add($"sent as text, being more than {MaterialLimits.MaxDepth} levels of objects deep: {Names(_flattened)}");
        if (_trimmed.Count > 0)
            parts.Add($"cut to their first {MaterialLimits.MaxItems} items: {Names(_trimmed)}");
        var which = Objects == 1 ? "The piped object was" : $"{CutObjects} of the {Objects} piped objects were";
        return $"{which} cut to fit: {string.Join("; ", parts)}. To send what was cut, pick the properties with Select-Object " +
               "(or Select-Object -ExpandProperty), or convert the objects yourself (ConvertTo-Json -Depth 5) and pipe the text.";
    }

    private static string Names(List<string> names) =>
        string.Join(", ", names.Take(NamesShown)) + (names.Count > NamesShown ? $" and {names.Count - NamesShown} more" : "");
}
