using System.Net.Http.Headers;
using System.Text;

namespace KimiPS.Core;

/// <summary>
/// The Content-Disposition of an upload's file part. Linux and macOS names may hold a quote, a backslash or a
/// line break, which HttpClient refuses (or which would end the header early): the exact name goes in
/// <c>filename*</c> (RFC 5987, UTF-8 percent-encoded), and the plain <c>filename</c> for servers that read only
/// it is escaped as browsers do it (WHATWG: <c>"</c> → %22, CR → %0D, LF → %0A; other control characters alike)
/// with backslashes as RFC 7230 quoted-pairs.
/// </summary>
internal static class MultipartFileName
{
    public static ContentDispositionHeaderValue Disposition(string partName, string fileName) => new("form-data")
    {
        Name = "\"" + partName + "\"",
        FileName = "\"" + Plain(fileName) + "\"",
        FileNameStar = fileName,
    };

    /// <summary>The inside of the quoted plain filename (non-ASCII is left to HttpClient, which MIME-encodes it).</summary>
    public static string Plain(string fileName)
    {
        var builder = new StringBuilder(fileName.Length + 8);
        foreach (var c in fileName)
        {
            if (c == '"' || c < 0x20 || c == 0x7F) builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else if (c == '\\') builder.Append("\\\\");
            else builder.Append(c);
        }
        return builder.ToString();
    }
}
