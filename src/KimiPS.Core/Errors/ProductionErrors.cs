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
            Msg.SecretManagementMissing.Format(secretName, SecretManagementModule),
            Msg.SecretManagementMissingFix.Format(SecretManagementModule));

    public static KimiException SecretUnavailable(string secretName, string? vault, string problem, Exception? inner = null) =>
        new(KimiProductionErrorIds.SecretUnavailable, KimiErrorCategories.ObjectNotFound,
            vault is null ? Msg.SecretUnavailable.Format(secretName, problem) : Msg.SecretUnavailableFromVault.Format(secretName, vault, problem),
            Msg.SecretUnavailableFix, inner);

    public static KimiException SavedConnectionNotFound(string name, string file) =>
        new(KimiProductionErrorIds.SavedConnectionNotFound, KimiErrorCategories.ObjectNotFound,
            Msg.SavedConnectionNotFound.Format(name, file),
            Msg.SavedConnectionNotFoundFix);

    public static KimiException SavedConnectionsUnusable(string file, string problem, Exception? inner = null) =>
        new(KimiProductionErrorIds.SavedConnectionsUnusable, KimiErrorCategories.InvalidData,
            Msg.SavedConnectionsUnusable.Format(file, problem),
            Msg.SavedConnectionsUnusableFix.Format(SavedConnections.HomeVariable), inner);
}
