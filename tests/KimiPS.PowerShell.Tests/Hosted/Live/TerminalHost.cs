using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace KimiPS.PowerShell.Tests.Hosted.Live;

/// <summary>
/// A host that claims to be an interactive terminal: its UI has a RawUI (a window), it may claim VT support, and
/// ReadLine answers from a queue (then "/exit"), so live text and Enter-KimiChat can be driven from a test.
/// Everything written to it is recorded in order.
/// </summary>
internal sealed class TerminalHost : PSHost
{
    private readonly TerminalUI _ui = new();

    public bool SupportsVirtualTerminal { get => _ui.Vt; set => _ui.Vt = value; }

    /// <summary>Lines ReadLine returns, in order; once empty it returns "/exit".</summary>
    public ConcurrentQueue<string> Input => _ui.Input;

    /// <summary>Everything written through the UI, in order (Write, WriteLine as text + "\n").</summary>
    public string Screen => _ui.Screen;

    /// <summary>How many times ReadLine was called.</summary>
    public int Reads => _ui.Reads;

    public override string Name => "KimiPS.TerminalHost";
    public override Version Version => new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override void SetShouldExit(int exitCode) { }
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }

    private sealed class TerminalUI : PSHostUserInterface
    {
        private readonly System.Text.StringBuilder _screen = new();
        private readonly TerminalRawUI _raw = new();
        private int _reads;

        public bool Vt { get; set; }
        public ConcurrentQueue<string> Input { get; } = new();
        public int Reads => _reads;

        public string Screen
        {
            get { lock (_screen) return _screen.ToString(); }
        }

        public override bool SupportsVirtualTerminal => Vt;
        public override PSHostRawUserInterface RawUI => _raw;

        public override string ReadLine()
        {
            Interlocked.Increment(ref _reads);
            var line = Input.TryDequeue(out var next) ? next : "/exit";
            Append(line + "\n");
            return line;
        }

        public override SecureString ReadLineAsSecureString() => new();
        public override void Write(string value) => Append(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);
        public override void WriteLine(string value) => Append(value + "\n");
        public override void WriteErrorLine(string value) => Append("ERROR: " + value + "\n");
        public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");
        public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => defaultChoice;

        private void Append(string text)
        {
            lock (_screen) _screen.Append(text);
        }
    }

    /// <summary>A fixed 120x40 window: enough for PowerShell to treat the host as one with a screen.</summary>
    private sealed class TerminalRawUI : PSHostRawUserInterface
    {
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override Coordinates CursorPosition { get; set; }
        public override Coordinates WindowPosition { get; set; }
        public override int CursorSize { get; set; } = 25;
        public override Size BufferSize { get; set; } = new(120, 3000);
        public override Size WindowSize { get; set; } = new(120, 40);
        public override Size MaxWindowSize => new(120, 40);
        public override Size MaxPhysicalWindowSize => new(120, 40);
        public override bool KeyAvailable => false;
        public override string WindowTitle { get; set; } = "";
        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
        public override void FlushInputBuffer() { }
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
    }
}
