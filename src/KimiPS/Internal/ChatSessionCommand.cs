namespace KimiPS;

/// <summary>One line typed in Enter-KimiChat: a slash command (<c>/model kimi-k2.5</c>) or a prompt.</summary>
internal sealed class ChatSessionCommand
{
    private ChatSessionCommand(string? name, string argument)
    {
        Name = name;
        Argument = argument;
    }

    /// <summary>The command without its slash, lower case; null for a prompt.</summary>
    public string? Name { get; }

    /// <summary>The rest of the line (trimmed), or the whole prompt.</summary>
    public string Argument { get; }

    public bool IsPrompt => Name is null;

    /// <summary>What /help shows; the order is the order of the list.</summary>
    /// The meanings are table rows, read in the caller's language when /help runs.
    public static readonly IReadOnlyList<(string Usage, KimiPS.Core.LocalizedText Meaning)> Help = new[]
    {
        ("/model <id>", KimiPS.Core.Msg.HelpModel),
        ("/thinking on|off", KimiPS.Core.Msg.HelpThinking),
        ("/file <path>", KimiPS.Core.Msg.HelpFile),
        ("/save <path>", KimiPS.Core.Msg.HelpSave),
        ("/rewind [n]", KimiPS.Core.Msg.HelpRewind),
        ("/usage", KimiPS.Core.Msg.HelpUsage),
        ("/help", KimiPS.Core.Msg.HelpHelp),
        ("/exit", KimiPS.Core.Msg.HelpExit),
    };

    /// <summary>A line starting with one slash is a command; <c>//text</c> sends "/text" as a prompt.</summary>
    public static ChatSessionCommand Parse(string line)
    {
        var text = line.Trim();
        if (text.StartsWith("//", StringComparison.Ordinal)) return new ChatSessionCommand(null, text.Substring(1));
        if (!text.StartsWith("/", StringComparison.Ordinal)) return new ChatSessionCommand(null, line);
        var space = text.IndexOfAny(new[] { ' ', '\t' });
        var name = space < 0 ? text.Substring(1) : text.Substring(1, space - 1);
        var argument = space < 0 ? "" : text.Substring(space + 1).Trim();
        return new ChatSessionCommand(name.ToLowerInvariant(), argument);
    }
}
