using System.Management.Automation;
using System.Text.Json;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted;

/// <summary>
/// Invoke-KimiChat -Tool -InvokeTools as a hostile model drives it: the emulator's model calls the tool named by
/// <c>call:NAME</c> with the JSON that follows it, so each test chooses the arguments the model sends.
/// </summary>
public sealed class ToolInvocationTests : IDisposable
{
    // Get-Two offers only -y to the model; its hidden -Destroy (and any run at all) leaves a marker file.
    private const string Functions = """
        function Get-Two {
            [CmdletBinding(DefaultParameterSetName = 'Read')]
            param(
                [Parameter(ParameterSetName = 'Read')] [string] $y = 'def',
                [Parameter(ParameterSetName = 'Read')] [int] $x = 42,
                [Parameter(ParameterSetName = 'Wipe')] [switch] $Wipe,
                [switch] $Destroy)
            Add-Content -LiteralPath $global:RanMarker -Value "ran y=$y"
            if ($Destroy -or $Wipe) { Set-Content -LiteralPath $global:DestroyMarker -Value 'destroyed' }
            "y=$y x=$x"
        }
        function Get-Rows { [pscustomobject]@{ Id = 12832; ProcessName = 'dotnet' }, [pscustomobject]@{ Id = 7; ProcessName = 'pwsh' } }
        function Get-Failure { param([string] $y) throw "disk is on fire ($y)" }
        """;

    private readonly HostedKimi _kimi = HostedKimi.Start();
    private readonly string _dir = Directory.CreateTempSubdirectory("kimips-tools-").FullName;

    public ToolInvocationTests()
    {
        _kimi.Run(Functions + $"\n$global:RanMarker = '{RanMarker}'; $global:DestroyMarker = '{DestroyMarker}'").ThrowOnError();
    }

    private string RanMarker => Path.Combine(_dir, "ran.txt");

    private string DestroyMarker => Path.Combine(_dir, "destroyed.txt");

    private HostedRun Chat(string arguments, string extra = "-Confirm:$false", string tool = "New-KimiTool -Command Get-Two -IncludeParameter y", string name = "Get-Two") =>
        _kimi.Run($"$t = {tool}; Invoke-KimiChat 'call:{name} {arguments}' -Tool $t -InvokeTools {extra}");

