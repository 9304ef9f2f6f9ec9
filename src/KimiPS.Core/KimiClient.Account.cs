using System.Diagnostics;

namespace KimiPS.Core;

public sealed partial class KimiClient
{
    /// <summary>The models this account can use, from <c>/v1/models</c>.</summary>
    /// <remarks>A 404 here means the BaseUri is not an API root (usually no <c>/v1/</c>), and says so.</remarks>
    public IReadOnlyList<KimiModel> ListModels(CancellationToken ct = default)
    {
        try
        {
            using var json = GetJson("models", ErrorContext.Models, "the model list", ct);
            return json.RootElement.DataItems().Select(AccountReaders.Model).ToList();
        }
        catch (KimiApiException ex) when (ex.StatusCode == 404)
        {
            throw AccountErrors.NoModelList(_options.BaseUri, ex);
        }
    }

    /// <summary>The account balance; currency CNY on the China platform, USD on the global one.</summary>
    public KimiBalance GetBalance(CancellationToken ct = default)
    {
        using var json = GetJson("users/me/balance", ErrorContext.Account, "the balance", ct);
        return AccountReaders.Balance(json.RootElement, KimiRegions.CurrencyOf(_options.BaseUri));
    }

    /// <summary>The server's token count for a would-be request (<c>/v1/tokenizers/estimate-token-count</c>).</summary>
    public int EstimateTokenCount(ChatRequest request, CancellationToken ct = default)
    {
        var body = ChatRequestWriter.EstimateBody(Prepare(request).Wire);
        var (bytes, _) = Run(_http.SendForBytesAsync(HttpMethod.Post, "tokenizers/estimate-token-count", () => JsonContent(body), ErrorContext.Account, ct));
        using var json = JsonRead.Parse(bytes, "the token estimate");
        return AccountReaders.TokenCount(json.RootElement);
    }

    /// <summary>
    /// Diagnoses the connection: reachability, authentication, latency and balance. On a 401 from a
    /// Kimi host, asks the other platform's host whether the key belongs there (keys do not cross).
    /// Never throws for a failed check: the result says what failed.
    /// </summary>
    public KimiConnectionTest TestConnection(CancellationToken ct = default)
    {
        var result = new KimiConnectionTest { BaseUri = _options.BaseUri, KeyRegion = KimiRegions.NameOf(_options.BaseUri) };
        var clock = Stopwatch.StartNew();
        try
        {
            ListModels(ct);
            result.Latency = clock.Elapsed;
            result.Reachable = result.Authenticated = true;
            result.Balance = TryBalance(ct);
            result.Message = $"Connected to {_options.BaseUri.Host} in {result.Latency.Value.TotalMilliseconds:0} ms"
                + (result.Balance is null ? "." : $"; available balance {result.Balance}.");
        }
        catch (KimiException ex) when (ex.ErrorId == KimiErrorIds.AuthenticationFailed)
        {
            result.Latency = clock.Elapsed;
            result.Reachable = true;
            result.ErrorId = ex.ErrorId;
            result.Failure = ex;
            result.KeyRegion = KeyRegionElsewhere(ct);
            result.Message = result.KeyRegion is { } region
                ? $"The key was rejected by {_options.BaseUri.Host}, but it belongs to the {region} platform: connect with -Region {region}."
                : $"The key was rejected by {_options.BaseUri.Host}: {ex.RecommendedAction}";
        }
        catch (KimiException ex)
        {
            result.ErrorId = ex.ErrorId;
            result.Failure = ex;
            result.Reachable = ex is KimiApiException;
            result.Message = ex.Message;
        }
        return result;
    }

    private KimiBalance? TryBalance(CancellationToken ct)
    {
        try
        {
            return GetBalance(ct);
        }
        catch (KimiException ex)
        {
            // Gateways often have no balance endpoint; the connection still works.
            Emit(KimiDiagnosticLevel.Debug, $"No balance: {ex.ErrorId}.");
            return null;
        }
    }

    /// <summary>The platform that accepts this key, when it is the other Kimi platform; null otherwise.</summary>
    private string? KeyRegionElsewhere(CancellationToken ct)
    {
        var other = _options.AlternateBaseUri ?? KimiRegions.Other(_options.BaseUri);
        if (other is null) return null;
        var probeOptions = _options.Clone();
        probeOptions.BaseUri = other;
        probeOptions.MaxRetries = 0;
        probeOptions.AlternateBaseUri = null;
        try
        {
            using var probe = new KimiClient(probeOptions);
            probe.ListModels(ct);
            return KimiRegions.NameOf(other) ?? other.Host;
        }
        catch (KimiException)
        {
            return null;
        }
    }
}
