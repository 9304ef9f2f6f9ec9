namespace KimiPS.Core;

/// <summary>
/// How a piped object is seen, supplied by the module (PowerShell's view: adapted and extended properties,
/// error records, secrets), so that <see cref="MaterialJson"/> stays free of PowerShell.
/// </summary>
internal interface IMaterialShape
{
    /// <summary>
    /// What to write in place of <paramref name="value"/> (a PSObject's base object, an error's description, a
    /// connection's safe view), or the value itself. Throws a <see cref="KimiException"/> for a secret.
    /// </summary>
    /// <param name="value">Not null.</param>
    /// <param name="path">Where the value sits in the piped object ("" for the object itself), for the error.</param>
    object? Adapt(object value, string path);

    /// <summary>The properties of an object that is not a scalar, a dictionary or a collection, in order; values are read lazily (a getter may throw).</summary>
    IEnumerable<KeyValuePair<string, Func<object?>>> Properties(object value);
}
