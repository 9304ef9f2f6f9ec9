using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using KimiPS.Core;

namespace KimiPS;

/// <summary>
/// Completes -Model from the account's live model list (GET /v1/models), cached per connection for ten
/// minutes so Tab stays fast; falls back to current ids when there is no connection or the call fails.
/// Never throws: a completer that throws breaks tab completion for the whole command line.
/// </summary>
internal sealed class KimiModelCompleter : IArgumentCompleter
{
    /// <summary>Tab completion blocks the console: give up quickly and offer the fallback list.</summary>
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(3);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        IEnumerable<string> ids;
        try
        {
            var connection = PipelineInput.Unwrap(fakeBoundParameters?["Connection"]) as KimiConnection ?? ConnectionStore.Current ?? FromEnvironment();
            ids = connection is null ? ModelListCache.Fallback : ModelListCache.Shared.Get(connection.CacheKey, () => Load(connection));
        }
        catch (Exception)
        {
            ids = ModelListCache.Fallback;
        }
        return ModelListCache.Match(ids, wordToComplete)
            .Select(id => new CompletionResult(id, id, CompletionResultType.ParameterValue, id))
            .ToList();
    }

    private static KimiConnection? FromEnvironment()
    {
        var env = ConnectionSettings.FromEnvironment(Environment.GetEnvironmentVariable);
        return env is null ? null : KimiConnection.FromEnvironment(env);
    }

    private static IReadOnlyList<string> Load(KimiConnection connection)
    {
        var options = connection.CreateClientOptions();
        options.MaxRetries = 0;
        options.RequestTimeout = LoadTimeout;
        using var cts = new CancellationTokenSource(LoadTimeout);
        using var client = new KimiClient(options);
        return client.ListModels(cts.Token).Select(m => m.Id).ToList();
    }
}
