namespace KimiPS.Core;

/// <summary>Errors of the account endpoints whose meaning differs from the generic catalogue entry.</summary>
internal static class AccountErrors
{
    /// <summary>
    /// A 404 for the model list is never an unknown model: every Kimi-compatible API has <c>/models</c>, so
    /// the BaseUri is not an API root. Almost always the <c>/v1/</c> segment is missing
    /// (<c>https://api.moonshot.cn/</c>), which is what the message says when the path lacks it.
    /// </summary>
    public static KimiApiException NoModelList(Uri baseUri, KimiApiException notFound)
    {
        var root = baseUri.GetLeftPart(UriPartial.Path);
        var lacksV1 = !root.TrimEnd('/').EndsWith("/v1", StringComparison.OrdinalIgnoreCase);
        var problem = lacksV1
            ? Msg.BaseUriLacksV1
            : Msg.BaseUriNotApiRoot;
        return new KimiApiException(KimiErrorIds.NotFound, KimiErrorCategories.ObjectNotFound,
            Msg.NoModelList.Format(root, problem),
            Msg.NoModelListFix,
            notFound.StatusCode, notFound.ErrorType, notFound.ErrorCode, notFound.RequestId, null, notFound)
        {
            Attempts = notFound.Attempts,
        };
    }

    /// <summary>
    /// Get-KimiModel -Name with a literal id the account does not list: ObjectNotFound, as Get-Process -Name
    /// writes for a name with no match, with the ids that do exist.
    /// </summary>
    public static KimiException ModelNotListed(string name, IEnumerable<string> ids) =>
        new(KimiErrorIds.ModelNotFound, KimiErrorCategories.ObjectNotFound,
            Msg.ModelNotListed.Format(name),
            Msg.ModelNotListedFix.Format(string.Join(", ", ids)));
}