    /// <summary>The tool messages the client sent back to the model, in order.</summary>
    private List<string> ToolResults() => _kimi.Emulator.Requests
        .Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal))
        .SelectMany(r => r.Json!.RootElement.GetProperty("messages").EnumerateArray())
        .Where(m => m.GetProperty("role").GetString() == "tool")
        .Select(m => m.GetProperty("content").GetString()!)
        .Distinct()
        .ToList();

    /// <summary>The one ChatCompletion written (its type checked by name: the module's types load from out/KimiPS).</summary>
    private static dynamic Answer(HostedRun run)
    {
        var answer = Assert.Single(run.Objects);
        Assert.Equal("KimiPS.Core.ChatCompletion", answer.GetType().FullName);
        return answer;
    }

    [Fact]
    public void A_hidden_switch_the_schema_does_not_declare_is_refused_and_nothing_runs()
    {
        var run = Chat("""{"y":"a","Destroy":true}""");

        Assert.Empty(run.Errors);
        Assert.False(File.Exists(DestroyMarker), "the hidden -Destroy ran");
        Assert.False(File.Exists(RanMarker), "the command ran with a refused argument");
        var result = Assert.Single(ToolResults());
        Assert.StartsWith("Error:", result);
        Assert.Contains("'Destroy'", result);
        Assert.Contains("y", result);
        Assert.Contains(run.Warnings, w => w.Contains("Get-Two") && w.Contains("'Destroy'"));
        var answer = Answer(run);
        Assert.Equal(2, _kimi.Emulator.Counters.ChatRequests);
        Assert.StartsWith("Echo: ", (string?)answer.Content);
    }

    [Theory]
    [InlineData("""{"y":"a","x":1}""", "x")]                 // excluded by -IncludeParameter
    [InlineData("""{"y":"a","Wipe":true}""", "Wipe")]        // another parameter set
    [InlineData("""{"y":"a","ErrorAction":"Ignore"}""", "ErrorAction")] // common parameters
    [InlineData("""{"Confirm":false}""", "Confirm")]
    [InlineData("""{"WhatIf":false}""", "WhatIf")]
    [InlineData("""{"OutVariable":"global:x"}""", "OutVariable")]
    [InlineData("""{"De":true}""", "De")]                    // a prefix PowerShell would bind to -Destroy
    [InlineData("""{"nope":1}""", "nope")]                   // unknown: refused, not silently dropped
    public void Any_argument_outside_the_declared_schema_is_refused(string arguments, string refused)
    {
        var run = Chat(arguments);

        Assert.Empty(run.Errors);
        Assert.False(File.Exists(RanMarker), "the command ran with a refused argument");
        Assert.False(File.Exists(DestroyMarker));
        var result = Assert.Single(ToolResults());
        Assert.StartsWith("Error:", result);
        Assert.Contains($"'{refused}'", result);
    }

    [Fact]
    public void A_parameter_of_another_set_is_refused_even_when_the_tool_describes_a_chosen_set()
    {
        var run = Chat("""{"y":"a"}""", tool: "New-KimiTool -Command Get-Two -CommandParameterSet Wipe");

        Assert.Empty(run.Errors);
        Assert.False(File.Exists(RanMarker));
        Assert.Contains("'y'", Assert.Single(ToolResults()));
    }

    [Fact]
    public void Declared_arguments_run_the_command_and_its_output_goes_back_to_the_model()
    {
        var run = Chat("""{"Y":"hello"}""");

        Assert.Empty(run.Errors);
        Assert.Equal("ran y=hello", File.ReadAllText(RanMarker).Trim());
        Assert.Equal("y=hello x=42", Assert.Single(ToolResults()));
        Answer(run);
        Assert.Equal(2, _kimi.Emulator.Counters.ChatRequests);
    }

    [Fact]
    public void An_error_of_the_tool_goes_back_to_the_model_as_its_result()
    {
        var run = Chat("""{"y":"now"}""", tool: "New-KimiTool -Command Get-Failure", name: "Get-Failure");

        Assert.Empty(run.Errors);
        var result = Assert.Single(ToolResults());
        Assert.StartsWith("Error:", result);
        Assert.Contains("disk is on fire (now)", result);
        Answer(run);
    }

    [Fact]
    public void Object_output_is_sent_as_an_aligned_table()
    {
        Chat("{}", tool: "New-KimiTool -Command Get-Rows", name: "Get-Rows");

        var lines = Assert.Single(ToolResults()).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.Single(l => l.Contains("ProcessName"));
        var row = lines.Single(l => l.Contains("dotnet"));
        Assert.Equal(header.IndexOf("ProcessName", StringComparison.Ordinal), row.IndexOf("dotnet", StringComparison.Ordinal));
        Assert.Equal(header.IndexOf("Id", StringComparison.Ordinal) + 2, row.IndexOf("12832", StringComparison.Ordinal) + 5); // right-aligned numbers
    }

    [Fact]
    public void Without_Confirm_false_a_tool_run_is_not_silent_in_a_host_that_cannot_prompt()
    {
        var run = Chat("""{"y":"a"}""", extra: "");

        Assert.False(File.Exists(RanMarker), "the tool ran without confirmation");
        var error = run.FirstError;
        Assert.NotNull(error);
        Assert.Equal("KimiToolConfirmationRequired,KimiPS.Commands.InvokeKimiChatCommand", error!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("-Confirm:$false", error.ErrorDetails?.RecommendedAction);
        Assert.Equal("call:Get-Two {\"y\":\"a\"}", error.TargetObject);
        Assert.Empty(run.Objects);
        Assert.Equal(1, _kimi.Emulator.Counters.ChatRequests);
    }

    [Fact]
    public void ConfirmPreference_None_opts_out_like_a_high_impact_action()
    {
        var run = _kimi.Run("""
            $ConfirmPreference = 'None'
            $t = New-KimiTool -Command Get-Two -IncludeParameter y
            Invoke-KimiChat 'call:Get-Two {"y":"b"}' -Tool $t -InvokeTools
            """);

        Assert.Empty(run.Errors);
        Assert.Equal("y=b x=42", Assert.Single(ToolResults()));
    }

    [Fact]
    public void WhatIf_sends_nothing_and_runs_nothing()
    {
        var run = Chat("""{"y":"a"}""", extra: "-WhatIf");

        Assert.Empty(run.Errors);
        Assert.Empty(run.Objects);
        Assert.False(File.Exists(RanMarker));
        Assert.Equal(0, _kimi.Emulator.Counters.ChatRequests);
    }

    [Fact]
    public void A_tool_made_from_a_schema_is_not_run_and_its_call_is_returned()
    {
        var run = _kimi.Run("""
            $t = New-KimiTool -Name Get-Two -Description 'd' -ParametersJson '{"type":"object","properties":{"y":{"type":"string"}}}'
            Invoke-KimiChat 'call:Get-Two {"y":"a"}' -Tool $t -InvokeTools -Confirm:$false
            """);

        Assert.Empty(run.Errors);
        Assert.False(File.Exists(RanMarker));
        var answer = Answer(run);
        dynamic call = Assert.Single((IEnumerable<object>)answer.ToolCalls);
        Assert.Equal("Get-Two", (string)call.Name);
        Assert.Equal("""{"y":"a"}""", (string)call.Arguments);
        Assert.Contains(run.Warnings, w => w.Contains("-InvokeTools runs only tools made by New-KimiTool -Command"));
    }

    [Fact]
    public void Without_InvokeTools_the_call_is_returned_in_ToolCalls_and_nothing_runs()
    {
        var plain = _kimi.Run("""$t = New-KimiTool -Command Get-Two -IncludeParameter y; Invoke-KimiChat 'call:Get-Two {"y":"a"}' -Tool $t""");

        Assert.Empty(plain.Errors);
        var answer = Answer(plain);
        Assert.Equal("tool_calls", (string)answer.FinishReason);
        Assert.Equal("Get-Two", (string)((dynamic)Assert.Single((IEnumerable<object>)answer.ToolCalls)).Name);
        Assert.False(File.Exists(RanMarker));
        Assert.Equal(1, _kimi.Emulator.Counters.ChatRequests);
    }

    [Fact]
    public void WebSearch_echoes_the_search_call_back_and_returns_the_answer()
    {
        var run = _kimi.Run("Invoke-KimiChat 'call:$web_search {\"query\":\"pwsh\"}' -WebSearch -Thinking disabled");

        Assert.Empty(run.Errors);
        var answer = Answer(run);
        Assert.Equal("stop", (string)answer.FinishReason);
        Assert.Equal("""{"query":"pwsh"}""", Assert.Single(ToolResults()));
        var first = _kimi.Emulator.Requests.First(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)).Json!.RootElement;
        var tool = Assert.Single(first.GetProperty("tools").EnumerateArray().ToList());
        Assert.Equal("builtin_function", tool.GetProperty("type").GetString());
        Assert.Equal("$web_search", tool.GetProperty("function").GetProperty("name").GetString());
    }

    public void Dispose()
    {
        _kimi.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
