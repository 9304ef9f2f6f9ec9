using System.Management.Automation;
using System.Runtime.CompilerServices;
using KimiPS.Core;

namespace KimiPS;

/// <summary>
/// Which command a tool made by New-KimiTool -Command runs. The binding is attached to the ChatTool
/// *object* (a ConditionalWeakTable), not registered by name: only the exact tool a user created from a
/// command, and passed to -Tool, can run that command, so a tool built by hand (or by the model's choice of
/// name) can never reach a command that happens to have the same name; and a binding disappears with its tool.
/// </summary>
internal static class KimiToolBinding
{
    private static readonly ConditionalWeakTable<ChatTool, CommandInfo> Commands = new();

    public static void Bind(ChatTool tool, CommandInfo command)
    {
        Commands.Remove(tool);
        Commands.Add(tool, command);
    }

    public static CommandInfo? CommandOf(ChatTool tool) => Commands.TryGetValue(tool, out var command) ? command : null;
}

/// <summary>Answers the model's calls of bound tools by name; the running itself (ShouldProcess, InvokeCommand) is the cmdlet's.</summary>
internal sealed class CommandToolRunner : IToolRunner
{
    private readonly Dictionary<string, CommandInfo> _commands = new(StringComparer.Ordinal);
    private readonly Func<ToolCall, CommandInfo, string> _run;

    public CommandToolRunner(IEnumerable<ChatTool> tools, Func<ToolCall, CommandInfo, string> run)
    {
        _run = run;
        foreach (var tool in tools)
        {
            var command = KimiToolBinding.CommandOf(tool);
            if (command != null) _commands[tool.Name] = command;
        }
    }

    public bool CanRun(ToolCall call) => _commands.ContainsKey(call.Name);

    public string Run(ToolCall call) => _run(call, _commands[call.Name]);
}
