namespace KimiPS.Core;

/// <summary>A command's output as the tool result sent back to the model (Invoke-KimiChat -InvokeTools).</summary>
internal static class ToolOutput
{
    /// <summary>Longest tool result sent back: a command's output can be huge, and every character costs context and money.</summary>
    public const int MaxLength = 20000;

    /// <summary>
    /// A command's output as a tool result: without its leading blank lines and trailing space, "(no output)" when
    /// empty, cut at <see cref="MaxLength"/> with a note. The first line keeps its indent: Out-String pads a
    /// table's header to its columns, and trimming it would misalign the table.
    /// </summary>
    public static string Format(string? output)
    {
        var text = (output ?? "").TrimEnd();
        var first = 0;
        while (first < text.Length && char.IsWhiteSpace(text[first])) first++;
        if (first == text.Length) return "(no output)";
        text = text.Substring(text.LastIndexOf('\n', first) + 1);
        if (text.Length <= MaxLength) return text;
        // Never half of a surrogate pair (an emoji): the writer would send it as U+FFFD.
        var keep = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return text.Substring(0, keep) + $"\n… (output truncated: {text.Length - keep} more characters)";
    }
}
