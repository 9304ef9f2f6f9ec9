using System.Management.Automation;
using System.Management.Automation.Runspaces;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Creates a tool (a function the model may call) from a JSON schema or from a PowerShell command.</summary>
/// <remarks>
/// New-KimiTool describes a function to the model for Invoke-KimiChat -Tool. With -Name, -Description and
/// -ParametersJson you declare any function and handle the model's calls yourself (they are in the answer's
/// ToolCalls). With -Command, the schema is built from the command's parameters (names, types, mandatory,
/// ValidateSet values, HelpMessage) in one parameter set (-CommandParameterSet, default the command's default
/// set); common parameters are never offered. Such a tool is bound to its command: Invoke-KimiChat -InvokeTools
/// runs the model's calls of it, asking for confirmation before each run unless -Confirm:$false, and sends the
/// output back. Only tools created this way can run commands. A call may pass only the parameters in the tool's
/// schema: limit them with -IncludeParameter; a call with any other argument is refused and nothing runs.
/// </remarks>
/// <example>
/// <code>PS> $weather = New-KimiTool -Name get_weather -Description 'Current weather for a city' -ParametersJson '{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}'
/// PS> (Invoke-KimiChat 'Weather in Paris?' -Tool $weather).ToolCalls</code>
/// <para>Declares a function and shows the call the model makes to it.</para>
/// </example>
/// <example>
/// <code>PS> $tool = Get-Command Get-Process | New-KimiTool -IncludeParameter Name -Description 'Lists running processes by name'
/// PS> Invoke-KimiChat 'How much memory does pwsh use?' -Tool $tool -InvokeTools -Confirm:$false</code>
/// <para>Lets the model run Get-Process with only its -Name parameter, without asking first (in a script). Without -Confirm:$false each run asks for confirmation.</para>
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

    /// <summary>The parameters' JSON schema: an object of "type":"object" whose properties are schema objects with JSON-schema types. Default: no parameters.</summary>
    [Parameter(Position = 2, ParameterSetName = SchemaSet)]
    [ValidateNotNullOrEmpty]
    public string? ParametersJson { get; set; }

    /// <summary>The command the tool runs: a CommandInfo (Get-Command) or a command name.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = CommandSet, HelpMessage = "A command (Get-Command output) or a command name.")]
    [ValidateNotNull]
    public object Command { get; set; } = null!;

    /// <summary>Offer only these parameters of the command to the model; the model cannot pass any other. A name the parameter set does not have is an error.</summary>
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
        ToolSchema.ValidateToolSchema(schema, nameof(ParametersJson));
        return ChatTool.Function(Name, Description ?? "", schema);
    }

    private ChatTool FromCommand()
    {
        var command = ResolveCommand();
        var named = MyInvocation.BoundParameters.ContainsKey(nameof(Name));
        var name = named ? Name : command.Name;
        if (!named && !RequestValidator.IsToolName(name))
            throw Errors.InvalidParameter(nameof(Name), Msg.PCommandNameNotToolName.Format(name),
                Msg.CommandNameFix);
        ToolSchema.ValidateName(name, nameof(Name));
        var parameters = Parameters(command).Where(p => !ToolSchema.CommonParameters.Contains(p.Name)).ToList();
        var schema = ToolSchema.FromParameters(parameters);
        var tool = ChatTool.Function(name, Description ?? Synopsis(command), schema);
        // The schema's parameters are the only ones a call of this tool may bind (Invoke-KimiChat refuses the rest).
        KimiToolBinding.Bind(tool, new ToolBinding(command, parameters.Select(p => p.Name).ToList()));
        return tool;
    }

    private CommandInfo ResolveCommand()
    {
        var value = PipelineInput.Unwrap(Command);
        var command = value as CommandInfo
            ?? InvokeCommand.GetCommand(value?.ToString() ?? "", CommandTypes.Alias | CommandTypes.Function | CommandTypes.Filter | CommandTypes.Cmdlet | CommandTypes.ExternalScript);
        if (command is AliasInfo alias) command = alias.ResolvedCommand;
        return command ?? throw Errors.InvalidParameter(nameof(Command), Msg.PNotACommand.Format(value),
            Msg.NotACommandFix);
    }

    private IEnumerable<ToolParameter> Parameters(CommandInfo command)
    {
        var sets = command.ParameterSets;
        var set = CommandParameterSet is { } wanted
            ? sets.FirstOrDefault(s => string.Equals(s.Name, wanted, StringComparison.OrdinalIgnoreCase))
              ?? throw Errors.InvalidParameter(nameof(CommandParameterSet), Msg.PNoSuchSet.Format(wanted, command.Name),
                  Msg.UseOneOfList.Format(string.Join(", ", sets.Select(s => s.Name))))
            : sets.FirstOrDefault(s => s.IsDefault) ?? sets.FirstOrDefault();
        if (set is null) return Array.Empty<ToolParameter>();

        var include = IncludeParameter is null ? null : new HashSet<string>(IncludeParameter, StringComparer.OrdinalIgnoreCase);
        if (include != null) CheckIncluded(include, set, command);
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

    /// <summary>A misspelt -IncludeParameter name would silently offer the model fewer parameters than meant.</summary>
    private static void CheckIncluded(ISet<string> include, CommandParameterSetInfo set, CommandInfo command)
    {
        var offered = set.Parameters.Select(p => p.Name).Where(n => !ToolSchema.CommonParameters.Contains(n)).ToList();
        var unknown = include.Where(n => !offered.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count == 0) return;
        var where = command.ParameterSets.Count > 1 ? Msg.InItsSet.Format(set.Name) : "";
        throw Errors.InvalidParameter(nameof(IncludeParameter),
            Msg.PNotOffered.Format(ToolSchema.Quote(unknown), command.Name, where),
            offered.Count == 0 ? Msg.NothingToOffer.Format(command.Name, where) : Msg.UseSomeOfList.Format(string.Join(", ", offered)));
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
