using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Security;
using KimiPS.Emulator;

namespace KimiPS.PowerShell.Tests.Infrastructure;

/// <summary>
/// A hosted runspace (<see cref="HostedKimi"/>) with a host whose UI records what PowerShell shows the user:
/// "What if:" lines and ShouldProcess prompts (answered with <see cref="RecordingHost.Answer"/>). The default host
/// of <see cref="HostedKimi"/> has no UI, so those texts would be lost there.
/// </summary>
internal sealed class PromptingKimi : IDisposable
{
    private readonly HostedKimi _hosted;

    private PromptingKimi(HostedKimi hosted, RecordingHost host)
    {
        _hosted = hosted;
        Host = host;
    }

    public KimiEmulator Emulator => _hosted.Emulator;

    public RecordingHost Host { get; }

    public static PromptingKimi Start()
    {
        var host = new RecordingHost();
        return new PromptingKimi(HostedKimi.Start(host: host), host);
    }

    public HostedRun Run(string script, IDictionary<string, object?>? variables = null) => _hosted.Run(script, variables);

    public void Dispose() => _hosted.Dispose();
}

/// <summary>
/// A non-interactive host that records lines and prompts, and answers each prompt with the next of
/// <see cref="Answers"/> ("Yes", "No", "Yes to All"; the access key's &amp; may be left out) or, when none
/// is queued, with <see cref="Answer"/>.
/// </summary>
internal sealed class RecordingHost : PSHost
{
    private readonly RecordingUI _ui = new();

    /// <summary>The label of the choice a prompt gets when no answer is queued, e.g. "&amp;No" or "&amp;Yes".</summary>
    public string Answer { get => _ui.Answer; set => _ui.Answer = value; }

    /// <summary>Answers for the next prompts, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Answers => _ui.Answers;

    /// <summary>The messages of the prompts shown so far (ShouldProcess -Confirm).</summary>
    public IReadOnlyList<string> Prompts => _ui.Prompts.ToList();

    /// <summary>Lines written to the host (What if: reports among them).</summary>
    public IReadOnlyList<string> Lines => _ui.Lines.ToList();

    public override string Name => "KimiPS.RecordingHost";
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

    private sealed class RecordingUI : PSHostUserInterface
    {
        public string Answer { get; set; } = "&No";
        public System.Collections.Concurrent.ConcurrentQueue<string> Answers { get; } = new();
        public System.Collections.Concurrent.ConcurrentQueue<string> Prompts { get; } = new();
        public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

        public override PSHostRawUserInterface RawUI => null!;
        public override string ReadLine() => "";
        public override SecureString ReadLineAsSecureString() => new();
        public override void Write(string value) => Lines.Enqueue(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Lines.Enqueue(value);
        public override void WriteLine(string value) => Lines.Enqueue(value);
        public override void WriteErrorLine(string value) { }
        public override void WriteDebugLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) { }
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Enqueue(message);
            var answer = Answers.TryDequeue(out var next) ? next : Answer;
            var index = choices.ToList().FindIndex(c => string.Equals(c.Label.Replace("&", ""), answer.Replace("&", ""), StringComparison.OrdinalIgnoreCase));
            return index >= 0 ? index : defaultChoice;
        }
    }
}
