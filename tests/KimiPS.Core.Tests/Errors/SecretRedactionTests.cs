using KimiPS.Core;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.Errors;

public sealed class SecretRedactionTests
{
    private const string Key = "sk-emulator-0123456789abcdef";

    [Theory]
    [InlineData("key=sk-emulator-0123456789abcde end")]      // one character missing
    [InlineData("key=emulator-0123456789abcdef end")]        // the prefix cut off
    [InlineData("key=sk-emulator-0123 end")]                 // a truncated prefix
    [InlineData("key=0123456789abcdef end")]                 // the tail
    [InlineData("a=sk-emulator b=456789abcdef end")]         // two fragments
    public void Fragments_of_eight_or_more_characters_are_redacted(string text)
    {
        var redacted = Secrets.Redact(text, Key);

        AssertNoFragment(redacted);
        Assert.StartsWith(text.Substring(0, 2), redacted);
        Assert.EndsWith(" end", redacted);
    }

    [Fact]
    public void The_whole_key_still_becomes_its_hint()
    {
        Assert.Equal("key=sk-…cdef.", Secrets.Redact("key=" + Key + ".", Key));
    }

    [Theory]
    [InlineData("Invalid Authentication")]
    [InlineData("sk-emul is short")]          // 7 characters of the key: too short to tell apart from chance
    [InlineData("")]
    public void Text_without_a_long_fragment_is_unchanged(string text) => Assert.Equal(text, Secrets.Redact(text, Key));

    [Fact]
    public void A_long_text_is_redacted_in_reasonable_time()
    {
        var text = string.Concat(Enumerable.Repeat("sk-emulator-x ", 5000)) + Key.Substring(1);
        var redacted = Secrets.Redact(text, Key);
        AssertNoFragment(redacted);
    }

    private static void AssertNoFragment(string text)
    {
        for (var i = 0; i + 8 <= Key.Length; i++)
            Assert.DoesNotContain(Key.Substring(i, 8), text);
    }
}

public sealed class SecretRedactionOverHttpTests : KimiPS.Core.Tests.Client.EmulatorTest
{
    [Fact]
    public void A_server_that_echoes_a_truncated_key_has_it_redacted_from_the_error()
    {
        var partial = KimiEmulator.ApiKey.Substring(0, KimiEmulator.ApiKey.Length - 1);
        Emulator.Enqueue(EmulatorResponse.KimiError(401, "invalid_authentication_error", $"key={KimiEmulator.ApiKey} partial={partial} tail={KimiEmulator.ApiKey.Substring(5)}"));
        using var client = Client();

        var ex = Assert.Throws<KimiApiException>(() => client.Chat(Ask("x")));

        for (var i = 0; i + 8 <= KimiEmulator.ApiKey.Length; i++)
            Assert.DoesNotContain(KimiEmulator.ApiKey.Substring(i, 8), ex.ToString());
        Assert.Contains("partial=", ex.Message);
    }
}
