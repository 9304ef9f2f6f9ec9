namespace KimiPS.Core;

/// <summary>
/// Decides which input becomes which message (DESIGN.md §4, Invoke-KimiChat). Order of a request:
/// -SystemPrompt, the conversation's history, -Message, each document as a system message, the user
/// message (piped material, a blank line, then the prompt; images as parts), and the -Prefix partial
/// assistant message last. A piped string is the prompt when -Prompt is absent, and the material when it is given.
/// </summary>
internal static class ChatInputBuilder
{
    /// <summary>Separates piped material from the prompt that follows it.</summary>
    public const string MaterialSeparator = "\n\n";

    public static ChatInputKind Classify(object? input) => input switch
    {
        null => ChatInputKind.None,
        string s => s.Length == 0 ? ChatInputKind.None : ChatInputKind.Text,
        char or bool or sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal => ChatInputKind.Text,
        KimiFile => ChatInputKind.File,
        KimiFileContent => ChatInputKind.FileContent,
        ChatMessage => ChatInputKind.Message,
        _ => ChatInputKind.Unsupported,
    };

    /// <summary>Adds one piped object to <paramref name="input"/>; throws KimiUnsupportedInput for anything it cannot use.</summary>
    public static void AddPipedObject(ChatInput input, object? item)
    {
        switch (Classify(item))
        {
            case ChatInputKind.None: break;
            case ChatInputKind.Text: input.PipedText = Convert.ToString(item, System.Globalization.CultureInfo.InvariantCulture); break;
            case ChatInputKind.File: input.PendingFiles.Add((KimiFile)item!); break;
            case ChatInputKind.FileContent: input.Files.Add((KimiFileContent)item!); break;
            case ChatInputKind.Message: input.Messages.Add((ChatMessage)item!); break;
            default:
                throw ModuleErrors.UnsupportedInput("InputObject", item!,
                    Msg.PipeInputFix);
        }
    }

    /// <summary>The request's messages; throws KimiInvalidParameter (naming -Prompt) when there is nothing to ask.</summary>
    public static ChatTurn Build(ChatInput input)
    {
        if (input.PendingFiles.Count > 0)
            throw new InvalidOperationException("Fetch the content of every pending file before building the request.");

        var prompt = IsBlank(input.Prompt) ? null : input.Prompt;
        var material = IsBlank(input.PipedText) ? null : input.PipedText;
        if (prompt is null && material != null)
        {
            prompt = material;
            material = null;
        }

        if (prompt is null && input.Messages.Count == 0)
        {
            var piped = input.Files.Count > 0 ? Msg.DocumentPipedBut : input.Images.Count > 0 ? Msg.ImageGivenBut : "";
            throw Errors.InvalidParameter("Prompt", Msg.PNoQuestion.Format(piped),
                Msg.NoQuestionFix);
        }
        if (prompt is null && input.Images.Count > 0)
            throw Errors.InvalidParameter("Prompt", Msg.PImageNoPrompt,
                Msg.ImageNoPromptFix);

        var request = new List<ChatMessage>();
        var added = new List<ChatMessage>();
        if (!IsBlank(input.SystemPrompt)) request.Add(ChatMessage.System(input.SystemPrompt!));
        if (input.History != null) request.AddRange(input.History);

        added.AddRange(input.Messages);
        foreach (var file in input.Files) added.Add(FileMessage(file));
        if (prompt != null)
        {
            var text = material is null ? prompt : material + MaterialSeparator + prompt;
            added.Add(input.Images.Count == 0 ? ChatMessage.User(text) : UserWithImages(text, input.Images));
        }
        request.AddRange(added);

        if (!IsBlank(input.Prefix)) request.Add(new ChatMessage("assistant", input.Prefix) { Partial = true });
        return new ChatTurn(request, added);
    }

    /// <summary>A document as Kimi expects it: its extracted text, unchanged, in a system message.</summary>
    public static ChatMessage FileMessage(KimiFileContent file) => ChatMessage.System(file.Content);

    /// <summary>-Thinking enabled/disabled as the request's switch; null (or empty): the model's default.</summary>
    public static bool? ParseThinking(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (string.Equals(value, "enabled", StringComparison.OrdinalIgnoreCase)) return true;
        if (string.Equals(value, "disabled", StringComparison.OrdinalIgnoreCase)) return false;
        throw Errors.InvalidParameter("Thinking", Msg.PHasValue.Format(value), Msg.ThinkingValueFix);
    }

    /// <summary>Combinations of Invoke-KimiChat options that cannot work, refused before any request.</summary>
    public static void ValidateOptions(int throttleLimit, bool stream, bool conversation, bool invokeTools,
        bool json, string? jsonSchema, string? prefix)
    {
        if (throttleLimit > 1)
        {
            var clash = new List<string>();
            if (stream) clash.Add("-Stream");
            if (conversation) clash.Add("-Conversation");
            if (invokeTools) clash.Add("-InvokeTools");
            if (clash.Count > 0)
                throw Errors.InvalidParameter("ThrottleLimit",
                    Msg.PThrottleClash.Format(throttleLimit, string.Join(" or ", clash)),
                    Msg.ThrottleClashFix.Format(string.Join(", ", clash)));
        }
        if (json && !string.IsNullOrEmpty(jsonSchema))
            throw Errors.InvalidParameter("Json", Msg.PJsonSchemaClash, Msg.JsonSchemaClashFix);
        if ((json || !string.IsNullOrEmpty(jsonSchema)) && !IsBlank(prefix))
            throw Errors.InvalidParameter("Prefix", Msg.PPrefixJsonClash,
                Msg.PrefixJsonClashFix);
        if (!string.IsNullOrEmpty(jsonSchema)) ToolSchema.ValidateObjectSchema(jsonSchema!, "JsonSchema");
    }

    private static ChatMessage UserWithImages(string text, IEnumerable<ChatContentPart> images)
    {
        var parts = new List<ChatContentPart> { ChatContentPart.FromText(text) };
        parts.AddRange(images);
        return ChatMessage.UserParts(parts.ToArray());
    }

    private static bool IsBlank(string? s) => s is null || s.Trim().Length == 0;
}
