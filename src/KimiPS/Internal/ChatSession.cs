using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS;

/// <summary>
/// Enter-KimiChat's loop, on the pipeline thread: read a line through the host (Host.UI.ReadLine, so any interactive
/// host and a scripted test host work), run a slash command or stream one answer as live text, and go on. A failed
/// turn is written as an error and the loop continues; only a terminating error (a rejected key) or a stop ends it.
/// </summary>
internal sealed class ChatSession
{
    /// <summary>What ReadLine is preceded by, so the user sees where to type.</summary>
    internal static string PromptText => Msg.ChatPrompt;

    /// <summary>At most this many chunks wait for the pipeline thread (as Invoke-KimiChat -Stream).</summary>

    private static readonly string[] HostTags = { LiveTextWriter.HostTag };
    private readonly KimiCmdlet _cmdlet;
    private readonly KimiConversation _conversation;
    private readonly string? _systemPrompt;
    private readonly bool _hideReasoning;
    private readonly bool _consoleHost;
    private string _model;
    private bool? _thinking;
    private ChatUsage? _usage;
    private int _answers;
    // What was typed while the last answer streamed: whole lines are asked in turn, then the rest begins the next line.
    private readonly Queue<string> _typedLines = new();
    private string _typedStart = "";

    public ChatSession(KimiCmdlet cmdlet, KimiConversation conversation, string model, string? systemPrompt, bool hideReasoning)
    {
        _cmdlet = cmdlet;
        _conversation = conversation;
        _model = model;
        _systemPrompt = systemPrompt;
        _hideReasoning = hideReasoning;
        _consoleHost = string.Equals(cmdlet.Host?.Name, "ConsoleHost", StringComparison.Ordinal);
    }

    public void Run()
    {
        // A host without a window (a job, a runspace without UI) cannot read what a person types: its ReadLine
        // returns nothing or fails, so say so before the chat starts.
        if (!LiveTextRule.HasWindow(_cmdlet.Host)) _cmdlet.ThrowTerminating(ModuleErrors.HostNotInteractive(new PSInvalidOperationException(Msg.HostHasNoWindow)));
        Say(Msg.ChatWelcome.Format(_model));
        while (true)
        {
            var line = ReadLine();
            if (line is null) return; // end of input
            if (line.Trim().Length == 0) continue;
            var command = ChatSessionCommand.Parse(line);
            if (command.IsPrompt) _cmdlet.Try(line, () => Answer(command.Argument));
            else if (!RunCommand(command)) return;
        }
    }

    private string? ReadLine()
    {
        Write(PromptText, noNewLine: true);
        if (_typedLines.Count > 0)
        {
            var typed = _typedLines.Dequeue();
            Say(typed); // it was not echoed while the answer streamed
            return typed;
        }
        var start = _typedStart;
        _typedStart = "";
        if (start.Length > 0) Write(start, noNewLine: true);
        try
        {
            var rest = _cmdlet.Host.UI.ReadLine();
            return rest is null && start.Length == 0 ? null : start + rest;
        }
        catch (Exception ex) when (ex is System.Management.Automation.Host.HostException or PSInvalidOperationException or NotImplementedException or NotSupportedException or NullReferenceException)
        {
            _cmdlet.ThrowTerminating(ModuleErrors.HostNotInteractive(ex));
            return null; // not reached
        }
    }

    /// <summary>One streamed answer, rendered live; the turn joins the conversation only when the answer is complete.</summary>
    private void Answer(string prompt)
    {
        var input = new ChatInput { Prompt = prompt, SystemPrompt = _systemPrompt, History = _conversation.Messages };
        var turn = ChatInputBuilder.Build(input);
        var request = new ChatRequest { Model = _model, Thinking = _thinking, Messages = turn.Request };
        var live = new LiveTextWriter(_cmdlet.WriteInformation, LiveTextStyle.For(_cmdlet, _hideReasoning));
        var client = _cmdlet.Client;
        ChatCompletion? completion;
        var cancel = AnswerCancellation.Start(_consoleHost);
        try
        {
            completion = _cmdlet.Wait(ct => Stream(client, request, live, ct, cancel.Token));
        }
        catch (OperationCanceledException) when (cancel.Cancelled)
        {
            live.End();
            Say(Msg.AnswerCancelled);
            return;
        }
        finally
        {
            cancel.Dispose();
            KeepTypedAhead(cancel.TypedAhead);
        }
        live.End();
        if (completion is null) throw Errors.ProtocolError(Msg.StreamNoFinal, action: Msg.AskAgain);
        _conversation.AppendTurn(turn.NewMessages, completion);
        _usage = ChatUsage.Add(_usage, completion.Usage);
        _answers++;
        if (completion.FinishReason == "length") _cmdlet.Warn(Msg.ChatAnswerCut);
    }

