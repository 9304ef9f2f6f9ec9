using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;
using KimiPS.Core;

namespace KimiPS;

/// <summary>
/// The usage ledger (and prices) of each runspace, kept like <see cref="ConnectionStore"/>: keyed by the runspace's
/// id, so Get-KimiUsage in a thread job or ForEach-Object -Parallel sees that runspace's requests only, and removed
/// when the runspace closes.
/// </summary>
internal static class UsageStore
{
    private static readonly ConcurrentDictionary<Guid, UsageLedger> Ledgers = new();

    public static UsageLedger Current
    {
        get
        {
            var runspace = Runspace.DefaultRunspace;
            var key = runspace?.InstanceId ?? Guid.Empty;
            if (Ledgers.TryGetValue(key, out var ledger)) return ledger;
            ledger = Ledgers.GetOrAdd(key, _ => new UsageLedger());
            if (runspace != null)
            {
                runspace.StateChanged += (sender, e) =>
                {
                    if (e.RunspaceStateInfo.State is RunspaceState.Closed or RunspaceState.Broken) Ledgers.TryRemove(key, out _);
                };
            }
            return ledger;
        }
    }
}
