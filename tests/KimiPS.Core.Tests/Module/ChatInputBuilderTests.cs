using KimiPS.Core;

namespace KimiPS.Core.Tests.Module;

public class ChatInputBuilderTests
{
    [Theory]
    [InlineData("hello", ChatInputKind.Text)]
    [InlineData("", ChatInputKind.None)]
    [InlineData(42, ChatInputKind.Text)]
    public void Classify_scalars(object input, object expected) =>
        Assert.Equal((ChatInputKind)expected, ChatInputBuilder.Classify(input));

    [Fact]
    public void Classify_module_types()
    {
        Assert.Equal(ChatInputKind.None, ChatInputBuilder.Classify(null));
        Assert.Equal(ChatInputKind.File, ChatInputBuilder.Classify(new KimiFile { Id = "file_1" }));
        Assert.Equal(ChatInputKind.FileContent, ChatInputBuilder.Classify(new KimiFileContent("f", "a.pdf", "text")));
        Assert.Equal(ChatInputKind.Message, ChatInputBuilder.Classify(ChatMessage.User("hi")));
        Assert.Equal(ChatInputKind.Unsupported, ChatInputBuilder.Classify(new FileInfo("x.txt")));
    }

    [Fact]
    public void Unsupported_piped_object_names_InputObject_and_the_fix()
    {
        var ex = Assert.Throws<KimiException>(() => ChatInputBuilder.AddPipedObject(new ChatInput(), new FileInfo("x.pdf")));
        Assert.Equal(KimiErrorIds.UnsupportedInput, ex.ErrorId);
        Assert.Equal("InvalidType", ex.Category);
        Assert.Contains("InputObject", ex.Message);
        Assert.Contains("Get-KimiFileContent", ex.RecommendedAction);
    }

    [Fact]
    public void Piped_string_without_prompt_is_the_prompt()
    {
        var input = new ChatInput();
        ChatInputBuilder.AddPipedObject(input, "What is 2+2?");
        var turn = ChatInputBuilder.Build(input);
        var m = Assert.Single(turn.Request);
        Assert.Equal("user", m.Role);
        Assert.Equal("What is 2+2?", m.Content);
    }

    [Fact]
    public void Piped_string_with_prompt_is_material_before_the_prompt()
    {
        var input = new ChatInput { Prompt = "Summarize" };
        ChatInputBuilder.AddPipedObject(input, "Long report text");
        var m = Assert.Single(ChatInputBuilder.Build(input).Request);
        Assert.Equal("Long report text\n\nSummarize", m.Content);
    }