    /// <summary>What was typed during an answer: each whole line is asked next, in order; the rest starts the line after them.</summary>
    private void KeepTypedAhead(string typed)
    {
        if (typed.Length == 0) return;
        var lines = (_typedStart + typed).Split('\n');
        for (var i = 0; i < lines.Length - 1; i++) _typedLines.Enqueue(lines[i]);
        _typedStart = lines[lines.Length - 1];
    }

    /// <summary>On a worker: the answer's chunks, written live on the pipeline thread.</summary>
    private ChatCompletion? Stream(KimiClient client, ChatRequest request, LiveTextWriter live, CancellationToken stop, CancellationToken answer)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, answer);
        return _cmdlet.PostChunks(client.ChatStream(request, linked.Token), live.Write, linked.Token);
    }

    /// <summary>Runs a slash command; false for /exit.</summary>
    private bool RunCommand(ChatSessionCommand command)
    {
        switch (command.Name)
        {
            case "exit":
            case "quit":
                return false;
            case "help":
                foreach (var (usage, meaning) in ChatSessionCommand.Help) Say($"  {usage,-18} {(string)meaning}");
                break;
            case "model":
                if (command.Argument.Length == 0) Say(Msg.ChatModelIs.Format(_model));
                else
                {
                    _model = command.Argument;
                    _conversation.Model = _model;
                    Say(Msg.ChatModelSet.Format(_model));
                }
                break;
            case "thinking":
                _thinking = command.Argument.ToLowerInvariant() switch { "on" => true, "off" => false, _ => _thinking };
                Say(command.Argument == "on" ? Msg.ChatThinkingOn : command.Argument == "off" ? Msg.ChatThinkingOff : (string)Msg.ChatThinkingUsage);
                break;
            case "file":
                if (command.Argument.Length == 0) Say(Msg.ChatFileUsage);
                else _cmdlet.Try(command.Argument, () => AddFile(command.Argument));
                break;
            case "save":
                if (command.Argument.Length == 0) Say(Msg.ChatSaveUsage);
                else _cmdlet.Try(command.Argument, () => Save(command.Argument));
                break;
            case "rewind":
                Rewind(command.Argument);
                break;
            case "usage":
                var u = _usage ?? new ChatUsage();
                Say(Msg.ChatUsageLine.Format(u.PromptTokens, u.CachedTokens, u.CompletionTokens, u.TotalTokens, _answers));
                break;
            default:
                Say(Msg.ChatUnknownCommand.Format(command.Name));
                break;
        }
        return true;
    }

    /// <summary>Uploads the document, adds its extracted text as a system message, and deletes the upload again.</summary>
    private void AddFile(string path)
    {
        var resolved = ResolveExisting(path);
        var client = _cmdlet.Client;
        var file = _cmdlet.Wait(ct => client.UploadFile(resolved, ct: ct));
        string content;
        try
        {
            content = _cmdlet.Wait(ct => client.GetFileContent(file.Id, ct));
        }
        finally
        {
            _cmdlet.Wait(ct => { client.DeleteFile(file.Id, ct); return true; });
        }
        _conversation.Messages.Add(ChatInputBuilder.FileMessage(new KimiFileContent(file.Id, file.FileName, content)));
        Say(Msg.ChatFileAdded.Format(TerminalText.Clean(file.FileName), content.Length));
    }

    private string ResolveExisting(string path)
    {
        try
        {
            var resolved = _cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out var provider);
            if (resolved.Count == 1 && File.Exists(resolved[0]) && provider.Name == "FileSystem") return resolved[0];
        }
        catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or ArgumentException)
        {
        }
        throw new KimiException(KimiErrorIds.PathNotFound, KimiErrorCategories.ObjectNotFound,
            Msg.ChatFileNotFound.Format(path), Msg.ChatFileNotFoundFix);
    }

    private void Save(string path)
    {
        var resolved = OutputPaths.Resolve(_cmdlet.SessionState.Path, path, "save", literal: true);
        ConversationJson.Save(_conversation, resolved, noClobber: false);
        Say(Msg.ChatSaved.Format(_conversation.Messages.Count, resolved));
    }

    private void Rewind(string argument)
    {
        var count = 1;
        if (argument.Length > 0 && (!int.TryParse(argument, out count) || count < 1))
        {
            Say(Msg.ChatRewindUsage);
            return;
        }
        var removed = 0;
        for (; removed < count; removed++)
        {
            var last = _conversation.Messages.FindLastIndex(m => m.Role == "user");
            if (last < 0) break;
            _conversation.Messages.RemoveRange(last, _conversation.Messages.Count - last);
        }
        Say(Msg.ChatRewound.Format(removed, _conversation.TurnCount));
    }

    private void Say(string line) => Write(line, noNewLine: false);

    private void Write(string text, bool noNewLine) =>
        _cmdlet.WriteInformation(new HostInformationMessage { Message = text, NoNewLine = noNewLine }, HostTags);
}
