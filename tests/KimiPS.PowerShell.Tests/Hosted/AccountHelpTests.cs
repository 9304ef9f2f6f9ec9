using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted;

/// <summary>Get-Help -Full of the connection and account cmdlets: what a user reads before trying them.</summary>
public sealed class AccountHelpTests
{
    [Theory]
    [InlineData("Connect-Kimi")]
    [InlineData("Disconnect-Kimi")]
    [InlineData("Get-KimiConnection")]
    [InlineData("Test-KimiConnection")]
    [InlineData("Get-KimiModel")]
    [InlineData("Get-KimiBalance")]
    [InlineData("Measure-KimiToken")]
    public void Help_has_synopsis_description_every_parameter_and_an_example(string command)
    {
        using var hosted = HostedKimi.Start(connect: false);

        var run = hosted.Run($$"""
            $h = Get-Help {{command}} -Full
            $params = @($h.parameters.parameter | Where-Object { $_ })
            [pscustomobject]@{
                Synopsis    = "$($h.Synopsis)".Trim()
                Description = ($h.description | Out-String).Trim()
                Examples    = @($h.examples.example).Count
                Undescribed = @($params | Where-Object { -not ($_.description | Out-String).Trim() } | ForEach-Object name)
                Declared    = @((Get-Command {{command}}).Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters })
                Documented  = @($params | ForEach-Object name)
            }
            """).ThrowOnError();

        var help = run.Output.Single();
        string Text(string name) => help.Properties[name].Value?.ToString() ?? "";
        IEnumerable<string> List(string name) => (help.Properties[name].Value as object[] ?? []).Select(o => o.ToString()!);
        Assert.NotEqual("", Text("Synopsis"));
        Assert.DoesNotContain(command, Text("Synopsis")); // a generated stub repeats the syntax
        Assert.True(Text("Description").Length > 80, Text("Description"));
        Assert.True((int)help.Properties["Examples"].Value >= 1);
        Assert.Empty(List("Undescribed"));
        Assert.Equal(List("Declared").Order(StringComparer.OrdinalIgnoreCase), List("Documented").Order(StringComparer.OrdinalIgnoreCase));
    }
}
