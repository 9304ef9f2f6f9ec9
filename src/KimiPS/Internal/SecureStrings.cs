using System.Runtime.InteropServices;
using System.Security;

namespace KimiPS;

/// <summary>
/// The only place the key leaves its SecureString. Limits, honestly: the plain string we hand to the HTTP
/// core is an ordinary managed string, immutable and copied by the GC, so it cannot be wiped and lives until
/// collected; on Linux and macOS a SecureString is not even encrypted in memory (.NET's own guidance advises
/// against SecureString for new code). It still keeps the key out of the command history, transcripts and
/// the formatter, which is what the PowerShell convention is for. So: convert as late as possible (per client),
/// zero the unmanaged copy at once, and never log the result.
/// </summary>
internal static class SecureStrings
{
    public static string ToPlainText(SecureString secure)
    {
        var ptr = IntPtr.Zero;
        try
        {
            ptr = Marshal.SecureStringToGlobalAllocUnicode(secure);
            return Marshal.PtrToStringUni(ptr) ?? "";
        }
        finally
        {
            if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
        }
    }

    public static SecureString FromPlainText(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
