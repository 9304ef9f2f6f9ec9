namespace KimiPS.Core;

/// <summary>A key and endpoint found in the environment (MOONSHOT_API_KEY, MOONSHOT_BASE_URL).</summary>
internal sealed class EnvironmentConnection
{
    public EnvironmentConnection(string apiKey, Uri baseUri, KimiRegion region)
    {
        ApiKey = apiKey;
        BaseUri = baseUri;
        Region = region;
    }

    public string ApiKey { get; }
    public Uri BaseUri { get; }
    public KimiRegion Region { get; }
}

/// <summary>The connection decisions that need no PowerShell: endpoint from region or URI, environment fallback, validation messages.</summary>
internal static class ConnectionSettings
{
    public const string DefaultModel = "kimi-k2.6";
    public const string ApiKeyVariable = "MOONSHOT_API_KEY";
    public const string BaseUrlVariable = "MOONSHOT_BASE_URL";

    /// <summary>
    /// -BaseUri wins over -Region; the region of a URI is China/Global for the two Kimi hosts, else Custom.
    /// The static checks of the URI (absolute, https or loopback http, no user info) run here, so no
    /// connection that every later call would refuse is ever stored, whatever -SkipValidation says.
    /// </summary>
    public static (Uri BaseUri, KimiRegion Region) ResolveEndpoint(KimiRegion region, Uri? baseUri, string parameterName = "BaseUri")
    {
        if (baseUri is null) return (region == KimiRegion.Global ? KimiEndpoints.Global : KimiEndpoints.China, region == KimiRegion.Global ? KimiRegion.Global : KimiRegion.China);
        if (!baseUri.IsAbsoluteUri)
            throw Errors.InvalidParameter(parameterName, $"is '{baseUri}', which is not an absolute URI", "Pass a full URI such as https://api.moonshot.ai/v1/.");
        Endpoint.Validate(baseUri, parameterName);
        var normalized = baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        return (normalized, KimiRegions.Of(normalized));
    }

    /// <summary>-Region as typed: China or Global (any case). A string parameter, so a wrong value is our error, with its fix.</summary>
    public static KimiRegion ParseRegion(string? region)
    {
        if (string.Equals(region?.Trim(), nameof(KimiRegion.China), StringComparison.OrdinalIgnoreCase)) return KimiRegion.China;
        if (string.Equals(region?.Trim(), nameof(KimiRegion.Global), StringComparison.OrdinalIgnoreCase)) return KimiRegion.Global;
        throw Errors.InvalidParameter("Region", $"is '{region}', which is not a Kimi platform",
            "Use -Region China (api.moonshot.cn, the default) or -Region Global (api.moonshot.ai); for any other endpoint use -BaseUri.");
    }

    /// <summary>A whole-number setting outside its range, caught before anything is sent.</summary>
    public static void CheckRange(string parameterName, long value, long min, long max, string meaning)
    {
        if (value >= min && value <= max) return;
        var range = max == int.MaxValue ? $"{min} or more" : $"from {min} to {max}";
        throw Errors.InvalidParameter(parameterName, $"is {value}, which is out of range", $"Pass {range}: {meaning}.");
    }

    /// <summary>A model id must have text: an empty one would only fail at the server.</summary>
    public static string CheckModel(string? model, string parameterName = "Model")
    {
        if (string.IsNullOrWhiteSpace(model))
            throw Errors.InvalidParameter(parameterName, "is empty", "Pass a model id such as kimi-k2.6 (Get-KimiModel lists them), or omit it to use the default.");
        return model!.Trim();
    }

    /// <summary>A proxy must be an absolute http(s) URI without credentials: those go in -ProxyCredential, where no view shows them.</summary>
    public static Uri? CheckProxy(Uri? proxy, bool hasCredential = false)
    {
        if (proxy is null)
        {
            // Credentials with nothing to use them would be silently ignored.
            if (hasCredential)
                throw Errors.InvalidParameter("ProxyCredential", "is given without -Proxy",
                    "Pass the proxy too (-Proxy http://host:port -ProxyCredential (Get-Credential)), or omit -ProxyCredential.");
            return null;
        }
        if (!proxy.IsAbsoluteUri || (proxy.Scheme != Uri.UriSchemeHttp && proxy.Scheme != Uri.UriSchemeHttps))
            throw Errors.InvalidParameter("Proxy", $"is '{proxy}', which is not an http:// or https:// URI", "Pass the proxy as http://host:port.");
        if (proxy.UserInfo.Length > 0)
            throw Errors.InvalidParameter("Proxy", "carries a user name or password", "Remove them from the URI and pass them with -ProxyCredential (Get-Credential).");
        return proxy;
    }

