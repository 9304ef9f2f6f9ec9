namespace KimiPS.Core;

/// <summary>
/// Extra request headers (Connect-Kimi / Invoke-KimiChat -AdditionalHeaders): checked before anything is sent and
/// added to each request. They can never carry or replace the key, nor change how the body is framed.
/// </summary>
internal static class RequestHeaders
{
    /// <summary>Headers the client owns: the key's, the proxy's, and the ones that frame the body.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Content-Type", "Content-Length", "Content-Encoding", "Transfer-Encoding", "Host", "Connection", "Expect",
    };

    /// <summary>A copy of <paramref name="headers"/> after checking every name and value; a bad one is KimiInvalidParameter naming <paramref name="parameterName"/>.</summary>
    public static IDictionary<string, string>? Check(IEnumerable<KeyValuePair<string, string>>? headers, string parameterName)
    {
        if (headers is null) return null;
        var checkedHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in headers)
        {
            var name = pair.Key?.Trim() ?? "";
            if (name.Length == 0 || name.Any(c => c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".IndexOf(c) >= 0))
                throw Errors.InvalidParameter(parameterName, $"has the header name '{TerminalText.Clean(name)}', which is not a valid HTTP header name",
                    "Use names of letters, digits and dashes, such as X-Gateway-Tenant.");
            if (Reserved.Contains(name))
                throw Errors.InvalidParameter(parameterName, $"sets the {name} header, which KimiPS sets itself",
                    name.IndexOf("Authorization", StringComparison.OrdinalIgnoreCase) >= 0
                        ? "The key is sent from Connect-Kimi (-ApiKey, -SecretName or MOONSHOT_API_KEY) only; remove this header."
                        : "Remove this header; the request body's headers follow from the body.");
            var value = pair.Value ?? "";
            if (value.Any(c => c is '\r' or '\n' or '\0'))
                throw Errors.InvalidParameter(parameterName, $"has a line break in the value of {name}", "Pass each header value on one line.");
            checkedHeaders[name] = value;
        }
        return checkedHeaders;
    }

    public static void Add(HttpRequestMessage request, IDictionary<string, string>? headers)
    {
        if (headers is null) return;
        foreach (var pair in headers)
        {
            request.Headers.Remove(pair.Key); // a request's own header replaces the connection's
            request.Headers.TryAddWithoutValidation(pair.Key, pair.Value);
        }
    }
}
