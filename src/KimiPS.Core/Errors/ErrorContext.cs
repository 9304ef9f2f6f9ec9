namespace KimiPS.Core;

/// <summary>
/// Which kind of call failed. The same status can mean different things per endpoint:
/// a 404 from chat/completions is an unknown model, from files/{id} an unknown file.
/// </summary>
internal enum ErrorContext
{
    Chat,
    Files,
    Upload,
    Models,
    Account,
    Other,
}
