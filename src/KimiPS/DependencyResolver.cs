using System.Reflection;

namespace KimiPS;

/// <summary>
/// Decides which assembly requests the Windows PowerShell resolver answers (DESIGN.md §4,
/// anchors-binary-modules §3.4). Pure logic, no System.Management.Automation: the test project
/// compiles this file directly, because KimiPS.dll itself cannot be executed without PowerShell.
/// </summary>
internal sealed class DependencyResolver
{
    // Requests from these assemblies (or from the shipped closure itself) are ours to answer.
    private static readonly string[] OwnAssemblies = { "KimiPS", "KimiPS.Core" };

    private readonly Dictionary<string, Candidate> _candidates;

    public DependencyResolver(IEnumerable<Candidate> candidates)
    {
        _candidates = new Dictionary<string, Candidate>(StringComparer.OrdinalIgnoreCase);
        foreach (var candidate in candidates)
        {
            _candidates[candidate.Name.Name!] = candidate;
        }
    }

    /// <summary>The simple names this resolver may answer for.</summary>
    public IEnumerable<string> Names => _candidates.Keys;

    /// <summary>Reads the identity of every dll in <paramref name="directory"/> once, without loading it.</summary>
    public static DependencyResolver FromDirectory(string directory)
    {
        var candidates = new List<Candidate>();
        if (Directory.Exists(directory))
        {
            foreach (var path in Directory.EnumerateFiles(directory, "*.dll"))
            {
                try
                {
                    candidates.Add(new Candidate(AssemblyName.GetAssemblyName(path), path));
                }
                catch (BadImageFormatException)
                {
                    // Not a managed assembly: never a candidate.
                }
            }
        }

        return new DependencyResolver(candidates);
    }

    /// <summary>
    /// The path to load for <paramref name="requestedName"/>, or null to let the runtime (or another
    /// module's handler) decide. Answers only for a name we ship, only when our copy's version is
    /// at least the requested one (a request for a lower version is the usual missing binding
    /// redirect inside the STJ closure; a higher one we cannot satisfy), only when the public key
    /// tokens agree, and only for requests coming from our assemblies or the closure (or an
    /// unknown requester), so we never hand our copies to another module that asked for them.
    /// </summary>
    public string? Resolve(string requestedName, string? requestingAssemblyName)
    {
        AssemblyName requested;
        try
        {
            requested = new AssemblyName(requestedName);
        }
        catch (Exception ex) when (ex is ArgumentException or FileLoadException)
        {
            return null;
        }

        if (requested.Name is null || !_candidates.TryGetValue(requested.Name, out var ours))
        {
            return null;
        }

        if (requestingAssemblyName is not null && !IsOurs(requestingAssemblyName))
        {
            return null;
        }

        if (requested.Version is not null && ours.Name.Version is not null && ours.Name.Version < requested.Version)
        {
            return null;
        }

        var requestedToken = requested.GetPublicKeyToken();
        if (requestedToken is { Length: > 0 } && !requestedToken.SequenceEqual(ours.Name.GetPublicKeyToken() ?? Array.Empty<byte>()))
        {
            return null;
        }

        return ours.Path;
    }

    private bool IsOurs(string requestingAssemblyName) =>
        _candidates.ContainsKey(requestingAssemblyName)
        || OwnAssemblies.Contains(requestingAssemblyName, StringComparer.OrdinalIgnoreCase);

    /// <summary>An assembly shipped in dependencies/: its identity and where it is.</summary>
    internal sealed class Candidate
    {
        public Candidate(AssemblyName name, string path)
        {
            Name = name;
            Path = path;
        }

        public AssemblyName Name { get; }

        public string Path { get; }
    }
}
