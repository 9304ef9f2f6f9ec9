using System.Collections;
using System.Globalization;
using System.Text;

namespace KimiPS.Core;

/// <summary>
/// Writes one piped object as compact JSON the model can read: scalars as themselves, dictionaries and objects
/// with properties as JSON objects, collections as arrays, within <see cref="MaterialLimits"/>. What does not
/// fit is noted in <see cref="MaterialCuts"/> (never silently dropped). Not thread-safe: one per pipeline.
/// </summary>
internal sealed class MaterialJson
{
    private readonly IMaterialShape _shape;
    private readonly MaterialCuts _cuts;
    private readonly StringBuilder _json = new();

    public MaterialJson(IMaterialShape shape, MaterialCuts cuts)
    {
        _shape = shape ?? throw new ArgumentNullException(nameof(shape));
        _cuts = cuts ?? throw new ArgumentNullException(nameof(cuts));
    }

    public MaterialCuts Cuts => _cuts;

    /// <summary>The JSON of <paramref name="value"/>; throws what <see cref="IMaterialShape.Adapt"/> throws (a secret).</summary>
    public string Write(object? value)
    {
        _json.Clear();
        _cuts.BeginObject();
        WriteValue(value, 1, "", top: true);
        return _json.ToString();
    }

    /// <summary>Thrown inside one member when its object outgrows <see cref="MaterialLimits.MaxObjectChars"/>: that member is left out.</summary>
    private sealed class TooLarge : Exception
    {
    }

    private void WriteValue(object? value, int level, string path, bool top = false)
    {
        if (value != null) value = _shape.Adapt(value, path);
        if (value is null || value is DBNull)
        {
            Append("null");
            return;
        }
        if (TryWriteScalar(value)) return;
        if (level > MaterialLimits.MaxDepth)
        {
            _cuts.Flattened(path);
            WriteString(Text(value));
            return;
        }
        if (value is IDictionary dictionary)
        {
            var entries = new List<KeyValuePair<string, Func<object?>>>();
            foreach (DictionaryEntry entry in dictionary)
            {
                var v = entry.Value;
                entries.Add(new(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", () => v));
            }
            WriteMembers(entries, level, path, top);
            return;
        }
        if (value is IEnumerable items)
        {
            WriteItems(items, level, path, top);
            return;
        }
        var properties = _shape.Properties(value);
        WriteMembers(properties, level, path, top, () => Text(value));
    }

    /// <summary>An object: its members in order. At the top, a member that makes the object too large is left out and the rest still tried.</summary>
    private void WriteMembers(IEnumerable<KeyValuePair<string, Func<object?>>> members, int level, string path, bool top, Func<string>? emptyText = null)
    {
        var start = _json.Length;
        Append("{");
        var first = true;
        foreach (var member in members)
        {
            var mark = _json.Length;
            var memberPath = path.Length == 0 ? member.Key : path + "." + member.Key;
            try
            {
                if (!first) Append(",");
                WriteString(member.Key);
                Append(":");
                WriteValue(Read(member.Value), level + 1, memberPath);
                first = false;
            }
            catch (TooLarge) when (top)
            {
                _json.Length = mark;
                _cuts.Dropped(memberPath);
            }
        }
        if (first && emptyText != null)
        {
            // No readable property (a plain .NET object): its text says more than {}.
            _json.Length = start;
            WriteString(emptyText());
            return;
        }
        _json.Append('}'); // unchecked: a closing bracket must not make the object fail after its members were cut to fit
    }

    private void WriteItems(IEnumerable items, int level, string path, bool top)
    {
        Append("[");
        var count = 0;
        var itemPath = path + "[]";
        var enumerator = items.GetEnumerator();
        try
        {
            while (true)
            {
                object? item;
                try
                {
                    if (!enumerator.MoveNext()) break;
                    item = enumerator.Current;
                }
                catch (Exception ex) when (ex is not TooLarge and not KimiException)
                {
                    break; // a collection that fails while enumerated: what was read so far
                }
                if (count == MaterialLimits.MaxItems)
                {
                    _cuts.Trimmed(path.Length == 0 ? "(the piped collection)" : path);
                    break;
                }
                var mark = _json.Length;
                try
                {
                    if (count > 0) Append(",");
                    WriteValue(item, level, itemPath);
                    count++;
                }
                catch (TooLarge) when (top)
                {
                    _json.Length = mark;
                    _cuts.Trimmed("(the piped collection)");
                    break;
                }
            }
        }
        finally
        {
            (enumerator as IDisposable)?.Dispose();
        }
        _json.Append(']');
    }

    private static object? Read(Func<object?> getter)
    {
        try
        {
            return getter();
        }
        catch (Exception ex) when (ex is not KimiException)
        {
            return null; // as ConvertTo-Json: a getter that throws (Process.ExitCode of a running process) is null
        }
    }

    private bool TryWriteScalar(object value)
    {
        switch (value)
        {
            case string s: WriteString(s); return true;
            case char c: WriteString(c.ToString()); return true;
            case bool b: Append(b ? "true" : "false"); return true;
            case Enum e: WriteString(e.ToString()); return true;
            case sbyte or byte or short or ushort or int or uint or long or ulong or decimal:
                Append(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                return true;
            case float f: WriteNumber(f); return true;
            case double d: WriteNumber(d); return true;
            case DateTime dt: WriteString(dt.ToString("o", CultureInfo.InvariantCulture)); return true;
            case DateTimeOffset dto: WriteString(dto.ToString("o", CultureInfo.InvariantCulture)); return true;
            case TimeSpan ts: WriteString(ts.ToString("c", CultureInfo.InvariantCulture)); return true;
            case Guid or Uri or Version or IntPtr or UIntPtr or System.Net.IPAddress or Encoding or CultureInfo:
                WriteString(Text(value));
                return true;
            case Type t: WriteString(t.FullName ?? t.Name); return true;
            case System.Reflection.MemberInfo or System.Reflection.Assembly: WriteString(Text(value)); return true;
            default: return false;
        }
    }

    private void WriteNumber(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) WriteString(d.ToString(CultureInfo.InvariantCulture));
        else Append(d.ToString("R", CultureInfo.InvariantCulture));
    }

    private static string Text(object value)
    {
        string? text;
        try
        {
            text = Convert.ToString(value, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is not KimiException)
        {
            text = null;
        }
        text ??= value.GetType().FullName ?? "";
        return text.Length <= MaterialLimits.MaxTextChars ? text : text.Substring(0, MaterialLimits.MaxTextChars) + "…";
    }

    private void WriteString(string s)
    {
        Append("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': _json.Append("\\\""); break;
                case '\\': _json.Append("\\\\"); break;
                case '\n': _json.Append("\\n"); break;
                case '\r': _json.Append("\\r"); break;
                case '\t': _json.Append("\\t"); break;
                default:
                    if (c < 0x20) _json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else _json.Append(c);
                    break;
            }
            if (_json.Length > MaterialLimits.MaxObjectChars) throw new TooLarge();
        }
        Append("\"");
    }

    private void Append(string s)
    {
        _json.Append(s);
        if (_json.Length > MaterialLimits.MaxObjectChars) throw new TooLarge();
    }
}
