using System.Text;
using System.Text.Json;

namespace KimiPS.Core;

/// <summary>
/// The per-user file of saved connections, <c>connections.json</c> in KimiPS's configuration folder: the
/// <see cref="HomeVariable"/> folder when set (tests, portable setups), else %APPDATA%\KimiPS on Windows, else
/// $XDG_CONFIG_HOME/KimiPS, else ~/.config/KimiPS (where PowerShell itself keeps its configuration on Linux and
/// macOS). Written whole to a temporary file and moved into place, so a reader never sees half a file.
/// </summary>
internal static class SavedConnections
{
    public const string HomeVariable = "KIMIPS_CONFIG_HOME";
    public const string FileName = "connections.json";
    private const int MaxFileBytes = 1024 * 1024;
    private static readonly object Gate = new();

    public static string Folder(Func<string, string?> getVariable)
    {
        if (NonEmpty(getVariable(HomeVariable)) is { } home) return Path.GetFullPath(home);
        if (System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows))
            return Path.Combine(NonEmpty(getVariable("APPDATA")) ?? Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "KimiPS");
        var config = NonEmpty(getVariable("XDG_CONFIG_HOME"))
                     ?? Path.Combine(NonEmpty(getVariable("HOME")) ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(config, "KimiPS");
    }

    public static string FilePath(Func<string, string?> getVariable) => Path.Combine(Folder(getVariable), FileName);

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    /// <summary>Every saved connection, by name (case-insensitive); empty when the file does not exist.</summary>
    public static IReadOnlyDictionary<string, SavedConnection> Load(string file)
    {
        var result = new Dictionary<string, SavedConnection>(StringComparer.OrdinalIgnoreCase);
        byte[] bytes;
        try
        {
            if (!File.Exists(file)) return result;
            if (new FileInfo(file).Length > MaxFileBytes) throw ProductionErrors.SavedConnectionsUnusable(file, $"it is larger than {MaxFileBytes / 1024} KiB");
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ProductionErrors.SavedConnectionsUnusable(file, ex.Message, ex);
        }
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            if (!doc.RootElement.TryGetProperty("connections", out var list) || list.ValueKind != JsonValueKind.Object)
                throw ProductionErrors.SavedConnectionsUnusable(file, "it has no \"connections\" object");
            foreach (var entry in list.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.Object) continue;
                result[entry.Name] = Read(entry.Name, entry.Value);
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or UriFormatException)
        {
            throw ProductionErrors.SavedConnectionsUnusable(file, "it is not valid JSON: " + ex.Message, ex);
        }
        return result;
    }

    /// <summary>Adds or replaces <paramref name="connection"/>, keeping the others.</summary>
    public static void Save(string file, SavedConnection connection)
    {
        lock (Gate)
        {
            var all = new Dictionary<string, SavedConnection>(Load(file).ToDictionary(p => p.Key, p => p.Value), StringComparer.OrdinalIgnoreCase)
            {
                [connection.Name] = connection,
            };
            var bytes = Write(all.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase));
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                var temp = file + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
                File.WriteAllBytes(temp, bytes);
                if (File.Exists(file)) File.Replace(temp, file, null);
                else File.Move(temp, file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                throw ProductionErrors.SavedConnectionsUnusable(file, ex.Message, ex);
            }
        }
    }

    private static SavedConnection Read(string name, JsonElement e) => new()
    {
        Name = name,
        BaseUri = Str(e, "baseUri") is { } uri ? new Uri(uri, UriKind.Absolute) : null,
        Region = Str(e, "region"),
        Model = Str(e, "model"),
        MaxRetries = Int(e, "maxRetries"),
        TimeoutSec = Int(e, "timeoutSec"),
        Proxy = Str(e, "proxy") is { } proxy ? new Uri(proxy, UriKind.Absolute) : null,
        MaxConcurrency = Int(e, "maxConcurrency"),
        RequestsPerMinute = Int(e, "requestsPerMinute"),
        TokensPerMinute = Int(e, "tokensPerMinute"),
        LogPath = Str(e, "logPath"),
        LogContent = e.TryGetProperty("logContent", out var lc) && lc.ValueKind is JsonValueKind.True or JsonValueKind.False ? lc.GetBoolean() : null,
        SecretName = Str(e, "secretName"),
        Vault = Str(e, "vault"),
        SavedAt = Str(e, "savedAt") is { } at ? DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture) : null,
    };

    private static byte[] Write(IEnumerable<SavedConnection> connections)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteString("note", "KimiPS saved connections (Connect-Kimi -SaveAs). No keys are stored here.");
            w.WriteStartObject("connections");
            foreach (var c in connections)
            {
                w.WriteStartObject(c.Name);
                Opt(w, "baseUri", c.BaseUri?.AbsoluteUri);
                Opt(w, "region", c.Region);
                Opt(w, "model", c.Model);
                Opt(w, "maxRetries", c.MaxRetries);
                Opt(w, "timeoutSec", c.TimeoutSec);
                Opt(w, "proxy", c.Proxy?.AbsoluteUri);
                Opt(w, "maxConcurrency", c.MaxConcurrency);
                Opt(w, "requestsPerMinute", c.RequestsPerMinute);
                Opt(w, "tokensPerMinute", c.TokensPerMinute);
                Opt(w, "logPath", c.LogPath);
                if (c.LogContent is { } content) w.WriteBoolean("logContent", content);
                Opt(w, "secretName", c.SecretName);
                Opt(w, "vault", c.Vault);
                Opt(w, "savedAt", c.SavedAt?.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void Opt(Utf8JsonWriter w, string name, string? value)
    {
        if (value != null) w.WriteString(name, value);
    }

    private static void Opt(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
