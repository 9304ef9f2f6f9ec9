using System.Text;
using KimiPS.Core;

namespace KimiPS.Core.Tests.Module;

public class ConversationJsonTests
{
    private static KimiConversation Sample()
    {
        var c = new KimiConversation("You are terse.", "kimi-k2.6") { Created = new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.FromHours(8)) };
        c.Messages.Add(ChatMessage.User("Weather in Paris? \"quoted\" 北京"));
        c.Messages.Add(new ChatMessage("assistant", "")
        {
            ReasoningContent = "I should search.",
            ToolCalls = new List<ToolCall>
            {
                new("functions.get_weather:0", "get_weather", "{\"city\":\"Paris\"}", "function", 0),
                new("$web_search:1", "$web_search", "{\"query\":\"paris\",\"usage\":{\"total_tokens\":12}}", "builtin_function", 1),
            },
        });
        c.Messages.Add(ChatMessage.Tool("functions.get_weather:0", "get_weather", "21 C"));
        c.Messages.Add(ChatMessage.UserParts(ChatContentPart.FromText("And this?"), ChatContentPart.Image("data:image/png;base64,AQID")));
        c.Messages.Add(new ChatMessage("assistant", "Sunny.") { ReasoningContent = "done", Name = "bot" });
        c.Messages.Add(new ChatMessage("assistant", "Pre") { Partial = true });
        return c;
    }

    [Fact]
    public void Round_trip_keeps_reasoning_tool_calls_parts_and_metadata()
    {
        var original = Sample();
        var copy = ConversationJson.Deserialize(ConversationJson.Serialize(original), "test.json");

        Assert.Equal("kimi-k2.6", copy.Model);
        Assert.Equal(original.Created, copy.Created);
        Assert.Equal(original.Messages.Count, copy.Messages.Count);
        Assert.Equal("You are terse.", copy.Messages[0].Content);
        Assert.Equal("Weather in Paris? \"quoted\" 北京", copy.Messages[1].Content);

        var assistant = copy.Messages[2];
        Assert.Equal("I should search.", assistant.ReasoningContent);
        Assert.Equal("", assistant.Content);
        Assert.Collection(assistant.ToolCalls!,
            t => { Assert.Equal("functions.get_weather:0", t.Id); Assert.Equal("get_weather", t.Name); Assert.Equal("{\"city\":\"Paris\"}", t.Arguments); Assert.Equal("function", t.Type); Assert.Equal(0, t.Index); },
            t => { Assert.Equal("$web_search", t.Name); Assert.Equal("builtin_function", t.Type); Assert.Equal(1, t.Index); Assert.Contains("total_tokens", t.Arguments); });

        var tool = copy.Messages[3];
        Assert.Equal("tool", tool.Role);
        Assert.Equal("functions.get_weather:0", tool.ToolCallId);
        Assert.Equal("get_weather", tool.Name);

        var parts = copy.Messages[4].Parts!;
        Assert.Null(copy.Messages[4].Content);
        Assert.Equal("And this?", parts[0].Text);
        Assert.Equal("image_url", parts[1].Type);
        Assert.Equal("data:image/png;base64,AQID", parts[1].Url);

        Assert.Equal("bot", copy.Messages[5].Name);
        Assert.True(copy.Messages[6].Partial);
        Assert.False(copy.Messages[5].Partial);
    }

    [Fact]
    public void Written_json_uses_wire_names_and_no_bom()
    {
        var bytes = ConversationJson.Serialize(Sample());
        Assert.NotEqual(0xEF, bytes[0]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"format\": \"KimiPS.Conversation\"", text);
        Assert.Contains("\"reasoning_content\"", text);
        Assert.Contains("\"tool_calls\"", text);
        Assert.Contains("\"tool_call_id\"", text);
        Assert.Contains("\"image_url\": {", text);
    }

    [Fact]
    public void Imports_a_bare_message_array_with_a_bom_and_string_image_urls()
    {
        var json = "\uFEFF[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":\"data:image/gif;base64,R0\"}]},{\"role\":\"assistant\",\"content\":\"ok\"}]";
        var c = ConversationJson.Deserialize(Encoding.UTF8.GetBytes(json), "h.json");
        Assert.Equal(2, c.Messages.Count);
        Assert.Equal("data:image/gif;base64,R0", c.Messages[0].Parts![0].Url);
        Assert.Null(c.Model);
    }

    [Fact]
    public void Tool_calls_written_by_other_tools_are_read_without_loss()
    {
        // OpenAI-style histories written by hand or by other tools sometimes hold the arguments object itself,
        // or an index that is not a whole number (it only orders stream fragments: the position stands in).
        var json = "[{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"f:0\",\"index\":0.5,\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":{\"city\":\"Paris\"}}}]}]";
        var c = ConversationJson.Deserialize(Encoding.UTF8.GetBytes(json), "h.json");
        var call = c.Messages[0].ToolCalls![0];
        Assert.Equal("{\"city\":\"Paris\"}", call.Arguments);
        Assert.Equal(0, call.Index);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("42", "neither")]
    [InlineData("{\"messages\":[{\"content\":\"x\"}]}", "no 'role'")]
    [InlineData("{\"version\":99,\"messages\":[]}", "newer")]
    [InlineData("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"audio\"}]}]}", "unknown type")]
    [InlineData("{\"version\":1.5,\"messages\":[]}", "version")]
    [InlineData("{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[42]}]}", "no 'function'")]
    [InlineData("[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"wizard\",\"content\":\"b\"}]", "message 1 has the unknown role 'wizard'")]
    [InlineData("[{\"role\":\"user\",\"content\":12345}]", "message 0 (user) has a 'content' that is a number (12345)")]
    [InlineData("[{\"role\":\"user\",\"content\":null}]", "message 0 (user) has a null 'content'")]
    [InlineData("[{\"role\":\"assistant\",\"content\":null}]", "only an assistant message with tool_calls")]
    [InlineData("[{\"role\":\"tool\",\"tool_call_id\":\"x\"}]", "message 0 (tool) has no 'content'")]
    [InlineData("[\"hi\"]", "message 0 is a string, not an object")]
    public void Bad_files_are_KimiInvalidConversationFile(string json, string expected)
    {
        var ex = Assert.Throws<KimiException>(() => ConversationJson.Deserialize(Encoding.UTF8.GetBytes(json), "bad.json"));
        Assert.Equal(KimiErrorIds.InvalidConversationFile, ex.ErrorId);
        Assert.Contains("bad.json", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-8-bom")]
    public void Reads_UTF16_and_UTF8_with_a_byte_order_mark(string name)
    {
        Encoding encoding = name switch
        {
            "utf-16le" => new UnicodeEncoding(false, true),
            "utf-16be" => new UnicodeEncoding(true, true),
            _ => new UTF8Encoding(true),
        };
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("[{\"role\":\"user\",\"content\":\"北京 \\u00e9\"}]")).ToArray();

        var c = ConversationJson.Deserialize(bytes, "u.json");

        Assert.Equal("北京 é", Assert.Single(c.Messages).Content);
    }

    [Fact]
    public void A_file_over_the_size_bound_is_refused_before_it_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), "kimips-big-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            using (var f = File.Create(path)) f.SetLength(ConversationJson.MaxFileBytes + 1); // sparse
            var ex = Assert.Throws<KimiException>(() => ConversationJson.Load(path));
            Assert.Equal(KimiErrorIds.InvalidConversationFile, ex.ErrorId);
            Assert.Contains("256 MB", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_broken_UTF16_file_is_KimiInvalidConversationFile()
    {
        var bytes = new byte[] { 0xFF, 0xFE, (byte)'[', 0, 0x00, 0xD8, (byte)']', 0 }; // a lone high surrogate
        var ex = Assert.Throws<KimiException>(() => ConversationJson.Deserialize(bytes, "bad.json"));
        Assert.Equal(KimiErrorIds.InvalidConversationFile, ex.ErrorId);
        Assert.Contains("UTF-16", ex.Message);
    }

    [Fact]
    public void Save_and_load_a_file_and_NoClobber_refuses_to_overwrite()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        try
        {
            ConversationJson.Save(Sample(), path, noClobber: false);
            Assert.Equal(7, ConversationJson.Load(path).Messages.Count);
            var ex = Assert.Throws<KimiException>(() => ConversationJson.Save(new KimiConversation(), path, noClobber: true));
            Assert.Equal(KimiErrorIds.FileExists, ex.ErrorId);
            Assert.Equal(7, ConversationJson.Load(path).Messages.Count);
            ConversationJson.Save(new KimiConversation(), path, noClobber: false);
            Assert.Empty(ConversationJson.Load(path).Messages);
        }
        finally { File.Delete(path); }
    }
}

