using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS;

/// <summary>
/// Pipeline thread: renders a streamed answer as flowing text, the way Write-Host -NoNewline writes: information
/// records tagged PSHOST carrying a HostInformationMessage. So it shows by default, -InformationAction Ignore
/// silences it, 6&gt; and -InformationVariable capture it, and transcripts, jobs and remoting carry it.
/// Reasoning is styled (<see cref="LiveTextStyle"/>); tool calls and web searches get a line of their own.
/// </summary>
internal sealed class LiveTextWriter
{
    /// <summary>The tag the engine shows on the host even when $InformationPreference is SilentlyContinue (as Write-Host).</summary>
    internal const string HostTag = "PSHOST";
    internal static string ThinkingPrefix => Msg.LiveThinking;

    private static readonly string[] Tags = { HostTag };
    private readonly Action<object, string[]> _writeInformation;
    private readonly LiveTextStyle _style;
    private bool _atLineStart = true;
    private bool _inReasoning;

    public LiveTextWriter(Action<object, string[]> writeInformation, LiveTextStyle style)
    {
        _writeInformation = writeInformation;
        _style = style;
    }

    /// <summary>Writes one chunk's reasoning, text and tool-call announcements.</summary>
    public void Write(ChatChunk chunk)
    {
        if (chunk.ChoiceIndex != 0) return; // n > 1: the live text is choice 0's, as ChatCompletion.Content is
        if (!string.IsNullOrEmpty(chunk.ReasoningContent) && _style.ShowReasoning) WriteReasoning(TerminalText.Clean(chunk.ReasoningContent));
        if (!string.IsNullOrEmpty(chunk.Content)) WriteAnswer(TerminalText.Clean(chunk.Content));
        foreach (var call in chunk.ToolCalls ?? Array.Empty<ToolCall>()) Announce(call);
    }

    /// <summary>Ends the live text with a line break (unless it ended on one), before the answer's footer is written.</summary>
    public void End()
    {
        if (!_atLineStart) NewLine();
    }

    /// <summary><c>[web search]</c> or <c>[tool name]</c> on a line of its own.</summary>
    internal static string Announcement(ToolCall call) =>
        call.Name == ChatTool.WebSearch.Name ? Msg.LiveWebSearch : Msg.LiveTool.Format(TerminalText.Clean(call.Name));

    private void WriteReasoning(string text)
    {
        if (!_inReasoning)
        {
            if (!_atLineStart) NewLine();
            _inReasoning = true;
            if (!_style.Dim) Piece(ThinkingPrefix);
        }
        Piece(_style.Dim ? LiveTextStyle.DimOn + text + LiveTextStyle.DimOff : text, text);
    }

    private void WriteAnswer(string text)
    {
        if (_inReasoning)
        {
            // The answer starts on a new line, so it never runs on from the thinking.
            _inReasoning = false;
            if (!_atLineStart) NewLine();
        }
        Piece(text);
    }

    private void Announce(ToolCall call)
    {
        _inReasoning = false;
        if (!_atLineStart) NewLine();
        Record(Announcement(call), noNewLine: false);
        _atLineStart = true;
    }

    private void Piece(string message, string? plain = null)
    {
        Record(message, noNewLine: true);
        _atLineStart = (plain ?? message).EndsWith("\n", StringComparison.Ordinal);
    }

    private void NewLine()
    {
        Record("", noNewLine: false);
        _atLineStart = true;
    }

    private void Record(string message, bool noNewLine) =>
        _writeInformation(new HostInformationMessage { Message = message, NoNewLine = noNewLine }, Tags);
}
