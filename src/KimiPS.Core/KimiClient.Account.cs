namespace KimiPS.Core;

public sealed partial class KimiClient
{
    /// <summary>The models this account can use, from <c>/v1/models</c>.</summary>
    public IReadOnlyList<KimiModel> ListModels(CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>The account balance; currency CNY on the China platform, USD on the global one.</summary>
    public KimiBalance GetBalance(CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>The server's token count for a would-be request (<c>/v1/tokenizers/estimate-token-count</c>).</summary>
    public int EstimateTokenCount(ChatRequest request, CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>
    /// Diagnoses the connection: reachability, authentication, latency and balance. On a 401 from a
    /// Kimi host, asks the other platform's host whether the key belongs there (keys do not cross).
    /// Never throws for a failed check: the result says what failed.
    /// </summary>
    public KimiConnectionTest TestConnection(CancellationToken ct = default) => throw new NotImplementedException();
}
