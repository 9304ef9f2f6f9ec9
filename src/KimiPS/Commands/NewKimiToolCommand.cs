using System.Management.Automation;
using System.Management.Automation.Runspaces;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Creates a tool (a function the model may call) from a JSON schema or from a PowerShell command.</summary>
/// <remarks>
/// New-KimiTool describes a function to the model for Invoke-KimiChat -Tool. With -Name, -Description and
/// -ParametersJson you declare any function and handle the model's calls yourself (they are in the answer's
/// ToolCalls). With -Command, the schema is built from the command's parameters (names, types, mandatory,
/// ValidateSet values, HelpMessage); common parameters are skipped. Such a tool is bound to its command:
/// Invoke-KimiChat -InvokeTools runs the model's calls of it (through ShouldProcess, so -Confirm and -WhatIf
/// apply) and sends the output back. Only tools created this way can run commands; limit what the model may
/// pass with -IncludeParameter.
/// </remarks>
/// <example>
/// <code>PS> $weather = New-KimiTool -Name get_weather -Description 'Current weather for a city' -ParametersJson '{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}'
/// PS> (Invoke-KimiChat 'Weather in Paris?' -Tool $weather).ToolCalls</code>
/// <para>Declares a function and shows the call the model makes to it.</para>
/// </example>
/// <example>
/// <code>PS> $tool = Get-Command Get-Process | New-KimiTool -IncludeParameter Name -Description 'Lists running processes by name'
/// PS> Invoke-KimiChat 'How much memory does pwsh use?' -Tool $tool -InvokeTools</code>
/// <para>Lets the model run Get-Process with only its -Name parameter.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "KimiTool", DefaultParameterSetName = SchemaSet)]
[OutputType(typeof(ChatTool))]
public sealed class NewKimiToolCommand : PSCmdlet
{
    private const string SchemaSet = "Schema";
    private const string CommandSet = "Command";

    /// <summary>The function's name: 3 to 64 letters, digits, '_' or '-'. With -Command, default: the command's name.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = SchemaSet, HelpMessage = "The function name the model calls.")]
    [Parameter(ParameterSetName = CommandSet)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    /// <summary>What the function does and when to use it: the model decides from this. With -Command, default: the command's synopsis.</summary>
    [Parameter(Position = 1, ParameterSetName = SchemaSet)]
    [Parameter(ParameterSetName = CommandSet)]
    [ValidateNotNullOrEmpty]
    public string? Description { get; set; }

    /// <summary>The parameters' JSON schema; its root must be an object. Default: no parameters.</summary>
    [Parameter(Position = 2, ParameterSetName = SchemaSet)]
    [ValidateNotNullOrEmpty]
    public string? ParametersJson { get; set; }

    /// <summary>The command the tool runs: a CommandInfo (Get-Command) or a command name.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = CommandSet, HelpMessage = "A command (Get-Command output) or a command name.")]
    [ValidateNotNull]
    public object Command { get; set; } = null!;

    /// <summary>Offer only these parameters of the command to the model.</summary>
    [Parameter(ParameterSetName = CommandSet)]
    [ValidateNotNullOrEmpty]
    public string[]? IncludeParameter { get; set; }

    /// <summary>The command's parameter set to describe. Default: its default set.</summary>
    [Parameter(ParameterSetName = CommandSet)]
    [ValidateNotNullOrEmpty]
    public string? CommandParameterSet { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            WriteObject(ParameterSetName == CommandSet ? FromCommand() : FromSchema());
        }
        catch (KimiException ex)
        {
            WriteError(ErrorRecords.Create(ex, ParameterSetName == CommandSet ? Command : Name));
        }
    }

    private ChatTool FromSchema()
    {
        ToolSchema.ValidateName(Name, nameof(Name));
        var schema = ParametersJson ?? ToolSchema.EmptyObjectSchema;
        ToolSchema.ValidateObjectSchema(schema, nameof(ParametersJson));
        return ChatTool.Function(Name, Description ?? "", schema);
    }

    private ChatTool FromCommand()
    {
        var command = ResolveCommand();
        var name = MyInvocation.BoundParameters.ContainsKey(nameof(Name)) ? Name : command.Name;
        ToolSchema.ValidateName(name, nameof(Name));
        var schema = ToolSchema.FromParameters(Parameters(command));
        var tool = ChatTool.Function(name, Description ?? Synopsis(command), schema);
        KimiToolBinding.Bind(tool, command);
        return tool;
    }

    private CommandInfo ResolveCommand()
    {
        var value = PipelineInput.Unwrap(Command);
        var command = value as CommandInfo
            ?? InvokeCommand.GetCommand(value?.ToString() ?? "", CommandTypes.Alias | CommandTypes.Function | CommandTypes.Filter | CommandTypes.Cmdlet | CommandTypes.ExternalScript);
        if (command is AliasInfo alias) command = alias.ResolvedCommand;
        return command ?? throw Errors.InvalidParameter(nameof(Command), $"names '{value}', which is not a command in this session",
            "Import the module that has the command, or pass Get-Command output.");
    }

    private IEnumerable<ToolParameter> Parameters(CommandInfo command)
    {
        var sets = command.ParameterSets;
        var set = CommandParameterSet is { } wanted
            ? sets.FirstOrDefault(s => string.Equals(s.Name, wanted, StringComparison.OrdinalIgnoreCase))
              ?? throw Errors.InvalidParameter(nameof(CommandParameterSet), $"is '{wanted}', which {command.Name} does not have",
                  "Use one of: " + string.Join(", ", sets.Select(s => s.Name)) + ".")
            : sets.FirstOrDefault(s => s.IsDefault) ?? sets.FirstOrDefault();
        if (set is null) return Array.Empty<ToolParameter>();

        var include = IncludeParameter is null ? null : new HashSet<string>(IncludeParameter, StringComparer.OrdinalIgnoreCase);
        return set.Parameters
            .Where(p => include is null || include.Contains(p.Name))
            .Select(p => new ToolParameter(p.Name, p.ParameterType)
            {
                IsSwitch = p.ParameterType == typeof(SwitchParameter),
                IsMandatory = p.IsMandatory,
                Description = string.IsNullOrWhiteSpace(p.HelpMessage) ? null : p.HelpMessage,
                AllowedValues = p.Attributes.OfType<ValidateSetAttribute>().FirstOrDefault()?.ValidValues.ToList(),
            })
            .ToList();
    }

    /// <summary>The command's help synopsis; a generated one (the syntax line) says nothing to a model, so it is replaced.</summary>
    private string Synopsis(CommandInfo command)
    {
        var fallback = $"Runs the PowerShell command {command.Name}.";
        try
        {
            var result = InvokeCommand.InvokeScript("param($n) (Get-Help -Name $n -ErrorAction Ignore).Synopsis", true, PipelineResultTypes.None, null, command.Name);
            var synopsis = string.Concat(result.Select(o => o?.ToString())).Trim();
            return synopsis.Length == 0 || synopsis.StartsWith(command.Name, StringComparison.OrdinalIgnoreCase) ? fallback : synopsis;
        }
        catch (RuntimeException)
        {
            return fallback;
        }
    }
}
