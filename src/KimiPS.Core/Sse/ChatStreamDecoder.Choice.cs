using System.Text.Json;

namespace KimiPS.Core;

internal sealed partial class ChatStreamDecoder
{
    /// <summary>One element of <c>choices</c>: applies its delta and emits a chunk if it said anything.</summary>
    private void DecodeChoice(ref Utf8JsonReader reader, List<ChatChunk> output)
    {
        int index = -1;
        ChoiceAccumulator? choice = null;
        string? content = null, reasoning = null, finishReason = null;
        ChatUsage? usage = null;

        while (true)
        {
            StreamJson.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) break;

            if (reader.ValueTextEquals("delta"u8))
            {
                // The delta is applied as it is read, so the choice must be known: servers send "index"
                // first; if not, look ahead for it.
                if (index < 0 && StreamJson.TryFindProperty(reader, "index"u8, out var ahead))
                    index = CheckedIndex(ref ahead, MaxChoices, "choice");
                choice ??= GetChoice(Math.Max(index, 0));
                StreamJson.Read(ref reader);
                DecodeDelta(ref reader, choice, ref content, ref reasoning);
            }
            else if (reader.ValueTextEquals("index"u8))
            {
                StreamJson.Read(ref reader);
                index = CheckedIndex(ref reader, MaxChoices, "choice");
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                StreamJson.Read(ref reader);
                finishReason = ReadFinishReason(ref reader);
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                // Kimi's extension: the usage of this choice, on the chunk where it finishes.
                StreamJson.Read(ref reader);
                usage = StreamJson.ReadUsage(ref reader);
            }
            else
            {
                StreamJson.Read(ref reader); // logprobs, message, ...
                reader.Skip();
            }
        }

        choice ??= GetChoice(Math.Max(index, 0));
        if (usage is not null || finishReason is not null || choice.Index != 0) _eventChangedOtherState = true;
        if (usage is not null) choice.Usage = usage;
        IReadOnlyList<ToolCall>? toolCalls = null;
        if (finishReason is not null)
        {
            choice.FinishReason = finishReason;
            toolCalls = choice.TakeUnsurfacedToolCalls(); // complete now: surface them once
        }

