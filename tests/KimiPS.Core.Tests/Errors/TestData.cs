using System.Text;

namespace KimiPS.Core.Tests.Errors;

internal static class TestData
{
    public const string ApiKey = "sk-TESTKEY0123456789abcdefghijklmnopqrstuv";

    public static Dictionary<string, string> Headers(params (string Name, string Value)[] pairs)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in pairs) headers[name] = value;
        return headers;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static KimiApiException Response(int status, string body, string context = "Chat", Dictionary<string, string>? headers = null) =>
        ErrorCatalog.FromResponse(status, headers ?? Headers(), Utf8(body), ApiKey, Enum.Parse<ErrorContext>(context));

    public static string Kimi(string type, string message) =>
        $"{{\"error\":{{\"type\":\"{type}\",\"message\":\"{message}\"}}}}";

    public static string Gateway(string code, string message) =>
        $"{{\"error\":{{\"code\":\"{code}\",\"message\":\"{message}\"}},\"trace_id\":\"9b1d2c3e-0000-4000-8000-000000000001\"}}";
}
