using System.Globalization;

namespace KimiPS.Core;

/// <summary>Numbers in messages, printed the way a user typed them (0.7, not 0.69999999999999996).</summary>
internal static class PolicyText
{
    public static string Number(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return value.ToString(CultureInfo.InvariantCulture);
        // decimal keeps 15 significant digits: the compact form on every runtime (.NET Framework's "R" is not).
        try { return ((decimal)value).ToString(CultureInfo.InvariantCulture); }
        catch (OverflowException) { return value.ToString("R", CultureInfo.InvariantCulture); }
    }
}