        if (content is null && reasoning is null && finishReason is null && usage is null && toolCalls is null) return;
        output.Add(new ChatChunk
        {
            ChoiceIndex = choice.Index,
            Content = content,
            ReasoningContent = reasoning,
            FinishReason = finishReason,
            Usage = usage,
            ToolCalls = toolCalls,
        });
    }

    private void DecodeDelta(ref Utf8JsonReader reader, ChoiceAccumulator choice, ref string? content, ref string? reasoning)
    {
        if (reader.TokenType == JsonTokenType.Null) return;
        StreamJson.ExpectStartObject(ref reader, "delta");
        while (true)
        {
            StreamJson.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) return;

            if (reader.ValueTextEquals("content"u8))
            {
                StreamJson.Read(ref reader);
                if (reader.TokenType == JsonTokenType.String) NoteTextString(ref reader, _readerOffset, reasoning: false);
                // One string per delta, shared by the chunk and the running answer. "" (the role chunk) is nothing.
                string? text = StreamJson.ReadString(ref reader);
                if (!string.IsNullOrEmpty(text))
                {
                    choice.AppendContent(text!);
                    content = content is null ? text : content + text;
                }
            }
            else if (reader.ValueTextEquals("reasoning_content"u8))
            {
                StreamJson.Read(ref reader);
                if (reader.TokenType == JsonTokenType.String) NoteTextString(ref reader, _readerOffset, reasoning: true);
                string? text = StreamJson.ReadString(ref reader);
                if (!string.IsNullOrEmpty(text))
                {
                    choice.AppendReasoning(text!);
                    reasoning = reasoning is null ? text : reasoning + text;
                }
            }
            else if (reader.ValueTextEquals("tool_calls"u8))
            {
                _eventChangedOtherState = true;
                StreamJson.Read(ref reader);
                DecodeToolCalls(ref reader, choice);
            }
            else
            {
                // role, refusal, and a gateway's "reasoning" (a duplicate of reasoning_content: never add it twice).
                StreamJson.Read(ref reader);
                reader.Skip();
            }
        }
    }

    private static string? ReadFinishReason(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            // The usual values without a new string each time.
            if (reader.ValueTextEquals("stop"u8)) return "stop";
            if (reader.ValueTextEquals("length"u8)) return "length";
            if (reader.ValueTextEquals("tool_calls"u8)) return "tool_calls";
            if (reader.ValueTextEquals("content_filter"u8)) return "content_filter";
        }
        return StreamJson.ReadString(ref reader);
    }

    private void DecodeToolCalls(ref Utf8JsonReader reader, ChoiceAccumulator choice)
    {
        if (reader.TokenType == JsonTokenType.Null) return;
        if (reader.TokenType != JsonTokenType.StartArray) throw StreamJson.Unexpected(ref reader, "an array for 'tool_calls'");
        while (true)
        {
            StreamJson.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray) return;
            StreamJson.ExpectStartObject(ref reader, "tool_calls[]");
            DecodeToolCallFragment(ref reader, choice);
        }
    }

    /// <summary>
    /// One fragment: the first of a call has index, id, type and function.name; later ones only
    /// function.arguments pieces under the same index.
    /// </summary>
    private void DecodeToolCallFragment(ref Utf8JsonReader reader, ChoiceAccumulator choice)
    {
        int index = -1;
        string? id = null, type = null;
        ToolCallAccumulator? call = null;

        while (true)
        {
            StreamJson.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) break;

            if (reader.ValueTextEquals("index"u8))
            {
                StreamJson.Read(ref reader);
                index = CheckedIndex(ref reader, MaxToolCalls, "tool call");
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                StreamJson.Read(ref reader);
                id = StreamJson.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                StreamJson.Read(ref reader);
                type = StreamJson.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("function"u8))
            {
                call ??= ResolveToolCall(reader, choice, index, id);
                StreamJson.Read(ref reader);
                DecodeFunction(ref reader, call);
            }
            else
            {
                StreamJson.Read(ref reader);
                reader.Skip();
            }
        }

        call ??= choice.GetToolCall(index, startsNewCall: !string.IsNullOrEmpty(id));
        if (!string.IsNullOrEmpty(id)) call.Id = id;
        if (!string.IsNullOrEmpty(type)) call.Type = type;
        call.Changed();
    }

    /// <summary>Finds the call a "function" member belongs to when it comes before "index" or "id" (rare).</summary>
    private static ToolCallAccumulator ResolveToolCall(Utf8JsonReader reader, ChoiceAccumulator choice, int index, string? id)
    {
        if (index < 0 && StreamJson.TryFindProperty(reader, "index"u8, out var ahead))
            index = CheckedIndex(ref ahead, MaxToolCalls, "tool call");
        bool startsNewCall = !string.IsNullOrEmpty(id);
        if (index < 0 && !startsNewCall && StreamJson.TryFindProperty(reader, "id"u8, out var idAhead))
            startsNewCall = idAhead.TokenType == JsonTokenType.String && idAhead.ValueSpan.Length > 0;
        return choice.GetToolCall(index, startsNewCall);
    }

    private void DecodeFunction(ref Utf8JsonReader reader, ToolCallAccumulator call)
    {
        if (reader.TokenType == JsonTokenType.Null) return;
        StreamJson.ExpectStartObject(ref reader, "function");
        while (true)
        {
            StreamJson.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) return;

            if (reader.ValueTextEquals("arguments"u8))
            {
                StreamJson.Read(ref reader);
                if (reader.TokenType == JsonTokenType.Null) continue;
                if (reader.TokenType != JsonTokenType.String) throw StreamJson.Unexpected(ref reader, "a string for 'arguments'");
                // Unescape into scratch and append: no string per argument piece. Unescaped UTF-16 is never
                // longer than the escaped UTF-8 it came from.
                int max = reader.ValueSpan.Length;
                if (_chars.Length < max) _chars = new char[Math.Max(max, Math.Max(256, _chars.Length * 2))];
                int written = reader.CopyString(_chars);
                call.AppendArguments(_chars, written);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                StreamJson.Read(ref reader);
                string? name = StreamJson.ReadString(ref reader);
                if (!string.IsNullOrEmpty(name)) call.Name = name;
            }
            else
            {
                StreamJson.Read(ref reader);
                reader.Skip();
            }
        }
    }

    /// <summary>At <c>[DONE]</c>: calls of choices that never got a finish_reason are complete now.</summary>
    private void SurfaceLeftOverToolCalls(List<ChatChunk> output)
    {
        if (_first is not null) SurfaceLeftOver(_first, output);
        if (_others is null) return;
        foreach (var choice in _others)
        {
            if (choice is not null) SurfaceLeftOver(choice, output);
        }
    }

    private static void SurfaceLeftOver(ChoiceAccumulator choice, List<ChatChunk> output)
    {
        var calls = choice.TakeUnsurfacedToolCalls();
        if (calls is not null) output.Add(new ChatChunk { ChoiceIndex = choice.Index, ToolCalls = calls });
    }
}
