using KimiPS.Core;

namespace KimiPS.Core.Tests.Module;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("a\u001B]0;evil title\u0007b", "ab")]            // OSC window title, BEL-terminated
    [InlineData("a\u001B]52;c;ZXZpbA==\u001B\\b", "ab")]         // OSC 52 clipboard write, ST-terminated
    [InlineData("a\u001B[2Jb", "ab")]                            // clear screen
    [InlineData("a\u001B[38;5;196mred\u001B[0m", "ared")]        // colours
    [InlineData("a\u001B[?1049hb", "ab")]                        // private mode (alternate screen)
    [InlineData("a\u001BPq#0;2;0;0;0\u001B\\b", "ab")]           // DCS (sixel)
    [InlineData("a\u001Bcb", "ab")]                              // RIS: full reset
    [InlineData("a\u001B(Bb", "ab")]                             // charset selection
    [InlineData("a\u009B2Jb", "ab")]                             // 8-bit CSI
    [InlineData("a\u009D0;t\u009Cb", "ab")]                      // 8-bit OSC and ST
    [InlineData("a\u0008\u0008b\u007F\u0000", "ab")]             // backspace, DEL, NUL
    [InlineData("over\rwrite", "overwrite")]                     // a lone CR rewrites the line
    [InlineData("a\u001B]0;never ends", "a")]                    // unterminated OSC
    [InlineData("a\u001B", "a")]
    public void Control_sequences_are_removed(string raw, string shown) => Assert.Equal(shown, TerminalText.Clean(raw));

    [Theory]
    [InlineData("line 1\nline 2\r\n\tindented")]
    [InlineData("Ünïcödé 😀 中文")]
    [InlineData("")]
    public void Text_newlines_and_tabs_are_kept(string text) => Assert.Equal(text, TerminalText.Clean(text));

    [Fact]
    public void Null_is_empty() => Assert.Equal("", TerminalText.Clean(null));
}
