namespace KimiPS.Core;

/// <summary>Builds the client-side errors of the catalogue (DESIGN.md §3.4). Server errors: <c>ErrorCatalog</c>.</summary>
internal static class Errors
{
    /// <summary>Bad input caught before sending: names the parameter, what is wrong and the fix.</summary>
    public static KimiException InvalidParameter(string parameterName, string problem, string fix) =>
        new(KimiErrorIds.InvalidParameter, KimiErrorCategories.InvalidArgument,
            $"Parameter '{parameterName}' {problem}.", fix);

    public static KimiException NotConnected() =>
        new(KimiErrorIds.NotConnected, KimiErrorCategories.AuthenticationError,
            "No Kimi API key is configured.",
            "Run Connect-Kimi -ApiKey (Read-Host -AsSecureString), or set the MOONSHOT_API_KEY environment variable.");
}
