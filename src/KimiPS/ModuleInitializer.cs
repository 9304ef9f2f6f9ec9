using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace KimiPS;

/// <summary>
/// On Windows PowerShell 5.1 (.NET Framework) serves the System.Text.Json closure from the module's
/// dependencies/ folder: powershell.exe has no binding redirects for it and a module cannot add any.
/// On PowerShell 7 nothing is registered: the runtime's own System.Text.Json and friends serve.
/// </summary>
public sealed class KimiModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly object Gate = new();
    private static ResolveEventHandler? s_handler;

    /// <summary>Called by PowerShell when the module is imported.</summary>
    public void OnImport()
    {
        if (!RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
        {
            return;
        }

        lock (Gate)
        {
            if (s_handler is not null)
            {
                return;
            }

            var moduleDirectory = Path.GetDirectoryName(typeof(KimiModuleInitializer).Assembly.Location) ?? ".";
            var resolver = DependencyResolver.FromDirectory(Path.Combine(moduleDirectory, "dependencies"));
            s_handler = (_, args) =>
            {
                var path = resolver.Resolve(args.Name, args.RequestingAssembly?.GetName().Name);

                // LoadFrom, not LoadFile (anchors-binary-modules §3.4): it is what PowerShell itself
                // uses on .NET Framework; the load-from context returns the already-loaded copy for a
                // path instead of a second one (LoadFile would give two System.Text.Json type
                // identities), and it probes dependencies/ for the closure's own references.
                return path is null ? null : Assembly.LoadFrom(path);
            };
            AppDomain.CurrentDomain.AssemblyResolve += s_handler;
        }
    }

    /// <summary>Called by PowerShell when the module is removed: the handler goes with it.</summary>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        lock (Gate)
        {
            if (s_handler is not null)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= s_handler;
                s_handler = null;
            }
        }
    }
}
