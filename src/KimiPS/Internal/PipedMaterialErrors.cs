using KimiPS.Core;

namespace KimiPS;

/// <summary>Errors of piped material (see <see cref="PipedInput"/>); the ids come from the catalogue.</summary>
internal static class PipedMaterialErrors
{
    /// <summary>A SecureString, PSCredential or NetworkCredential, piped or held by a piped object: never sent to the model.</summary>
    public static KimiException SecretRefused(Type type, string path)
    {
        var where = path.Length == 0 ? $"cannot take a {type.Name}" : $"got an object whose property '{path}' holds a {type.Name}";
        var fix = path.Length == 0
            ? "Secrets are never sent to the model: pipe what the model needs instead (for a credential, its UserName)."
            : $"Secrets are never sent to the model: leave '{path}' out with Select-Object (... | Select-Object -ExcludeProperty {path.Split('.', '[')[0]} | Invoke-KimiChat ...).";
        return new KimiException(KimiErrorIds.UnsupportedInput, KimiErrorCategories.SecurityError,
            $"Parameter 'InputObject' {where}; secrets are not sent to the model.", fix);
    }

    /// <summary>An object piped without -Prompt: there is no question about it.</summary>
    public static KimiException ObjectNeedsPrompt(object item) =>
        Errors.InvalidParameter("Prompt",
            $"is empty: a {item.GetType().Name} was piped, which is material, but there is no question about it",
            "Pass the question with -Prompt, for example: Get-Process -Id $PID | Invoke-KimiChat 'How much memory does this use?'. " +
            "Only piped text is a prompt by itself.");
}
