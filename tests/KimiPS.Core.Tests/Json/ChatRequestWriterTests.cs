using System.Text;
using System.Text.Json;

namespace KimiPS.Core.Tests.Json;

public sealed class ChatRequestWriterTests
{
    private static JsonDocument Parse(byte[] body) => JsonDocument.Parse(body);

    private static void AssertJson(string expected, byte[] actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        Assert.True(JsonElement.DeepEquals(e.RootElement, a.RootElement),
            $"Expected:\n{e.RootElement.GetRawText()}\nActual:\n{Encoding.UTF8.GetString(actual)}");
    }

    [Fact]
    public void A_full_request_is_written_as_the_kimi_body()
    {
        var wire = new ChatRequest("kimi-k2.6",
            ChatMessage.System("Be brief."),
            ChatMessage.UserParts(ChatContentPart.FromText("What is this?"), ChatContentPart.Image("data:image/png;base64,AAAA"), ChatContentPart.Video("ms://file_v1")),
            new ChatMessage("assistant", null)
            {
                ReasoningContent = "Need the weather.",
                ToolCalls = new List<ToolCall> { new("get_weather:0", "get_weather", "{\"city\":\"北京\"}") },
            },
            ChatMessage.Tool("get_weather:0", "get_weather", "{\"temp\":20}"),
            new ChatMessage("assistant", "The weather") { Partial = true, Name = "Forecaster" })
        {
            Temperature = 0.3,
            TopP = 0.95,
            MaxTokens = 1024,
            MaxCompletionTokens = 2048,
            N = 2,
            PresencePenalty = -0.5,
            FrequencyPenalty = 1.25,
            Stop = new List<string> { "END", "STOP" },
            ResponseFormat = ChatResponseFormat.JsonSchema("answer", """{"type":"object","properties":{"a":{"type":"string"}}}"""),
            Tools = new List<ChatTool> { new ChatTool("get_weather", "Weather for a city", """{"type":"object","properties":{"city":{"type":"string"}}}""") { Strict = true }, ChatTool.WebSearch },
            ToolChoice = "auto",
            Thinking = true,
            KeepThinking = true,
            ReasoningEffort = "max", // the policy never leaves both; the writer writes what it is given
            PromptCacheKey = "session-1",
            SafetyIdentifier = "user-hash",
            IncludeUsage = true,
        };

        AssertJson("""
        {
          "model": "kimi-k2.6",
          "messages": [
            {"role":"system","content":"Be brief."},
            {"role":"user","content":[
              {"type":"text","text":"What is this?"},
              {"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}},
              {"type":"video_url","video_url":{"url":"ms://file_v1"}}]},
            {"role":"assistant","content":null,"reasoning_content":"Need the weather.",
             "tool_calls":[{"id":"get_weather:0","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"北京\"}"}}]},
            {"role":"tool","content":"{\"temp\":20}","name":"get_weather","tool_call_id":"get_weather:0"},
            {"role":"assistant","content":"The weather","name":"Forecaster","partial":true}
          ],
          "temperature": 0.3,
          "top_p": 0.95,
          "max_tokens": 1024,
          "max_completion_tokens": 2048,
          "n": 2,
          "presence_penalty": -0.5,
          "frequency_penalty": 1.25,
          "stop": ["END","STOP"],
          "stream": true,
          "stream_options": {"include_usage": true},
          "response_format": {"type":"json_schema","json_schema":{"name":"answer","schema":{"type":"object","properties":{"a":{"type":"string"}}},"strict":true}},
          "tools": [
            {"type":"function","function":{"name":"get_weather","description":"Weather for a city","parameters":{"type":"object","properties":{"city":{"type":"string"}}},"strict":true}},
            {"type":"builtin_function","function":{"name":"$web_search"}}
          ],
          "tool_choice": "auto",
          "thinking": {"type":"enabled","keep":"all"},
          "reasoning_effort": "max",
          "prompt_cache_key": "session-1",
          "safety_identifier": "user-hash"
        }
        """, ChatRequestWriter.ToUtf8(wire, stream: true));
    }

    [Fact]
    public void Unset_options_are_omitted()
    {
        var body = ChatRequestWriter.ToUtf8(new ChatRequest("kimi-k2.6", ChatMessage.User("Hi")), stream: false);
        AssertJson("""{"model":"kimi-k2.6","messages":[{"role":"user","content":"Hi"}]}""", body);
    }

    [Fact]
    public void Stream_options_only_when_streaming_with_usage()
    {
        var wire = new ChatRequest("kimi-k2.6", ChatMessage.User("Hi")) { IncludeUsage = false };
        using (var doc = Parse(ChatRequestWriter.ToUtf8(wire, stream: true)))
        {
            Assert.True(doc.RootElement.GetProperty("stream").GetBoolean());
            Assert.False(doc.RootElement.TryGetProperty("stream_options", out _));
        }
        wire.IncludeUsage = true;
        using (var doc = Parse(ChatRequestWriter.ToUtf8(wire, stream: false)))
        {
            Assert.False(doc.RootElement.TryGetProperty("stream", out _));
            Assert.False(doc.RootElement.TryGetProperty("stream_options", out _));
        }
    }

    [Fact]
    public void One_stop_string_is_written_as_a_string()
    {
        var wire = new ChatRequest("kimi-k2.6", ChatMessage.User("Hi")) { Stop = new List<string> { "END" } };
        using var doc = Parse(ChatRequestWriter.ToUtf8(wire, stream: false));
        Assert.Equal("END", doc.RootElement.GetProperty("stop").GetString());
    }

