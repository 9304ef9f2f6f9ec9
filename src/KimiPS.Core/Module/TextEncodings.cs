using System.Text;

namespace KimiPS.Core;

/// <summary>
/// Saved text files as PowerShell writes them: UTF-8 with or without a BOM (7.x, Set-Content -Encoding UTF8 in 5.1),
/// and UTF-16 LE (Out-File and &gt; in Windows PowerShell 5.1) or BE with a BOM. JSON parsing wants UTF-8 without a BOM.
/// </summary>
internal static class TextEncodings
{
    public static ReadOnlyMemory<byte> ToUtf8(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return new ReadOnlyMemory<byte>(bytes, 3, bytes.Length - 3);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return Encoding.UTF8.GetBytes(Decode(new UnicodeEncoding(false, false, true), bytes));
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return Encoding.UTF8.GetBytes(Decode(new UnicodeEncoding(true, false, true), bytes));
        return bytes;
    }

    /// <summary>Strict: a broken UTF-16 file is an invalid file, not text with replacement characters.</summary>
    private static string Decode(Encoding encoding, byte[] bytes)
    {
        try
        {
            return encoding.GetString(bytes, 2, bytes.Length - 2);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InvalidDataException(Msg.Utf16Invalid.Format(ex.Message), ex);
        }
    }
}