public class KimiConversationTests
{
    [Fact]
    public void AppendTurn_adds_the_sent_messages_and_the_answer_with_reasoning_and_tool_calls()
    {
        var c = new KimiConversation("sys", null);
        var completion = new ChatCompletion
        {
            Choices = new[] { new ChatChoice { Content = "4", ReasoningContent = "2+2", ToolCalls = new[] { new ToolCall("a:0", "a", "{}") } } },
        };
        c.AppendTurn(new[] { ChatMessage.User("2+2?") }, completion);
        Assert.Equal(new[] { "system", "user", "assistant" }, c.Messages.Select(m => m.Role));
        Assert.Equal("2+2", c.Messages[2].ReasoningContent);
        Assert.Single(c.Messages[2].ToolCalls!);
        Assert.Equal(1, c.TurnCount);
        Assert.Equal("4", c.LastAnswer);
    }

    [Fact]
    public void Blank_system_prompt_adds_nothing() => Assert.Empty(new KimiConversation("  ", "m").Messages);
}

public class KimiFileContentTests
{
    [Fact]
    public void Preview_is_one_line_of_at_most_80_characters()
    {
        var content = new KimiFileContent("f", "a.txt", "line one\nline two\t" + new string('x', 200));
        Assert.Equal(80, content.Preview.Length);
        Assert.DoesNotContain("\n", content.Preview);
        Assert.StartsWith("line one line two ", content.Preview);
        Assert.Equal(content.Content, content.ToString());
        Assert.Equal("short", new KimiFileContent("f", null, "short").Preview);
    }
}
