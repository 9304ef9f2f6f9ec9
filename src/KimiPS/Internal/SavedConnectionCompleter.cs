using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using KimiPS.Core;

namespace KimiPS;

/// <summary>Tab completion for Connect-Kimi -Name and -SaveAs: the names in the saved-connections file. A file that cannot be read completes nothing.</summary>
internal sealed class SavedConnectionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        IReadOnlyDictionary<string, SavedConnection> saved;
        try
        {
            saved = SavedConnections.Load(SavedConnections.FilePath(Environment.GetEnvironmentVariable));
        }
        catch (KimiException)
        {
            return Array.Empty<CompletionResult>();
        }
        var word = wordToComplete.Trim('\'', '"');
        return saved.Values
            .Where(c => c.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c =>
            {
                var text = c.Name.Any(ch => char.IsWhiteSpace(ch) || "'\"$`;(){}@&|<>,#".IndexOf(ch) >= 0) ? "'" + c.Name.Replace("'", "''") + "'" : c.Name;
                return new CompletionResult(text, c.Name, CompletionResultType.ParameterValue, $"{c.Name}: {c.BaseUri?.AbsoluteUri ?? c.Region ?? "China"}, {c.Model ?? ConnectionSettings.DefaultModel}");
            })
            .ToList();
    }
}
