using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted;

public sealed class ConnectionIsolationTests
{
    [Fact]
    public async Task Two_runspaces_with_two_connections_at_once_each_use_their_own()
    {
        using var first = HostedKimi.Start();
        using var second = HostedKimi.Start();

        // Both run at the same time, each on its own emulator: a connection leaking between runspaces
        // would send one of them to the other's emulator.
        var runs = new[] { first, second }
            .Select(session => Task.Run(() => session.Run("1..5 | ForEach-Object { Invoke-KimiChat \"q$_\" } | ForEach-Object Content")))
            .ToArray();

        foreach (var run in await Task.WhenAll(runs)) Assert.Equal(5, run.ThrowOnError().Output.Count);
        Assert.Equal(5, first.Emulator.Counters.ChatRequests);
        Assert.Equal(5, second.Emulator.Counters.ChatRequests);
    }

    [Fact]
    public void Disconnect_in_one_runspace_leaves_the_other_connected()
    {
        using var first = HostedKimi.Start();
        using var second = HostedKimi.Start();

        first.Run("Disconnect-Kimi").ThrowOnError();

        var failed = first.Run("Get-KimiBalance");
        Assert.StartsWith("KimiNotConnected,", failed.FirstError?.FullyQualifiedErrorId);
        Assert.Single(second.Run("Get-KimiBalance").ThrowOnError().Output);
    }
}
