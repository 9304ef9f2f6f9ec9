using KimiPS.Core;

namespace KimiPS.Core.Tests.Client;

/// <summary>DESIGN.md §7: bad chat input is refused before any request, naming the parameter.</summary>
public sealed class BadInputTests : EmulatorTest
{
    public static TheoryData<string, Action<ChatRequest>> Cases() => new()
    {
        { "Prompt", r => r.Messages = new List<ChatMessage> { ChatMessage.User("   ") } },
        { "Messages", r => r.Messages.Clear() },
        { "Model", r => r.Model = "" },
        { "Temperature", r => { r.Model = "kimi-k2-custom"; r.Temperature = 1.2; } },
        { "N", r => { r.Model = "kimi-k2-custom"; r.N = 9; } },
        { "Tool", r => r.Tools = new List<ChatTool> { ChatTool.Function("lookup", "d", "[1,2]") } },
        { "Tool", r => r.Tools = new List<ChatTool> { ChatTool.Function("bad name!", "d", """{"type":"object"}""") } },
        { "Stop", r => r.Stop = Enumerable.Range(0, 6).Select(i => "s" + i).ToList() },
        { "ReasoningEffort", r => { r.Model = "kimi-k3"; r.ReasoningEffort = "extreme"; } },
        { "Image", r => r.Messages = new List<ChatMessage> { ChatMessage.UserParts(ChatContentPart.FromText("look"), ChatContentPart.Image("https://example.com/cat.png")) } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Refused_before_sending(string parameter, Action<ChatRequest> spoil)
    {
        using var client = Client();
        var request = Ask("fine");
        spoil(request);
        var ex = Assert.Throws<KimiException>(() => client.Chat(request));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Equal(KimiErrorCategories.InvalidArgument, ex.Category);
        Assert.Contains(parameter, ex.Message);
        Assert.False(string.IsNullOrWhiteSpace(ex.RecommendedAction));
        Assert.Throws<KimiException>(() => client.ChatStream(request)); // checked when the stream is created
        Assert.Equal(0, Emulator.Counters.Requests);
    }
}
