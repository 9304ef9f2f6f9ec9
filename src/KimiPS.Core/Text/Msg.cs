namespace KimiPS.Core;

/// <summary>
/// The module's message table: every error message, recommended action, warning, verbose line and progress
/// text that KimiPS writes, in English and Simplified Chinese, one <see cref="LocalizedText"/> per message.
/// One partial file per area (Msg.Errors.cs, Msg.Policy.cs, Msg.Cmdlets.cs, …); the cmdlets (KimiPS.dll)
/// use the same table through InternalsVisibleTo.
/// </summary>
/// <remarks>
/// To add a message: add a field to the area's file, <c>internal static readonly LocalizedText Name = new("English {0}.", "中文 {0}。");</c>,
/// and use <c>Msg.Name</c> where a string goes (or <c>Msg.Name.Format(arg)</c> when it has placeholders).
/// The Chinese follows Kimi's own Chinese documentation terms (模型, 上下文长度, 文件, 余额, 速率限制, 并发, 请求, API Key);
/// parameter names, cmdlet names, ids and URLs stay as they are. tests/KimiPS.Core.Tests/Text/MessageTableTests.cs
/// checks every row (both languages, the same placeholders, the same -Parameter and cmdlet names), and
/// UntranslatedMessageTests lists message literals left outside the table.
/// </remarks>
internal static partial class Msg
{
}
