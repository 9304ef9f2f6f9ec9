using System.Management.Automation;
using System.Management.Automation.Runspaces;
using KimiPS.Core;

namespace KimiPS;

/// <summary>
/// Invoke-KimiChat -InvokeTools: runs the model's calls of tools made by New-KimiTool -Command, on the pipeline
/// thread (a command runs in the caller's runspace), each confirmed as a High-impact action. The client's rounds
/// engine, on the worker that runs the answer, gets <see cref="Runner"/> (an <see cref="IToolRunner"/>), which asks
/// the pipeline thread through <see cref="PipelineThread"/>.
/// </summary>
internal sealed class ChatToolExecution
{
    private readonly PSCmdlet _cmdlet;
    private bool _yesToAll;
    private bool _noToAll;

    public ChatToolExecution(PSCmdlet cmdlet, IReadOnlyList<ChatTool> tools, PipelineThread pipeline)
    {
        _cmdlet = cmdlet;
        Runner = new CommandToolRunner(tools, RunTool, pipeline);
        HasRunnableTool = tools.Any(t => KimiToolBinding.Of(t) is not null);
    }

    /// <summary>What the round loop calls for each tool call the model makes.</summary>
    public IToolRunner Runner { get; }

    /// <summary>Whether any of the tools was made by New-KimiTool -Command (else -InvokeTools has nothing to run).</summary>
    public bool HasRunnableTool { get; }

    /// <summary>The warnings of a finished answer's tool rounds (rounds ran out; calls nobody could run).</summary>
    public static IEnumerable<string> LoopWarnings(ChatRounds rounds, int maxToolRounds, bool invokeTools)
    {
        if (rounds.ToolLimitReached)
            yield return $"The model still asked for tools after {maxToolRounds} requests (-MaxToolRounds {maxToolRounds}); its last answer, with its ToolCalls, is returned.";
        if (rounds.Unhandled.Count > 0 && invokeTools)
            yield return $"The model called {string.Join(", ", rounds.Unhandled.Select(c => c.Name).Distinct())}, which -InvokeTools cannot run " +
                         "(only tools made by New-KimiTool -Command run); the calls are in the answer's ToolCalls.";
    }

    /// <summary>
    /// Runs one model-requested call of a bound command. Arguments outside the tool's schema are refused before
    /// anything runs; failures become the tool result, so the model can react.
    /// </summary>
    private string RunTool(ToolCall call, ToolBinding tool)
    {
        var command = tool.Command;
        System.Collections.Hashtable arguments;
        try
        {
            arguments = ToolSchema.ParseArguments(call.Arguments, tool.Parameters, out var refused);
            if (refused.Count > 0)
            {
                _cmdlet.WriteWarning($"The model called {command.Name} with {ToolSchema.Quote(refused.Select(TerminalText.Clean))}, which the tool does not offer; " +
                                     "the call was refused and nothing ran.");
                return ToolSchema.RefusalResult(refused, tool.Parameters);
            }
        }
        catch (KimiException ex)
        {
            return "Error: " + ex.Message;
        }

        if (!ConfirmToolRun(command, TerminalText.Clean(call.Arguments)))
            return "The user declined to run this tool call.";
        try
        {
            _cmdlet.WriteVerbose($"Running tool {call.Name} ({command.Name}).");
            // 2>&1 and Out-String: the model gets the command's errors and its formatted output as text.
            var output = _cmdlet.InvokeCommand.InvokeScript(
                "param($kimiCommand, $kimiArguments) & $kimiCommand @kimiArguments 2>&1 | Out-String -Width 160",
                true, PipelineResultTypes.None, null, command, arguments);
            return ToolOutput.Format(string.Concat(output.Select(o => o?.ToString())));
        }
        // PipelineStoppedException is a RuntimeException too: Ctrl+C during a tool run must stop the pipeline,
        // not become a tool result that the loop sends back to the model.
        catch (Exception ex) when (ex is KimiException || ex is RuntimeException and not PipelineStoppedException)
        {
            return "Error: " + ex.Message;
        }
    }

    /// <summary>
    /// The model picks a tool's arguments, and any document it reads can steer it: a run is confirmed as a High-impact
    /// action (asked unless -Confirm:$false or $ConfirmPreference = 'None'), although sending a chat is Medium.
    /// ShouldProcess first, for -WhatIf and -Confirm; ShouldContinue where ShouldProcess would not have asked.
    /// </summary>
    private bool ConfirmToolRun(CommandInfo command, string arguments)
    {
        var target = $"{command.Name} {arguments}";
        if (!_cmdlet.ShouldProcess(target, "Run the command the model asked for")) return false;
        if (_cmdlet.MyInvocation.BoundParameters.ContainsKey("Confirm")) return true; // -Confirm asked already; -Confirm:$false opts out
        var preference = LanguagePrimitives.TryConvertTo<ConfirmImpact>(_cmdlet.GetVariableValue("ConfirmPreference"), out var p) ? p : ConfirmImpact.High;
        if (preference <= ConfirmImpact.Medium) return true; // None: opted out; Low, Medium: ShouldProcess asked
        try
        {
            return _cmdlet.ShouldContinue($"The model asks to run {target}. Run it?", "Run a tool for the model", ref _yesToAll, ref _noToAll);
        }
        catch (Exception ex) when (ex is System.Management.Automation.Host.HostException or PSInvalidOperationException or NotImplementedException or InvalidOperationException)
        {
            throw ModuleErrors.ToolConfirmationRequired(command.Name, ex);
        }
    }
}
