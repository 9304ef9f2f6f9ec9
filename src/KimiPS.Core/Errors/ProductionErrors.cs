namespace KimiPS.Core;

/// <summary>Error ids of the production features: saved connections and SecretManagement keys. Stable: scripts branch on them.</summary>
public static class KimiProductionErrorIds
{
    /// <summary>-SecretName was given and Get-Secret (Microsoft.PowerShell.SecretManagement) is not available.</summary>
    public const string SecretManagementMissing = "KimiSecretManagementMissing";
    /// <summary>Get-Secret failed, or returned no usable key.</summary>
    public const string SecretUnavailable = "KimiSecretUnavailable";
    /// <summary>Connect-Kimi -Name found no saved connection of that name.</summary>
    public const string SavedConnectionNotFound = "KimiSavedConnectionNotFound";
    /// <summary>The saved-connections file cannot be read or written.</summary>
    public const string SavedConnectionsUnusable = "KimiSavedConnectionsUnusable";
}

internal static class ProductionErrors
{
    public const string SecretManagementModule = "Microsoft.PowerShell.SecretManagement";

    public static KimiException SecretManagementMissing(string secretName) =>
        new(KimiProductionErrorIds.SecretManagementMissing, "NotInstalled",
            $"-SecretName '{secretName}' needs Get-Secret from the {SecretManagementModule} module, which is not installed or cannot be loaded.",
            $"Install it (Install-PSResource {SecretManagementModule}, or Install-Module {SecretManagementModule}) with a vault such as " +
            "Microsoft.PowerShell.SecretStore, and store the key with Set-Secret; or pass -ApiKey, or set MOONSHOT_API_KEY.");

    public static KimiException SecretUnavailable(string secretName, string? vault, string problem, Exception? inner = null) =>
        new(KimiProductionErrorIds.SecretUnavailable, KimiErrorCategories.ObjectNotFound,
            $"Get-Secret could not give the key '{secretName}'{(vault is null ? "" : $" from vault '{vault}'")}: {problem}",
            "Check the name with Get-SecretInfo, unlock the vault (Unlock-SecretStore), and store the key as a string or SecureString secret with Set-Secret.", inner);

    public static KimiException SavedConnectionNotFound(string name, string file) =>
        new(KimiProductionErrorIds.SavedConnectionNotFound, KimiErrorCategories.ObjectNotFound,
            $"There is no saved connection named '{name}' in {file}.",
            "Save one first: Connect-Kimi ... -SaveAs <name>. Tab completion after -Name lists the saved names.");

    public static KimiException SavedConnectionsUnusable(string file, string problem, Exception? inner = null) =>
        new(KimiProductionErrorIds.SavedConnectionsUnusable, KimiErrorCategories.InvalidData,
            $"The saved connections file {file} cannot be used: {problem}",
            $"Fix or delete the file (it is rewritten by Connect-Kimi -SaveAs), or point {SavedConnections.HomeVariable} at another folder.", inner);
}
