using System.Management.Automation;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Infrastructure;
using static KimiPS.PowerShell.Tests.Hosted.AccountTestKit;

namespace KimiPS.PowerShell.Tests.Hosted;

/// <summary>
/// $env: is the process's environment, shared by every hosted runspace (and HostedKimi.Start clears
/// MOONSHOT_API_KEY): these tests run alone, and leave the variables unset.
/// </summary>
[CollectionDefinition(nameof(EnvironmentConnectionTests), DisableParallelization = true)]
public sealed class EnvironmentCollection;

[Collection(nameof(EnvironmentConnectionTests))]
public sealed class EnvironmentConnectionTests : IDisposable
{
    [Fact]
    public void After_Disconnect_the_MOONSHOT_API_KEY_environment_connection_is_used()
    {
        using var hosted = HostedKimi.Start();
        hosted.Run("Disconnect-Kimi").ThrowOnError();

        var run = hosted.Run($"$env:MOONSHOT_API_KEY = '{KimiEmulator.ApiKey}'; $env:MOONSHOT_BASE_URL = '{hosted.Emulator.BaseUri}'; " +
                             "Get-KimiBalance; Get-KimiConnection").ThrowOnError();

        Of("KimiPS.Core.KimiBalance", run.Objects[0]);
        var connection = Of("KimiPS.KimiConnection", run.Objects[1]);
        Assert.Equal("Environment", connection.Source);
        Assert.Equal(hosted.Emulator.BaseUri, connection.BaseUri);
        Assert.Equal("sk-…" + KeyTail, connection.KeyHint);
    }

    [Fact]
    public void Test_KimiConnection_with_an_unusable_environment_BaseUri_is_a_result_not_an_error()
    {
        using var hosted = HostedKimi.Start(connect: false);

        var run = hosted.Run($"$env:MOONSHOT_API_KEY = '{KimiEmulator.ApiKey}'; $env:MOONSHOT_BASE_URL = 'http://192.0.2.2/v1/'; Test-KimiConnection")
            .ThrowOnError();

        var test = Of("KimiPS.Core.KimiConnectionTest", run.Objects.Single());
        Assert.False(test.Success);
        Assert.Equal("KimiInvalidParameter", test.ErrorId);
        Assert.Contains("MOONSHOT_BASE_URL", test.Message);
        Assert.Contains("plain http://", test.Message);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("MOONSHOT_API_KEY", null);
        Environment.SetEnvironmentVariable("MOONSHOT_BASE_URL", null);
    }
}