    [Theory]
    [InlineData(0.3, "0.3")]
    [InlineData(0.1 + 0.2, "0.3")]
    [InlineData(1.0, "1")]
    [InlineData(0.95, "0.95")]
    [InlineData(0.6, "0.6")]
    [InlineData(0.0, "0")]
    [InlineData(-1.7, "-1.7")]
    [InlineData(0.001, "0.001")]
    public void Doubles_are_written_in_short_invariant_form(double value, string expected)
    {
        var wire = new ChatRequest("m", ChatMessage.User("Hi")) { Temperature = value, PresencePenalty = value };
        var text = Encoding.UTF8.GetString(ChatRequestWriter.ToUtf8(wire, stream: false));
        Assert.Contains($"\"temperature\":{expected},", text);
        Assert.Contains($"\"presence_penalty\":{expected}", text);
    }

    [Fact]
    public void Cjk_text_stays_readable_utf8_and_specials_are_escaped()
    {
        var text = "你好，世界 \"quoted\" back\\slash\nline <tag> & 😀";
        var body = ChatRequestWriter.ToUtf8(new ChatRequest("kimi-k2.6", ChatMessage.User(text)), stream: false);
        var raw = Encoding.UTF8.GetString(body);

        Assert.Contains("你好，世界", raw); // not \u4F60...
        Assert.Contains("\\u0022quoted\\u0022", raw); // JavaScriptEncoder escapes quotes as \u0022: valid JSON
        Assert.Contains("\\n", raw);
        Assert.DoesNotContain("<tag>", raw); // HTML-sensitive characters are still escaped
        using var doc = Parse(body);
        Assert.Equal(text, doc.RootElement.GetProperty("messages")[0].GetProperty("content").GetString());
    }

    [Fact]
    public void Content_is_null_only_beside_tool_calls()
    {
        var wire = new ChatRequest("kimi-k2.6",
            new ChatMessage("system", null),
            new ChatMessage("assistant", null) { ToolCalls = new List<ToolCall> { new("a:0", "abc", "{}") } },
            new ChatMessage("assistant", "") { ToolCalls = new List<ToolCall> { new("a:1", "abc", "{}") } });
        using var doc = Parse(ChatRequestWriter.ToUtf8(wire, stream: false));
        var messages = doc.RootElement.GetProperty("messages");
        Assert.Equal("", messages[0].GetProperty("content").GetString());
        Assert.Equal(JsonValueKind.Null, messages[1].GetProperty("content").ValueKind);
        Assert.Equal("", messages[2].GetProperty("content").GetString());
        Assert.False(messages[0].TryGetProperty("partial", out _));
        Assert.False(messages[0].TryGetProperty("reasoning_content", out _));
        Assert.False(messages[0].TryGetProperty("tool_calls", out _));
    }

    [Fact]
    public void Thinking_is_an_object_and_keep_only_when_enabled()
    {
        var wire = new ChatRequest("kimi-k2.6", ChatMessage.User("Hi")) { Thinking = false, KeepThinking = true };
        using var doc = Parse(ChatRequestWriter.ToUtf8(wire, stream: false));
        var thinking = doc.RootElement.GetProperty("thinking");
        Assert.Equal(JsonValueKind.Object, thinking.ValueKind);
        Assert.Equal("disabled", thinking.GetProperty("type").GetString());
        Assert.False(thinking.TryGetProperty("keep", out _));
    }

    [Fact]
    public void Legacy_functions_are_never_written()
    {
        var wire = new ChatRequest("kimi-k2.6", ChatMessage.User("Hi"))
        {
            Functions = new List<ChatTool> { new("get_weather") },
            FunctionCall = "auto",
        };
        AssertJson("""{"model":"kimi-k2.6","messages":[{"role":"user","content":"Hi"}]}""", ChatRequestWriter.ToUtf8(wire, stream: false));
    }

    [Fact]
    public void Simple_response_formats_carry_only_the_type()
    {
        var wire = new ChatRequest("kimi-k2.6", ChatMessage.User("Hi")) { ResponseFormat = ChatResponseFormat.JsonObject };
        using var doc = Parse(ChatRequestWriter.ToUtf8(wire, stream: false));
        Assert.Equal("""{"type":"json_object"}""", doc.RootElement.GetProperty("response_format").GetRawText());
    }

    [Fact]
    public void The_estimate_body_has_only_model_and_messages()
    {
        var wire = new ChatRequest("kimi-k2.6", ChatMessage.System("S"), ChatMessage.UserParts(ChatContentPart.Image("ms://f1")))
        {
            Temperature = 0.5,
            Tools = new List<ChatTool> { new("get_weather") },
            Thinking = true,
        };
        AssertJson("""
            {"model":"kimi-k2.6","messages":[{"role":"system","content":"S"},
             {"role":"user","content":[{"type":"image_url","image_url":{"url":"ms://f1"}}]}]}
            """, ChatRequestWriter.EstimateBody(wire));
    }

    [Fact]
    public void Write_to_a_caller_writer_produces_the_same_bytes()
    {
        var wire = new ChatRequest("kimi-k2.6", ChatMessage.User("Hi")) { Temperature = 0.3 };
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, KimiJson.WriterOptions)) ChatRequestWriter.Write(writer, wire, stream: true);
        Assert.Equal(ChatRequestWriter.ToUtf8(wire, stream: true), stream.ToArray());
    }

    [Fact]
    public void A_prepared_fixed_model_request_carries_no_sampling_fields()
    {
        var request = new ChatRequest("kimi-k2.6", ChatMessage.User("Hi")) { Temperature = 0.7, TopP = 0.9, N = 1 };
        var prepared = ModelPolicy.Prepare(request, _ => { });
        AssertJson("""{"model":"kimi-k2.6","messages":[{"role":"user","content":"Hi"}]}""", ChatRequestWriter.ToUtf8(prepared.Wire, stream: false));
    }
}
