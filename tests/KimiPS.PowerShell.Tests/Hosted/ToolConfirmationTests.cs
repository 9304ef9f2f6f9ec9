using System.Management.Automation;
using System.Management.Automation.Runspaces;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted;

/// <summary>
/// Tool runs are confirmed as High-impact actions: in a host that can ask, Invoke-KimiChat -InvokeTools asks before
/// every run the model requests (though sending the chat itself, Medium, is not asked), unless -Confirm:$false.
/// </summary>
public sealed class ToolConfirmationTests : IDisposable
{
    private readonly KimiEmulator _emulator = KimiEmulator.Start();
    private readonly RecordingHost _host = new(); // a prompt with no queued answer gets No, and is recorded
    private readonly Runspace _runspace;
    private readonly string _marker = Path.Combine(Path.GetTempPath(), $"kimips-confirm-{Guid.NewGuid():N}.txt");

    public ToolConfirmationTests()
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(TestPaths.StagedManifest);
        _runspace = RunspaceFactory.CreateRunspace(_host, state);
        _runspace.Open();
        Run($$"""
            $env:MOONSHOT_API_KEY = $null
            Connect-Kimi -BaseUri '{{_emulator.BaseUri}}' -ApiKey (ConvertTo-SecureString '{{KimiEmulator.ApiKey}}' -AsPlainText -Force)
            function Get-Two { param([string] $y) Add-Content -LiteralPath '{{_marker}}' -Value "ran $y"; "y=$y" }
            $global:t = New-KimiTool -Command Get-Two -IncludeParameter y
            """);
    }

    private List<PSObject> Run(string script)
    {
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = _runspace;
        var output = shell.AddScript(script).Invoke().ToList();
        if (shell.Streams.Error.Count > 0) throw new InvalidOperationException(string.Join("; ", shell.Streams.Error));
        return output;
    }

    private string[] Runs => File.Exists(_marker) ? File.ReadAllLines(_marker) : [];

    [Fact]
    public void Each_run_is_asked_and_Yes_runs_it()
    {
        _host.Answers.Enqueue("Yes");

        var output = Run("""Invoke-KimiChat 'call:Get-Two {"y":"a"}' -Tool $t -InvokeTools""");

        var prompt = Assert.Single(_host.Prompts);
        Assert.Contains("Get-Two", prompt);
        Assert.Contains("""{"y":"a"}""", prompt);
        Assert.Equal(new[] { "ran a" }, Runs);
        Assert.Single(output);
    }

    [Fact]
    public void No_runs_nothing_and_tells_the_model()
    {
        _host.Answers.Enqueue("No");

        Run("""Invoke-KimiChat 'call:Get-Two {"y":"a"}' -Tool $t -InvokeTools""");

        Assert.Single(_host.Prompts);
        Assert.Empty(Runs);
        var tool = _emulator.Requests.Last().Json!.RootElement.GetProperty("messages").EnumerateArray().Last();
        Assert.Equal("tool", tool.GetProperty("role").GetString());
        Assert.Equal("The user declined to run this tool call.", tool.GetProperty("content").GetString());
    }

    [Fact]
    public void Yes_to_All_is_asked_once_per_invocation()
    {
        _host.Answers.Enqueue("Yes to All");

        Run("""'call:Get-Two {"y":"a"}', 'call:Get-Two {"y":"b"}' | Invoke-KimiChat -Tool $t -InvokeTools""");

        Assert.Single(_host.Prompts);
        Assert.Equal(new[] { "ran a", "ran b" }, Runs);
    }

    [Fact]
    public void Confirm_false_asks_nothing()
    {
        Run("""Invoke-KimiChat 'call:Get-Two {"y":"a"}' -Tool $t -InvokeTools -Confirm:$false""");

        Assert.Empty(_host.Prompts);
        Assert.Equal(new[] { "ran a" }, Runs);
    }

    [Fact]
    public void A_refused_call_is_not_even_asked()
    {
        Run("""Invoke-KimiChat 'call:Get-Two {"y":"a","Confirm":false}' -Tool $t -InvokeTools""");

        Assert.Empty(_host.Prompts);
        Assert.Empty(Runs);
    }

    [Fact]
    public void A_chat_without_tool_calls_asks_nothing()
    {
        var output = Run("Invoke-KimiChat 'no tools needed' -Tool $t -InvokeTools");

        Assert.Empty(_host.Prompts);
        Assert.Single(output);
    }

    public void Dispose()
    {
        _runspace.Dispose();
        _emulator.Dispose();
        File.Delete(_marker);
    }
}
