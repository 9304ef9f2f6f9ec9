namespace KimiPS.Core.Tests.Client;

/// <summary>
/// Tests that read the process-wide allocation counter run alone: xunit runs other test classes in
/// parallel, and their allocations would be counted too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "Process-wide allocation measurements";
}
