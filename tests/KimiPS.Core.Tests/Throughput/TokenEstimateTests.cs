using KimiPS.Core;

namespace KimiPS.Core.Tests.Throughput;

public sealed class TokenEstimateTests
{
    [Fact]
    public void Text_counts_about_four_utf8_bytes_a_token_rounded_up()
    {
        Assert.Equal(25, TokenEstimate.Of(new ChatInput { Prompt = new string('a', 100) }));
        Assert.Equal(1, TokenEstimate.Of(new ChatInput { Prompt = "a" }));
        Assert.Equal(0, TokenEstimate.Of(new ChatInput()));
        // Chinese: 3 bytes a character, so 100 characters estimate 75 tokens (the tokenizer uses about 70 to 100).
        Assert.Equal(75, TokenEstimate.Of(new ChatInput { Prompt = new string('中', 100) }));
    }

    [Fact]
    public void Every_part_of_the_request_counts()
    {
        var input = new ChatInput { Prompt = new string('p', 40), PipedText = new string('t', 40), SystemPrompt = new string('s', 40) };
        input.Messages.Add(ChatMessage.User(new string('m', 40)));
        input.Files.Add(new KimiFileContent("file-1", "a.txt", new string('f', 40)));
        input.History = new List<ChatMessage> { ChatMessage.Assistant(new string('h', 40)) };
        input.Images.Add(ChatContentPart.Image("https://example.invalid/x.png"));

        Assert.Equal(6 * 10 + TokenEstimate.TokensPerImage, TokenEstimate.Of(input));
    }

    [Fact]
    public void A_document_still_to_be_fetched_counts_by_its_size()
    {
        var input = new ChatInput { Prompt = "q" };
        input.PendingFiles.Add(new KimiFile { Id = "file-1", FileName = "big.txt", Bytes = 4000 });

        Assert.Equal(1001, TokenEstimate.Of(input));
    }
}