    [Fact]
    public void Whitespace_prompt_with_piped_text_uses_the_text_as_prompt()
    {
        var input = new ChatInput { Prompt = "   ", PipedText = "Question?" };
        Assert.Equal("Question?", Assert.Single(ChatInputBuilder.Build(input).Request).Content);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n")]
    public void Empty_prompt_and_nothing_piped_is_KimiInvalidParameter_naming_Prompt(string? prompt)
    {
        var ex = Assert.Throws<KimiException>(() => ChatInputBuilder.Build(new ChatInput { Prompt = prompt }));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Contains("'Prompt'", ex.Message);
        Assert.NotNull(ex.RecommendedAction);
    }

    [Fact]
    public void Piped_document_without_prompt_says_a_document_was_piped()
    {
        var input = new ChatInput();
        input.Files.Add(new KimiFileContent("f", "a.pdf", "text"));
        var ex = Assert.Throws<KimiException>(() => ChatInputBuilder.Build(input));
        Assert.Contains("document", ex.Message);
        Assert.Contains("'Prompt'", ex.Message);
    }

    [Fact]
    public void File_content_becomes_a_system_message_before_the_prompt_and_is_new()
    {
        var input = new ChatInput { Prompt = "Summarize", SystemPrompt = "Be brief." };
        ChatInputBuilder.AddPipedObject(input, new KimiFileContent("file_1", "a.pdf", "{\"content\":\"PDF text\"}"));
        var turn = ChatInputBuilder.Build(input);
        Assert.Collection(turn.Request,
            m => { Assert.Equal("system", m.Role); Assert.Equal("Be brief.", m.Content); },
            m => { Assert.Equal("system", m.Role); Assert.Equal("{\"content\":\"PDF text\"}", m.Content); },
            m => { Assert.Equal("user", m.Role); Assert.Equal("Summarize", m.Content); });
        // -SystemPrompt is not stored in a conversation; the document and the question are.
        Assert.Equal(new[] { "system", "user" }, turn.NewMessages.Select(m => m.Role));
        Assert.Equal("{\"content\":\"PDF text\"}", turn.NewMessages[0].Content);
    }

    [Fact]
    public void Pending_files_must_be_fetched_first()
    {
        var input = new ChatInput { Prompt = "Summarize" };
        ChatInputBuilder.AddPipedObject(input, new KimiFile { Id = "file_1" });
        Assert.Single(input.PendingFiles);
        Assert.Throws<InvalidOperationException>(() => ChatInputBuilder.Build(input));
    }

    [Fact]
    public void Order_is_system_history_messages_documents_user_prefix()
    {
        var history = new List<ChatMessage> { ChatMessage.System("persona"), ChatMessage.User("q1"), ChatMessage.Assistant("a1") };
        var input = new ChatInput { Prompt = "q2", SystemPrompt = "sys", History = history, Prefix = "Answer:" };
        input.Messages.Add(ChatMessage.User("extra"));
        input.Files.Add(new KimiFileContent("f", null, "doc"));
        var turn = ChatInputBuilder.Build(input);
        Assert.Equal(new[] { "sys", "persona", "q1", "a1", "extra", "doc", "q2", "Answer:" }, turn.Request.Select(m => m.Content));
        var last = turn.Request.Last();
        Assert.Equal("assistant", last.Role);
        Assert.True(last.Partial);
        Assert.Equal(new[] { "extra", "doc", "q2" }, turn.NewMessages.Select(m => m.Content));
        Assert.Equal(3, history.Count); // the history itself is not changed
    }

    [Fact]
    public void Messages_alone_need_no_prompt()
    {
        var input = new ChatInput();
        input.Messages.Add(ChatMessage.User("from -Message"));
        Assert.Equal("from -Message", Assert.Single(ChatInputBuilder.Build(input).Request).Content);
    }

    [Fact]
    public void Images_become_parts_after_the_text()
    {
        var input = new ChatInput { Prompt = "What is this?" };
        input.Images.Add(ChatContentPart.Image(new byte[] { 1, 2, 3 }, "image/png"));
        var m = Assert.Single(ChatInputBuilder.Build(input).Request);
        Assert.NotNull(m.Parts);
        Assert.Equal(new[] { "text", "image_url" }, m.Parts!.Select(p => p.Type));
        Assert.Equal("What is this?", m.Parts[0].Text);
        Assert.Equal("data:image/png;base64,AQID", m.Parts[1].Url);
    }

    [Theory]
    [InlineData("enabled", true)]
    [InlineData("Disabled", false)]
    [InlineData(null, null)]
    public void ParseThinking(string? value, bool? expected) => Assert.Equal(expected, ChatInputBuilder.ParseThinking(value));

    [Fact]
    public void ThrottleLimit_with_stream_and_conversation_names_the_parameters()
    {
        var ex = Assert.Throws<KimiException>(() => ChatInputBuilder.ValidateOptions(4, stream: true, conversation: true, invokeTools: false, json: false, jsonSchema: null, prefix: null));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Contains("'ThrottleLimit'", ex.Message);
        Assert.Contains("-Stream", ex.Message);
        Assert.Contains("-Conversation", ex.Message);
    }

    [Fact]
    public void ThrottleLimit_one_combines_with_everything()
    {
        ChatInputBuilder.ValidateOptions(1, stream: true, conversation: true, invokeTools: true, json: false, jsonSchema: null, prefix: null);
        ChatInputBuilder.ValidateOptions(8, stream: false, conversation: false, invokeTools: false, json: true, jsonSchema: null, prefix: null);
    }

    [Fact]
    public void Json_with_prefix_or_schema_is_refused()
    {
        Assert.Contains("'Prefix'", Assert.Throws<KimiException>(() => ChatInputBuilder.ValidateOptions(1, false, false, false, true, null, "{")).Message);
        Assert.Contains("'Json'", Assert.Throws<KimiException>(() => ChatInputBuilder.ValidateOptions(1, false, false, false, true, "{}", null)).Message);
        Assert.Contains("'JsonSchema'", Assert.Throws<KimiException>(() => ChatInputBuilder.ValidateOptions(1, false, false, false, false, "[1]", null)).Message);
    }
}
