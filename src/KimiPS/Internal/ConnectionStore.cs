using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;

namespace KimiPS;

/// <summary>
/// The connection of each runspace (Connect-Kimi / Disconnect-Kimi). A static dictionary keyed by
/// <c>Runspace.DefaultRunspace.InstanceId</c>, chosen over a SessionState variable because a binary
/// cmdlet's SessionState is the *caller's* scope: a variable set from Connect-Kimi inside a function or
/// script would vanish with that scope, and a global one would be visible to (and clobbered by) user code
/// on both editions. DefaultRunspace is set on the pipeline thread in Windows PowerShell 5.1 and PowerShell 7,
/// so every cmdlet invocation in one runspace finds the same entry, while thread jobs and
/// ForEach-Object -Parallel (other runspaces) stay isolated, as a module variable would. Entries are
/// removed when their runspace closes, so the dictionary does not grow with short-lived runspaces.
/// </summary>
internal static class ConnectionStore
{
    private static readonly ConcurrentDictionary<Guid, KimiConnection> Connections = new();
    private static readonly ConcurrentDictionary<Guid, byte> Watched = new();

    /// <summary>Guid.Empty when a host runs us without a default runspace: a process-wide slot.</summary>
    private static Guid CurrentKey => Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;

    public static KimiConnection? Current => Connections.TryGetValue(CurrentKey, out var c) ? c : null;

    public static void Set(KimiConnection connection)
    {
        var runspace = Runspace.DefaultRunspace;
        var key = runspace?.InstanceId ?? Guid.Empty;
        Connections[key] = connection;
        if (runspace != null && Watched.TryAdd(key, 0))
        {
            runspace.StateChanged += (sender, e) =>
            {
                if (e.RunspaceStateInfo.State is RunspaceState.Closed or RunspaceState.Broken)
                {
                    Connections.TryRemove(key, out _);
                    Watched.TryRemove(key, out _);
                }
            };
        }
    }

    /// <summary>Forgets this runspace's connection; false when there was none.</summary>
    public static bool Remove() => Connections.TryRemove(CurrentKey, out _);
}
