using System.Text.Json;
using System.Text.RegularExpressions;
using KimiPS.Emulator.Server;

namespace KimiPS.Emulator.Endpoints;

/// <summary>
/// POST {p}/chat/completions without a scripted response: validate like Kimi, then answer with a
/// deterministic script derived from the request (echo, tool call, partial continuation, length cut).
/// A user message containing <c>call:NAME</c> makes the model call tool NAME with <c>{"x":1}</c>, or with the
/// JSON object that follows the name (<c>call:Get-Two {"y":"a","Destroy":true}</c>), so tests choose the arguments.
/// </summary>
internal static partial class ChatEndpoint
{
    public static ResponsePlan Handle(RecordedRequest request, bool callOfferedTools = false, bool echoKey = false)
    {
        if (request.Json is null) return Errors.InvalidRequest("Invalid request: the request body is not valid JSON");
        var body = request.Json.RootElement;
        if (ChatValidator.Validate(body) is { } error) return error;
        var script = DefaultScript(body, callOfferedTools);
        if (echoKey) KeyEcho.Into(script, request);
        return ChatRenderer.Render(script, ChatRequestInfo.From(request));
    }

    /// <summary>The answer the emulator gives to a valid request; also used for batch lines.</summary>
    public static ChatScript DefaultScript(JsonElement body, bool callOfferedTools = false)
    {
        var model = ChatValidator.Str(body, "model") ?? "";
        var messages = body.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Array ? m.EnumerateArray().ToList() : [];
        var last = messages.Count > 0 ? messages[^1] : default;
        var lastRole = last.ValueKind == JsonValueKind.Object ? ChatValidator.Str(last, "role") : null;
        var script = new ChatScript
        {
            Reasoning = ChatValidator.ThinkingEnabled(model, body) ? "Thinking about it." : null,
            Choices = ChatValidator.Number(body, "n") is double n && n > 1 ? (int)n : 1,
        };

        if (lastRole == "user" && HasTools(body) && CallPattern().Match(MessageText.Of(last)) is { Success: true } call)
        {
            var name = call.Groups[1].Value;
            var arguments = call.Groups[2].Success ? call.Groups[2].Value : "{\"x\":1}";
            script.ToolCalls.Add(new ScriptedToolCall($"functions.{name}:0", name, arguments, ToolType(body, name)));
            script.FinishReason = "tool_calls";
            return script;
        }

        if (lastRole == "user" && callOfferedTools && FirstToolName(body) is { } offered)
        {
            script.ToolCalls.Add(new ScriptedToolCall($"functions.{offered}:0", offered, "{}", ToolType(body, offered)));
            script.FinishReason = "tool_calls";
            return script;
        }

        var partial = lastRole == "assistant" && last.TryGetProperty("partial", out var p) && p.ValueKind == JsonValueKind.True;
        script.Content = partial ? " (continued)" : "Echo: " + LastUserText(messages);

        // Tokens are counted as chars / 4 here; a smaller budget cuts the answer like Kimi's "length".
        var budget = ChatValidator.Number(body, "max_tokens") ?? ChatValidator.Number(body, "max_completion_tokens");
        if (budget is double max && max >= 0 && max < Math.Ceiling(script.Content.Length / 4.0))
        {
            script.Content = script.Content[..((int)max * 4)];
            script.FinishReason = "length";
        }
        return script;
    }

    public static string LastUserText(IReadOnlyList<JsonElement> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].ValueKind == JsonValueKind.Object && ChatValidator.Str(messages[i], "role") == "user") return MessageText.Of(messages[i]);
        }
        return "";
    }

    private static bool HasTools(JsonElement body) =>
        body.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array && tools.GetArrayLength() > 0;

    private static string? FirstToolName(JsonElement body) =>
        HasTools(body) ? body.GetProperty("tools").EnumerateArray()
            .Where(t => t.ValueKind == JsonValueKind.Object && t.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.Object)
            .Select(t => ChatValidator.Str(t.GetProperty("function"), "name")).FirstOrDefault(n => !string.IsNullOrEmpty(n)) : null;

    /// <summary>The declared type of the named tool (<c>function</c> or <c>builtin_function</c>); Kimi mirrors it.</summary>
    private static string ToolType(JsonElement body, string name)
    {
        foreach (var tool in body.GetProperty("tools").EnumerateArray())
        {
            if (tool.ValueKind == JsonValueKind.Object && tool.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.Object
                && ChatValidator.Str(f, "name") == name)
                return ChatValidator.Str(tool, "type") ?? "function";
        }
        return "function";
    }

    [GeneratedRegex(@"call:([A-Za-z0-9_$\-]+)(?:[ \t]*(\{.*\}))?", RegexOptions.Singleline)]
    private static partial Regex CallPattern();
}