    /// <summary>The environment's connection, or null when MOONSHOT_API_KEY is not set.</summary>
    public static EnvironmentConnection? FromEnvironment(Func<string, string?> getVariable)
    {
        var key = getVariable(ApiKeyVariable)?.Trim();
        if (string.IsNullOrEmpty(key)) return null;
        Uri? baseUri = null;
        var url = getVariable(BaseUrlVariable)?.Trim();
        if (!string.IsNullOrEmpty(url) && !Uri.TryCreate(url, UriKind.Absolute, out baseUri))
            throw Errors.InvalidParameter(BaseUrlVariable, $"(an environment variable) is '{url}', which is not an absolute URI",
                "Set MOONSHOT_BASE_URL to a full URI such as https://api.moonshot.ai/v1, or remove it to use the China platform.");
        var (resolved, region) = ResolveEndpoint(KimiRegion.China, baseUri, BaseUrlVariable + " (an environment variable)");
        return new EnvironmentConnection(key!, resolved, region);
    }

    /// <summary>The error for a failed Connect-Kimi validation: the test's own id, and on a 401 which platform the key belongs to.</summary>
    public static KimiException ValidationFailed(KimiConnectionTest test, KimiRegion region)
    {
        var id = test.ErrorId ?? (test.Reachable ? KimiErrorIds.AuthenticationFailed : KimiErrorIds.ConnectionFailed);
        // Anything but a rejected key is reported as itself: its own category and advice (a proxy that failed,
        // a BaseUri without /v1/), not as an authentication problem.
        if (id != KimiErrorIds.AuthenticationFailed && test.Failure is { } failure)
        {
            var advice = failure.RecommendedAction;
            if (id is KimiErrorIds.ConnectionFailed or KimiErrorIds.Timeout or KimiErrorIds.ServerError)
                advice = (advice is null ? "" : advice + " ") + "To store the connection without this check, use -SkipValidation.";
            return new KimiException(failure.ErrorId, failure.Category, failure.Message, advice, failure);
        }
        var category = id switch
        {
            KimiErrorIds.AuthenticationFailed => KimiErrorCategories.AuthenticationError,
            KimiErrorIds.ConnectionFailed or KimiErrorIds.StreamInterrupted => KimiErrorCategories.ConnectionError,
            KimiErrorIds.Timeout => KimiErrorCategories.OperationTimeout,
            KimiErrorIds.PermissionDenied => KimiErrorCategories.PermissionDenied,
            KimiErrorIds.QuotaExceeded => KimiErrorCategories.QuotaExceeded,
            KimiErrorIds.ServerError => KimiErrorCategories.ResourceUnavailable,
            KimiErrorIds.ProtocolError => KimiErrorCategories.ProtocolError,
            KimiErrorIds.NotFound or KimiErrorIds.ModelNotFound => KimiErrorCategories.ObjectNotFound,
            KimiErrorIds.InvalidParameter => KimiErrorCategories.InvalidArgument,
            _ => KimiErrorCategories.AuthenticationError,
        };
        var message = string.IsNullOrWhiteSpace(test.Message) ? $"The connection to {test.BaseUri} failed ({id})." : test.Message;
        string action;
        if (id == KimiErrorIds.AuthenticationFailed && Enum.TryParse<KimiRegion>(test.KeyRegion, true, out var keyRegion) && keyRegion != region)
        {
            message += $" The key belongs to the {keyRegion} platform, not {region}.";
            action = $"Run Connect-Kimi again with -Region {keyRegion} (keys from platform.moonshot.{(keyRegion == KimiRegion.Global ? "ai" : "cn")} work only there).";
        }
        else if (id == KimiErrorIds.AuthenticationFailed)
        {
            action = "Check the key on the platform's console (China: platform.moonshot.cn, Global: platform.moonshot.ai) and its -Region; a key works only on the platform that issued it.";
        }
        else
        {
            action = "Check the network, proxy (-Proxy) and -BaseUri, or run Test-KimiConnection for details. Use -SkipValidation to connect without checking.";
        }
        return new KimiException(id, category, message, action);
    }

    /// <summary>What Test-KimiConnection reports when no key is configured (it never throws for a failed check).</summary>
    public static KimiConnectionTest NotConnectedResult()
    {
        var error = Errors.NotConnected();
        return new KimiConnectionTest
        {
            ErrorId = error.ErrorId,
            Message = error.Message + " " + error.RecommendedAction,
        };
    }
}
