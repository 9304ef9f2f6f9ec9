using System.Globalization;
using KimiPS.Core;

namespace KimiPS.Mono.Tests;

/// <summary>
/// The message table on the .NET Framework code paths: a Simplified Chinese UI culture (with the framework's own
/// culture data and parent chain) reads Chinese, Traditional Chinese reads English, and async work keeps the
/// caller's language.
/// </summary>
public static class LocalizationTests
{
    private static T InCulture<T>(string name, Func<T> body)
    {
        var thread = Thread.CurrentThread;
        var before = thread.CurrentUICulture;
        try
        {
            thread.CurrentUICulture = new CultureInfo(name);
            return body();
        }
        finally
        {
            thread.CurrentUICulture = before;
        }
    }

    // Not a fixed-sampling model, so a temperature out of range is refused before anything is sent.
    private static ChatRequest BadTemperature() => new("moonshot-v1-8k", ChatMessage.User("hi")) { Temperature = 5 };

    private static string MessageIn(string culture, bool async = false) => InCulture(culture, () =>
    {
        using var client = ClientTests.NewClient();
        var ex = Check.Throws<KimiException>(() =>
        {
            if (async) client.ChatAsync(BadTemperature()).GetAwaiter().GetResult();
            else client.Chat(BadTemperature());
        }, "a temperature of 5 is refused");
        Check.Equal("KimiInvalidParameter", ex.ErrorId, "the error id does not change with the language");
        return ex.Message + " " + ex.RecommendedAction;
    });

    private static bool HasChinese(string text) => text.Any(c => c >= '\u4e00' && c <= '\u9fff');

    [MonoTest]
    public static void Simplified_Chinese_cultures_read_Chinese()
    {
        foreach (var culture in new[] { "zh-CN", "zh-SG", "zh-Hans" })
        {
            var text = MessageIn(culture);
            Check.True(HasChinese(text) && text.Contains("参数“Temperature”"), culture + " reads Chinese: " + text);
        }
    }

    [MonoTest]
    public static void Other_cultures_read_English()
    {
        foreach (var culture in new[] { "zh-TW", "en-US", "de-DE" })
        {
            var text = MessageIn(culture);
            Check.True(!HasChinese(text) && text.StartsWith("Parameter 'Temperature' is 5", StringComparison.Ordinal), culture + " reads English: " + text);
        }
    }

    [MonoTest]
    public static void Async_work_keeps_the_callers_language() =>
        Check.True(HasChinese(MessageIn("zh-CN", async: true)), "ChatAsync under zh-CN reads Chinese");
}
