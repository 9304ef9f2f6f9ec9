using System.Management.Automation;
using System.Runtime.CompilerServices;
using KimiPS.Core;

namespace KimiPS;

/// <summary>A tool's command and the parameters its schema offers the model: the only ones a call may bind.</summary>
internal sealed class ToolBinding
{
    public ToolBinding(CommandInfo command, IReadOnlyList<string> parameters)
    {
        Command = command;
        Parameters = parameters;
    }

    public CommandInfo Command { get; }

    /// <summary>The schema's property names: one parameter set, -IncludeParameter applied, no common parameters.</summary>
    public IReadOnlyList<string> Parameters { get; }
}

/// <summary>
/// Which command a tool made by New-KimiTool -Command runs. The binding is attached to the ChatTool
/// *object* (a ConditionalWeakTable), not registered by name: only the exact tool a user created from a
/// command, and passed to -Tool, can run that command, so a tool built by hand (or by the model's choice of
/// name) can never reach a command that happens to have the same name; and a binding disappears with its tool.
/// </summary>
internal static class KimiToolBinding
{
    private static readonly ConditionalWeakTable<ChatTool, ToolBinding> Bindings = new();

    public static void Bind(ChatTool tool, ToolBinding binding)
    {
        Bindings.Remove(tool);
        Bindings.Add(tool, binding);
    }

    public static ToolBinding? Of(ChatTool tool) => Bindings.TryGetValue(tool, out var binding) ? binding : null;
}

/// <summary>
/// Answers the model's calls of bound tools by name; the running itself (ShouldProcess, InvokeCommand) is the cmdlet's,
/// on the pipeline thread: the client's rounds engine asks from the worker that runs the answer.
/// </summary>
internal sealed class CommandToolRunner : IToolRunner
{
    private readonly Dictionary<string, ToolBinding> _tools = new(StringComparer.Ordinal);
    private readonly Func<ToolCall, ToolBinding, string> _run;
    private readonly PipelineThread _pipeline;

    public CommandToolRunner(IEnumerable<ChatTool> tools, Func<ToolCall, ToolBinding, string> run, PipelineThread pipeline)
    {
        _run = run;
        _pipeline = pipeline;
        foreach (var tool in tools)
        {
            var binding = KimiToolBinding.Of(tool);
            if (binding != null) _tools[tool.Name] = binding;
        }
    }

    public bool CanRun(ToolCall call) => _tools.ContainsKey(call.Name);

    public string Run(ToolCall call, CancellationToken ct)
    {
        var tool = _tools[call.Name];
        return _pipeline.Invoke(() => _run(call, tool), ct);
    }
}
