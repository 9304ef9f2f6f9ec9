namespace KimiPS.Core;

internal static class ProductionErrors
{
    public const string SecretManagementModule = "Microsoft.PowerShell.SecretManagement";

    public static KimiException SecretManagementMissing(string secretName) =>
        new(KimiErrorIds.SecretManagementMissing, KimiErrorCategories.NotInstalled,
            Msg.SecretManagementMissing.Format(secretName, SecretManagementModule),
            Msg.SecretManagementMissingFix.Format(SecretManagementModule));

    public static KimiException SecretUnavailable(string secretName, string? vault, string problem, Exception? inner = null) =>
        new(KimiErrorIds.SecretUnavailable, KimiErrorCategories.ObjectNotFound,
            vault is null ? Msg.SecretUnavailable.Format(secretName, problem) : Msg.SecretUnavailableFromVault.Format(secretName, vault, problem),
            Msg.SecretUnavailableFix, inner);

    public static KimiException SavedConnectionNotFound(string name, string file) =>
        new(KimiErrorIds.SavedConnectionNotFound, KimiErrorCategories.ObjectNotFound,
            Msg.SavedConnectionNotFound.Format(name, file),
            Msg.SavedConnectionNotFoundFix);

    public static KimiException SavedConnectionsUnusable(string file, string problem, Exception? inner = null) =>
        new(KimiErrorIds.SavedConnectionsUnusable, KimiErrorCategories.InvalidData,
            Msg.SavedConnectionsUnusable.Format(file, problem),
            Msg.SavedConnectionsUnusableFix.Format(SavedConnections.HomeVariable), inner);
}
