using KimiPS.Core;

namespace KimiPS;

/// <summary>Errors of piped material (see <see cref="PipedInput"/>); the ids come from the catalogue.</summary>
internal static class PipedMaterialErrors
{
    /// <summary>A SecureString, PSCredential or NetworkCredential, piped or held by a piped object: never sent to the model.</summary>
    public static KimiException SecretRefused(Type type, string path)
    {
        var where = path.Length == 0 ? Msg.PSecretDirect.Format(type.Name) : Msg.PSecretProperty.Format(path, type.Name);
        var fix = path.Length == 0
            ? Msg.SecretDirectFix
            : Msg.SecretPropertyFix.Format(path, path.Split('.', '[')[0]);
        return new KimiException(KimiErrorIds.UnsupportedInput, KimiErrorCategories.SecurityError,
            Msg.SecretRefused.Format(where), fix);
    }

    /// <summary>An object piped without -Prompt: there is no question about it.</summary>
    public static KimiException ObjectNeedsPrompt(object item) =>
        Errors.InvalidParameter("Prompt",
            Msg.PObjectNoQuestion.Format(item.GetType().Name),
            Msg.ObjectNoQuestionFix);
}
