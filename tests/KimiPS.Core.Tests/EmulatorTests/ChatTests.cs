using System.Net;
using System.Text.Json;

namespace KimiPS.Core.Tests.EmulatorTests;

public sealed class ChatTests
{
    [Fact]
    public async Task Default_json_answer_echoes_the_last_user_message_with_reasoning_and_usage()
    {
        using var session = EmulatorSession.Start();

        using var doc = await session.PostJsonOkAsync("chat/completions",
            """{"model":"kimi-k2.6","messages":[{"role":"system","content":"s"},{"role":"user","content":[{"type":"text","text":"hello "},{"type":"text","text":"world"}]}]}""");

        var root = doc.RootElement;
        Assert.Equal("chat.completion", root.GetProperty("object").GetString());
        Assert.Equal("chatcmpl-emu-1", root.GetProperty("id").GetString());
        Assert.Equal("kimi-k2.6", root.GetProperty("model").GetString());
        var choice = Assert.Single(root.GetProperty("choices").EnumerateArray());
        Assert.Equal("Echo: hello world", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("Thinking about it.", choice.GetProperty("message").GetProperty("reasoning_content").GetString());
        Assert.False(choice.GetProperty("message").TryGetProperty("tool_calls", out _));
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.Equal(21, root.GetProperty("usage").GetProperty("total_tokens").GetInt32());
        Assert.False(root.GetProperty("usage").TryGetProperty("cached_tokens", out _));
    }

    [Fact]
    public async Task Thinking_disabled_answers_without_reasoning()
    {
        using var session = EmulatorSession.Start();

        using var doc = await session.PostJsonOkAsync("chat/completions",
            """{"model":"kimi-k2.6","thinking":{"type":"disabled"},"messages":[{"role":"user","content":"hi"}]}""");

        var message = doc.RootElement.GetProperty("choices")[0].GetProperty("message");
        Assert.False(message.TryGetProperty("reasoning_content", out _));
    }

    [Fact]
    public async Task Stream_is_Kimi_shaped_with_per_choice_usage_an_include_usage_chunk_and_DONE()
    {
        using var session = EmulatorSession.Start();
        using var response = await session.PostJsonAsync("chat/completions",
            """{"model":"kimi-k2.6","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}""");
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        var events = EmulatorSession.DataEvents(await response.Content.ReadAsStringAsync());

        Assert.Equal("[DONE]", events[^1]);
        var chunks = events.SkipLast(1).Select(e => JsonDocument.Parse(e).RootElement).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        var first = chunks[0].GetProperty("choices")[0].GetProperty("delta");
        Assert.Equal("assistant", first.GetProperty("role").GetString());
        Assert.Equal("", first.GetProperty("content").GetString());

        var deltas = chunks.Where(c => c.GetProperty("choices").GetArrayLength() > 0).Select(c => c.GetProperty("choices")[0].GetProperty("delta")).ToList();
        var reasoning = string.Concat(deltas.Select(d => d.TryGetProperty("reasoning_content", out var r) ? r.GetString() : ""));
        var content = string.Concat(deltas.Skip(1).Select(d => d.TryGetProperty("content", out var c) ? c.GetString() : ""));
        Assert.Equal("Thinking about it.", reasoning);
        Assert.Equal("Echo: hi", content);
        // Reasoning comes before content.
        var lastReasoning = deltas.FindLastIndex(d => d.TryGetProperty("reasoning_content", out _));
        var firstContent = deltas.FindIndex(1, d => d.TryGetProperty("content", out _));
        Assert.True(lastReasoning < firstContent);

        var final = chunks[^2].GetProperty("choices")[0];
        Assert.Equal("stop", final.GetProperty("finish_reason").GetString());
        Assert.Equal(21, final.GetProperty("usage").GetProperty("total_tokens").GetInt32());
        Assert.Equal(JsonValueKind.Object, final.GetProperty("delta").ValueKind);
        Assert.Empty(final.GetProperty("delta").EnumerateObject());

        var usageChunk = chunks[^1];
        Assert.Equal(0, usageChunk.GetProperty("choices").GetArrayLength());
        Assert.Equal(12, usageChunk.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task Without_include_usage_there_is_no_empty_choices_chunk()
    {
        using var session = EmulatorSession.Start();
        using var response = await session.PostJsonAsync("chat/completions",
            """{"model":"kimi-k2.6","stream":true,"messages":[{"role":"user","content":"hi"}]}""");

        var events = EmulatorSession.DataEvents(await response.Content.ReadAsStringAsync());

        Assert.All(events.SkipLast(1), e => Assert.NotEqual(0, JsonDocument.Parse(e).RootElement.GetProperty("choices").GetArrayLength()));
    }

    [Fact]
    public async Task Tool_calls_stream_as_fragments_keyed_by_index()
    {
        using var session = EmulatorSession.Start();
        using var response = await session.PostJsonAsync("chat/completions",
            """{"model":"kimi-k2.6","stream":true,"tools":[{"type":"function","function":{"name":"add","parameters":{"type":"object"}}}],"messages":[{"role":"user","content":"please call:add now"}]}""");

        var chunks = EmulatorSession.DataEvents(await response.Content.ReadAsStringAsync()).SkipLast(1)
            .Select(e => JsonDocument.Parse(e).RootElement.GetProperty("choices")[0]).ToList();

        var fragments = chunks.Where(c => c.GetProperty("delta").TryGetProperty("tool_calls", out _))
            .Select(c => c.GetProperty("delta").GetProperty("tool_calls")[0]).ToList();
        Assert.True(fragments.Count >= 2, "arguments should arrive in several pieces");
        Assert.Equal("functions.add:0", fragments[0].GetProperty("id").GetString());
        Assert.Equal("function", fragments[0].GetProperty("type").GetString());
        Assert.Equal("add", fragments[0].GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("", fragments[0].GetProperty("function").GetProperty("arguments").GetString());
        Assert.All(fragments.Skip(1), f =>
        {
            Assert.Equal(0, f.GetProperty("index").GetInt32());
            Assert.False(f.TryGetProperty("id", out _));
            Assert.False(f.GetProperty("function").TryGetProperty("name", out _));
        });
        Assert.Equal("{\"x\":1}", string.Concat(fragments.Select(f => f.GetProperty("function").GetProperty("arguments").GetString())));
        Assert.Equal("tool_calls", chunks[^1].GetProperty("finish_reason").GetString());
        Assert.DoesNotContain(chunks, c => c.GetProperty("delta").TryGetProperty("content", out var t) && t.GetString() != "");
    }

    [Fact]
    public async Task Max_tokens_cuts_the_answer_with_finish_reason_length()
    {
        using var session = EmulatorSession.Start();

        using var doc = await session.PostJsonOkAsync("chat/completions",
            """{"model":"kimi-k2.6","max_tokens":1,"messages":[{"role":"user","content":"a long question"}]}""");

        var choice = doc.RootElement.GetProperty("choices")[0];
        Assert.Equal("Echo", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("length", choice.GetProperty("finish_reason").GetString());
    }

    [Fact]
    public async Task A_partial_assistant_message_is_continued()
    {
        using var session = EmulatorSession.Start();

        using var doc = await session.PostJsonOkAsync("chat/completions",
            """{"model":"kimi-k2.6","messages":[{"role":"user","content":"go"},{"role":"assistant","content":"Once","partial":true}]}""");

        Assert.Equal(" (continued)", doc.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
    }

    [Theory]
    [InlineData("""{"model":"kimi-k2.6","messages":[]}""", 400, "Invalid request: messages must not be empty")]
    [InlineData("""{"model":"kimi-k2.6","messages":[{"role":"user","content":"a"},{"role":"assistant","content":""},{"role":"user","content":"b"}]}""", 400, "Invalid request: the message at position 1 with role 'assistant' must not be empty")]
    [InlineData("""{"model":"kimi-k2.6","temperature":0.7,"messages":[{"role":"user","content":"a"}]}""", 400, "invalid temperature: only 1 is allowed for this model")]
    [InlineData("""{"model":"kimi-k2.6","top_p":1,"messages":[{"role":"user","content":"a"}]}""", 400, "invalid top_p: only 0.95 is allowed for this model")]
    [InlineData("""{"model":"kimi-k2.6","thinking":true,"messages":[{"role":"user","content":"a"}]}""", 400, "the thinking field in the request (expected type object) is illegal, and bool is not acceptable")]
    [InlineData("""{"model":"kimi-k2.6","thinking":{"type":"enabled"},"reasoning_effort":"high","messages":[{"role":"user","content":"a"}]}""", 400, "cannot specify both 'thinking' and 'reasoning_effort'")]
    [InlineData("""{"model":"kimi-k2.6","tool_choice":"required","tools":[{"type":"function","function":{"name":"add"}}],"messages":[{"role":"user","content":"a"}]}""", 400, "tool_choice 'required' is incompatible with thinking enabled")]
    [InlineData("""{"model":"moonshot-v1-8k","messages":[{"role":"user","content":"a"}]}""", 404, "Not found the model moonshot-v1-8k or Permission denied")]
    [InlineData("""{"model":"kimi-latest","messages":[{"role":"user","content":"a"}]}""", 404, "Not found the model kimi-latest or Permission denied")]
    public async Task Invalid_requests_get_Kimis_texts(string body, int status, string message)
    {
        using var session = EmulatorSession.Start();

        using var response = await session.PostJsonAsync("chat/completions", body);

        Assert.Equal(status, (int)response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = doc.RootElement.GetProperty("error");
        Assert.Equal(status == 404 ? "resource_not_found_error" : "invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"model":"kimi-k2-x","temperature":1.5,"messages":[{"role":"user","content":"a"}]}""")]
    [InlineData("""{"model":"kimi-k2-x","temperature":0.001,"n":2,"messages":[{"role":"user","content":"a"}]}""")]
    public async Task Other_models_keep_temperature_in_0_1_and_n_needs_some_temperature(string body)
    {
        using var session = EmulatorSession.Start();

        using var response = await session.PostJsonAsync("chat/completions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Any_first_path_segment_serves_the_api_like_a_gateway_base_path()
    {
        using var session = EmulatorSession.Start();

        using var response = await session.Http.PostAsync(new Uri(session.Emulator.RootUri, "kimi/chat/completions"),
            new StringContent("""{"model":"kimi-k2-x","n":2,"temperature":0.5,"messages":[{"role":"user","content":"a"}]}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, doc.RootElement.GetProperty("choices").GetArrayLength());
        Assert.Equal("/kimi/chat/completions", Assert.Single(session.Emulator.Requests).Path);
        Assert.Equal(1, session.Emulator.Counters.ChatRequests);
    }
}
