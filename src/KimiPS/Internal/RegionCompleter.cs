using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace KimiPS;

/// <summary>
/// Tab completion for Connect-Kimi -Region. -Region is checked by the cmdlet rather than [ValidateSet], so that a
/// wrong value is a KimiInvalidParameter error with its fix; this keeps the completion [ValidateSet] gave.
/// </summary>
internal sealed class RegionCompleter : IArgumentCompleter
{
    private static readonly string[] Regions = { "China", "Global" };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Regions.Where(r => r.StartsWith(wordToComplete.Trim('\'', '"'), StringComparison.OrdinalIgnoreCase))
            .Select(r => new CompletionResult(r, r, CompletionResultType.ParameterValue, r))
            .ToList();
}
