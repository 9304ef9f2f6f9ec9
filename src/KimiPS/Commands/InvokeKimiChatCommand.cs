using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Sends a prompt, piped text or documents to a Kimi model and returns the answer.</summary>
/// <remarks>
/// Invoke-KimiChat asks a Kimi model a question. Anything can be piped to it. Without -Prompt, each piped string is
/// a prompt of its own request. With -Prompt, piped text and objects are the material the prompt is about: they are
/// collected and sent as ONE request when the input ends (the lines joined in order, then the objects as one JSON
/// array), so a 1,000-line log is one request; -ForEach sends one request per line or object instead. An answer
/// (ChatCompletion) piped on is its text. Any other object is sent as compact JSON of its properties (two levels of
/// objects, at most 32 KB per object; a warning names what was cut); an ErrorRecord or exception as its message,
/// FullyQualifiedErrorId, category, target, failing command line and script stack trace, and inner exceptions. A SecureString or PSCredential (also inside an
/// object) is refused, and a connection object is sent with its key hint only. A KimiFile from Send-KimiFile or a
/// KimiFileContent from Get-KimiFileContent (and a ChatMessage) still makes one request each, as it arrives: the
/// document becomes a system message holding its text, which is how Kimi reads documents; text piped along with
/// documents makes its own request, after theirs. Before sending, a request that cannot fit the model's context
/// (a local estimate against ContextLength from Get-KimiModel) fails with KimiContextLengthExceeded.
///
/// Without -Stream the result is a ChatCompletion (its Content is the answer; ReasoningContent the model's thinking;
/// Usage the tokens). With -Stream at an interactive console (the command last in its pipeline, output not
/// redirected) the answer flows onto the screen as text while it is generated, written as Write-Host writes
/// (information records tagged PSHOST), and the ChatCompletion follows, displayed as a short footer (Model,
/// FinishReason, Usage). Piped onward, in a job or redirected, -Stream writes ChatChunk objects the moment they
/// arrive; the last one carries the whole ChatCompletion. -LiveText Always or Never forces either way;
/// -ContentOnly writes only the text, as [string].
///
/// With -Conversation, the history is sent first and the new turn (with reasoning and tool calls) is appended.
/// -WebSearch lets the model use Kimi's server-side web search. -Tool offers functions; with -InvokeTools the
/// calls of tools made by New-KimiTool -Command are run and their output is sent back until the model answers.
/// The model chooses a call's arguments, and any document or web page it reads can steer that choice, so each
/// run is confirmed as a High-impact action: you are asked before every run unless you pass -Confirm:$false (or
/// $ConfirmPreference is 'None'); a host that cannot ask gets a KimiToolConfirmationRequired error and nothing
/// runs. A call that passes any argument the tool's schema does not declare (a parameter left out by
/// -IncludeParameter, one of another parameter set, a common parameter such as -Confirm or -ErrorAction, an
/// abbreviation or an unknown name) is refused with a warning: nothing runs and the model is told which
/// parameters it may pass. -WhatIf reports the request instead of
/// sending it. -ThrottleLimit runs several piped prompts at once and still writes the answers in input order.
/// Sampling options a model does not accept are dropped with a warning.
/// </remarks>
/// <example>
/// <code>PS> Invoke-KimiChat 'Explain PowerShell splatting in two sentences.'</code>
/// <para>Asks one question with the connection's default model and prints the answer.</para>
/// </example>
/// <example>
/// <code>PS> Get-ChildItem *.pdf | Send-KimiFile | Get-KimiFileContent | Invoke-KimiChat 'Summarize this document in five bullet points.'</code>
/// <para>Uploads each PDF, fetches its extracted text and asks for a summary of each document.</para>
/// </example>
/// <example>
/// <code>PS> Get-Content .\app.log | Invoke-KimiChat 'Summarize the errors' -Stream</code>
/// <para>Sends the whole log (its lines in order) as the material of one request and shows the answer as it is generated.</para>
/// </example>
/// <example>
/// <code>PS> $c = New-KimiConversation -SystemPrompt 'You are a terse Linux admin.'
/// PS> Invoke-KimiChat 'How do I list open ports?' -Conversation $c
/// PS> Invoke-KimiChat 'And only for TCP?' -Conversation $c</code>
/// <para>Holds a multi-turn conversation; the second question is understood in the context of the first.</para>
/// </example>
/// <example>
/// <code>PS> Invoke-KimiChat 'What is the top PowerShell news this week?' -WebSearch -Thinking disabled</code>
/// <para>Lets the model search the web (Kimi runs the search) before answering.</para>
/// </example>
/// <example>
/// <code>PS> $tool = New-KimiTool -Command Get-Service -IncludeParameter Name
/// PS> Invoke-KimiChat 'Is the Spooler service running?' -Tool $tool -InvokeTools</code>
/// <para>Lets the model call Get-Service with only its -Name parameter, asking for confirmation before each call.
/// Add -Confirm:$false to let it run the tool without asking.</para>
/// </example>
/// <example>
/// <code>PS> Get-Content questions.txt | Invoke-KimiChat -ThrottleLimit 4 | Select-Object -ExpandProperty Content</code>
/// <para>Asks one question per line, four at a time, and writes the answers in the order of the questions.</para>
/// </example>
/// <example>
/// <code>PS> Get-Service | Where-Object Status -eq Stopped | Invoke-KimiChat 'Which of these should run on a web server?'</code>
/// <para>Sends the stopped services, as one JSON array of their properties, with the question: one request.</para>
/// </example>
/// <example>
/// <code>PS> $Error[0] | Invoke-KimiChat 'Why did this fail?'</code>
/// <para>Explains the last error: the model gets its message, error id, category, target, the failing command line and the script stack trace.</para>
/// </example>
/// <example>
/// <code>PS> git log -5 --oneline | Invoke-KimiChat 'Write release notes for these changes.'</code>
/// <para>Sends the output of a native command, its lines in order, as one request.</para>
/// </example>
/// <example>
/// <code>PS> Get-Content .\questions.txt | Invoke-KimiChat 'Answer in one sentence.' -ForEach</code>
/// <para>Sends one request per line, each line with the prompt, and writes one answer per line.</para>
/// </example>
/// <example>
/// <code>PS> $answer = Invoke-KimiChat 'Explain $PSStyle briefly.' -Stream -HideReasoning
/// PS> $answer.Content</code>
/// <para>Shows the answer live without the model's reasoning; $answer holds the ChatCompletion.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Invoke, "KimiChat", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ChatCompletion), typeof(ChatChunk), typeof(string))]
public sealed class InvokeKimiChatCommand : KimiCmdlet
{
    private ChatRequest _template = null!;
    private readonly List<ChatContentPart> _images = new();
    private CommandToolRunner? _runner;
    private OrderedWorkQueue<ChatJob, object>? _queue;
    private bool _live;
    private PipedInput _piped = null!;
    private string _connectionKey = "";
    private bool _sawNull;
    private bool _submitted;

    /// <summary>The question or instruction. Piped text and objects are the material it is about, sent with it in one request (see -ForEach).</summary>
    [Parameter(Position = 0)]
    [AllowEmptyString]
    public string? Prompt { get; set; }

    /// <summary>Any object. Text is the prompt, or with -Prompt the material; other objects are material as compact JSON (errors as their message, id, category, command line and stack trace). With -Prompt, piped text and objects are sent as ONE request after the input ends (unless -ForEach); a KimiFile, KimiFileContent or ChatMessage makes one request each. SecureString and PSCredential are refused.</summary>
    [Parameter(ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    /// <summary>With -Prompt: one request per piped line or object, instead of one request for all of them (named after ForEach-Object, and Pester's -ForEach: once for each item).</summary>
    [Parameter]
    public SwitchParameter ForEach { get; set; }

    /// <summary>Instructions sent first, as a system message. Not stored in a -Conversation (give New-KimiConversation -SystemPrompt for that).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SystemPrompt { get; set; }

    /// <summary>The model id. Default: the conversation's model, else the connection's default (kimi-k2.6).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KimiModelCompleter))]
    public string? Model { get; set; }

    /// <summary>Streams the answer as it is generated. As the last command at an interactive console it flows onto the screen as text (see -LiveText) and the ChatCompletion is written at the end; piped onward or redirected, ChatChunk objects are written as they arrive and the last carries the whole ChatCompletion. A chunk displays as its text only; to see its properties use Format-List -Force (as for error records) or Select-Object *.</summary>
    [Parameter]
    public SwitchParameter Stream { get; set; }

    /// <summary>Whether -Stream shows the answer on the host as live text. Default: Auto. Auto renders it when this is the last command of its pipeline in an interactive host whose output is not redirected; Always renders it anyway; Never writes ChatChunk objects. Live text is written as Write-Host writes (information records tagged PSHOST): -InformationAction Ignore silences it, 6&gt; or -InformationVariable capture it.</summary>
    [Parameter]
    public LiveTextMode LiveText { get; set; }

    /// <summary>Live text shows no reasoning (it stays in the answer's ReasoningContent). Otherwise reasoning is dimmed where the terminal allows colour, else prefixed with [thinking].</summary>
    [Parameter]
    public SwitchParameter HideReasoning { get; set; }

    /// <summary>Writes only the answer's text as a [string]; with -Stream, each piece of text as it arrives. Nothing is rendered live.</summary>
    [Parameter]
    public SwitchParameter ContentOnly { get; set; }

    /// <summary>A conversation from New-KimiConversation or Import-KimiConversation: sent as history, and extended with this turn.</summary>
    [Parameter]
    [ValidateNotNull]
    public KimiConversation? Conversation { get; set; }

    /// <summary>Messages to send as they are (after the history, before the prompt), for example [KimiPS.Core.ChatMessage]::User('…').</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public ChatMessage[]? Message { get; set; }

    /// <summary>Image files (png, jpg, jpeg, webp, gif) sent with the prompt to a vision model. Wildcards are allowed.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[]? Image { get; set; }

    /// <summary>Sampling temperature, 0 to 1. Fixed on kimi-k2.5/k2.6/k2.7-code/k3 (a different value is dropped with a warning).</summary>
    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double Temperature { get; set; }

    /// <summary>Nucleus sampling, 0 to 1. Fixed on the newest models.</summary>
    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double TopP { get; set; }

    /// <summary>Most tokens to generate, reasoning included.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int MaxTokens { get; set; }

    /// <summary>How many answers to generate (1 to 5; more than 1 needs a temperature of at least 0.3).</summary>
    [Parameter]
    [ValidateRange(1, 5)]
    public int N { get; set; }

    /// <summary>Up to five strings that end the answer when generated.</summary>
    [Parameter]
    [ValidateCount(1, 5)]
    public string[]? Stop { get; set; }

    /// <summary>JSON mode: the answer is a JSON object. Describe the wanted fields in the prompt.</summary>
    [Parameter]
    public SwitchParameter Json { get; set; }

    /// <summary>A JSON schema (text) the answer must follow.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? JsonSchema { get; set; }

    /// <summary>Tools the model may call (New-KimiTool). Their calls are in the answer's ToolCalls unless -InvokeTools runs them.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public ChatTool[]? Tool { get; set; }

    /// <summary>auto, none, required, or a tool name. Kimi accepts only auto and none: required and a tool name are sent as auto, and a model that calls no tool is asked once more; a warning says when it still calls none.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ToolChoice { get; set; }

    /// <summary>Runs the model's calls of tools made by New-KimiTool -Command and sends the results back until it answers. Each run asks for confirmation unless -Confirm:$false; arguments outside a tool's schema are refused.</summary>
    [Parameter]
    public SwitchParameter InvokeTools { get; set; }

    /// <summary>Most requests of one tool loop (-InvokeTools, -WebSearch). Default 10.</summary>
    [Parameter]
    [ValidateRange(1, 50)]
    public int MaxToolRounds { get; set; } = ChatRounds.DefaultMaxToolRounds;

    /// <summary>Lets the model search the web with Kimi's built-in $web_search (billed per search). Not available with thinking on some models: add -Thinking disabled.</summary>
    [Parameter]
    public SwitchParameter WebSearch { get; set; }

    /// <summary>Turns thinking on or off on models that have the switch (kimi-k2.5, kimi-k2.6). Default: the model's.</summary>
    [Parameter]
    [ValidateSet("enabled", "disabled")]
    public string? Thinking { get; set; }

    /// <summary>Preserved Thinking: the model sees the reasoning of earlier turns (kimi-k2.6).</summary>
    [Parameter]
    public SwitchParameter KeepThinking { get; set; }

    /// <summary>How hard kimi-k3 thinks: low, high or max.</summary>
    [Parameter]
    [ValidateSet("low", "high", "max")]
    public string? ReasoningEffort { get; set; }

    /// <summary>Partial Mode: the start of the answer, which the model continues.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Prefix { get; set; }

    /// <summary>Seconds this request may take in total, retries included (for -Stream: until the answer starts), 1 to 86400. Default: Connect-Kimi -TimeoutSec (600).</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int TimeoutSec { get; set; }

    /// <summary>Seconds a stream may send nothing before it fails with KimiTimeout, 1 to 86400. Default: Connect-Kimi -IdleTimeoutSec (120).</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int IdleTimeoutSec { get; set; }

    /// <summary>When an answer stops at the token limit, continue it this many times at most (Partial Mode); a warning says when it is still cut after the last.</summary>
    [Parameter]
    [ValidateRange(0, 10)]
    public int AutoContinue { get; set; }

    /// <summary>How many piped prompts run at once (default 1), within Connect-Kimi's -MaxConcurrency, -RequestsPerMinute and -TokensPerMinute; after a 429 it slows down with a warning. Answers are still written in input order. Not with -Stream, -Conversation or -InvokeTools.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 1;

    /// <summary>A connection from Connect-Kimi -PassThru, instead of the session's.</summary>
    [Parameter]
    [ValidateNotNull]
    public KimiConnection? Connection { get; set; }

    internal override KimiConnection? ConnectionParameter => Connection;

    internal override void ConfigureClient(KimiClientOptions options)
    {
        if (MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec))) options.RequestTimeout = TimeSpan.FromSeconds(TimeoutSec);
        if (MyInvocation.BoundParameters.ContainsKey(nameof(IdleTimeoutSec))) options.StreamIdleTimeout = TimeSpan.FromSeconds(IdleTimeoutSec);
    }

    protected override void BeginProcessing()
    {
        bool? thinking = null;
        try
        {
            ChatInputBuilder.ValidateOptions(ThrottleLimit, Stream, Conversation != null, InvokeTools, Json, JsonSchema, Prefix);
            thinking = ChatInputBuilder.ParseThinking(Thinking);
            if (ContentOnly && LiveText == LiveTextMode.Always)
                throw Errors.InvalidParameter("ContentOnly", "writes the text as output, and -LiveText Always renders it on the host instead",
                    "Pass one of them: -ContentOnly for [string] output, -LiveText Always for text on the screen.");
            foreach (var path in ResolveImages()) _images.Add(ImageInput.Load(path));
        }
        catch (KimiException ex)
        {
            ThrowTerminating(ex);
        }
        _template = CreateTemplate(thinking);
        _live = Stream && !ContentOnly && LiveTextRule.ShouldRender(LiveText, MyInvocation, Host);
        _connectionKey = ActiveConnection.CacheKey;
        _piped = new PipedInput(!string.IsNullOrWhiteSpace(Prompt), ForEach);

        if (InvokeTools)
        {
            _runner = new CommandToolRunner(Tool ?? Array.Empty<ChatTool>(), RunTool, new PipelineThread(Post));
            if (Tool is null || Tool.All(t => KimiToolBinding.Of(t) is null))
                WriteWarning("-InvokeTools runs only tools made by New-KimiTool -Command; none of the -Tool tools was. Tool calls will be returned in ToolCalls.");
        }

        if (ThrottleLimit > 1)
        {
            var client = Client;
            _queue = StartQueue<ChatJob, object>(ThrottleLimit, (job, ct) => RunQueued(client, job, ct), job => TokenEstimate.Of(job.Input));
        }
    }

    protected override void ProcessRecord()
    {
        var item = PipelineInput.Unwrap(InputObject);
        var target = item ?? Prompt;
        // With -Prompt, piped text and objects are the material of one request, sent when the input ends.
        if (_piped.Collects(item))
        {
            Try(item, () => _piped.Collect(item!));
            return;
        }
        if (item is null && _piped.Collecting && MyInvocation.ExpectingInput)
        {
            _sawNull = true;
            return;
        }
        var input = NewInput();
        if (!Try(target, () => _piped.AddTo(input, item, Warn))) return;
        Submit(input, target);
    }

    protected override void EndProcessing()
    {
        if (_piped.Collected is { IsEmpty: false } collected) SubmitCollected(collected);
        else if (_sawNull && !_submitted) Submit(NewInput(), Prompt); // $null | Invoke-KimiChat 'question': the question alone, as before
        if (_queue != null) WriteResults(_queue.Finish(), job => job.Target);
    }

    /// <summary>The one request of the collected text and objects. Its error's target is the whole collected input: nothing is lost.</summary>
    private void SubmitCollected(PipedMaterial collected)
    {
        var target = collected.Items.ToArray();
        var input = NewInput();
        input.PipedText = collected.Text();
        if (_piped.CollectedCuts is { } cut) Warn(cut);
        // Input beyond what is kept in memory cannot be sent whole, and is more than any model accepts.
        if (collected.Overflowed) Try(target, () => ContextGuard.Check(ContextGuard.Estimate(input, _template.MaxTokens, collected.CountedChars - input.PipedText.Length),
            _template.Model, _template.MaxTokens, () => null, overflowed: true));
        else Submit(input, target);
    }

    private ChatInput NewInput()
    {
        var input = new ChatInput { Prompt = Prompt, SystemPrompt = SystemPrompt, History = Conversation?.Messages, Prefix = Prefix };
        foreach (var m in Message ?? Array.Empty<ChatMessage>()) input.Messages.Add(m);
        foreach (var image in _images) input.Images.Add(image);
        return input;
    }

    private void Submit(ChatInput input, object? target)
    {
        _submitted = true;
        // A request costs money: -WhatIf reports it instead of sending it (tool runs are gated again, per call).
        if (!ShouldProcess(_template.Model, "Send a chat request")) return;
        if (_queue is null)
        {
            Try(target, () => Converse(input));
            return;
        }
        // Build (and validate) here, so a bad item fails at once and in order; the request runs on the queue.
        if (input.PendingFiles.Count == 0 && !Try(target, () => ChatInputBuilder.Build(input))) return;
        var queue = _queue;
        if (Try(target, () => queue.Add(new ChatJob(target, input)))) WriteResults(queue.TakeReady(), job => job.Target);
    }

    private ChatRequest CreateTemplate(bool? thinking)
    {
        var bound = MyInvocation.BoundParameters;
        var request = new ChatRequest
        {
            Model = Model ?? Conversation?.Model ?? ActiveConnection.DefaultModel,
            Temperature = bound.ContainsKey(nameof(Temperature)) ? Temperature : null,
            TopP = bound.ContainsKey(nameof(TopP)) ? TopP : null,
            MaxTokens = bound.ContainsKey(nameof(MaxTokens)) ? MaxTokens : null,
            N = bound.ContainsKey(nameof(N)) ? N : null,
            Stop = Stop,
            ToolChoice = ToolChoice,
            Thinking = thinking,
            KeepThinking = KeepThinking,
            ReasoningEffort = ReasoningEffort,
            AutoContinue = AutoContinue,
        };
        if (Json) request.ResponseFormat = ChatResponseFormat.JsonObject;
        else if (JsonSchema != null) request.ResponseFormat = ChatResponseFormat.JsonSchema("response", JsonSchema);

        var tools = new List<ChatTool>(Tool ?? Array.Empty<ChatTool>());
        if (WebSearch && !tools.Any(t => t.Name == ChatTool.WebSearch.Name)) tools.Add(ChatTool.WebSearch);
        if (tools.Count > 0) request.Tools = tools;
        return request;
    }

    private IEnumerable<string> ResolveImages()
    {
        foreach (var path in Image ?? Array.Empty<string>())
        {
            Collection<string> resolved;
            try
            {
                resolved = GetResolvedProviderPathFromPSPath(path, out _);
            }
            catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException)
            {
                throw ModuleErrors.PathNotFound("Image", path);
            }
            if (resolved.Count == 0) throw ModuleErrors.PathNotFound("Image", path);
            foreach (var r in resolved) yield return r;
        }
    }

    /// <summary>One request: the client's rounds engine (tool loop included) runs on a worker, the pipeline thread writes.</summary>
    private void Converse(ChatInput input)
    {
        var client = Client;
        if (input.PendingFiles.Count > 0 || ContextGuard.NeedsLookup(ContextGuard.Estimate(input, _template.MaxTokens), false))
            Wait(ct => { FetchFiles(client, input, ct); CheckContext(client, input, ct); return true; });
        var turn = ChatInputBuilder.Build(input);
        var request = _template.Clone();
        request.Messages = turn.Request;
        var rounds = client.Rounds(request, _runner, MaxToolRounds);
        var live = _live ? new LiveTextWriter(WriteInformation, LiveTextStyle.For(this, HideReasoning)) : null;
        Action<ChatChunk> write = live is null ? WriteChunk : live.Write;
        var completion = Stream
            ? Wait(ct => ReadStream(client.ChatStream(rounds, ct), write, ct)) ?? throw Errors.ProtocolError(
                "The stream ended without its final answer.", action: "Ask again without -Stream.")
            : Wait(ct => client.Chat(rounds, ct));
        live?.End();
        WriteLoopWarnings(rounds, completion, Warn);
        if (live != null) completion.ShownLive = true;
        if (live != null || !Stream) WriteCompletion(completion);
        Conversation?.AppendTurn(turn.NewMessages.Concat(rounds.AddedMessages), completion);
    }

    /// <summary>A streamed chunk goes to the output as itself, or as its text with -ContentOnly.</summary>
    private void WriteChunk(ChatChunk chunk)
    {
        if (!ContentOnly) WriteObject(chunk);
        else if (chunk.ChoiceIndex == 0 && !string.IsNullOrEmpty(chunk.Content)) WriteObject(chunk.Content);
    }

    private void WriteCompletion(ChatCompletion completion)
    {
        if (ContentOnly) WriteObject(completion.Content ?? "");
        else WriteObject(completion);
    }

    /// <summary>
    /// On a worker: posts each chunk for the pipeline thread, at most <see cref="MaxUnwrittenChunks"/> ahead of its writes.
    /// Reading there is what lets a retry's back-off warning (posted while the send waits) be written before the wait.
    /// </summary>
    private ChatCompletion? ReadStream(IEnumerable<ChatChunk> stream, Action<ChatChunk> write, CancellationToken ct)
    {
        // Not disposed: a posted write may release it after this returns. It has no wait handle to free.
        var room = new SemaphoreSlim(MaxUnwrittenChunks, MaxUnwrittenChunks);
        ChatCompletion? completion = null;
        foreach (var chunk in stream)
        {
            room.Wait(ct);
            Post(() =>
            {
                room.Release();
                write(chunk);
            });
            completion = chunk.Completion ?? completion;
        }
        return completion;
    }

    /// <summary>A slow consumer (Write-Host per chunk) holds the reader back here rather than letting chunks pile up in memory.</summary>
    private const int MaxUnwrittenChunks = 256;

    /// <summary>A queued request, on a worker thread: no Write* here, only the queue's Post.</summary>
    private object RunQueued(KimiClient client, ChatJob job, CancellationToken ct)
    {
        FetchFiles(client, job.Input, ct);
        CheckContext(client, job.Input, ct);
        var turn = ChatInputBuilder.Build(job.Input);
        var request = _template.Clone();
        request.Messages = turn.Request;
        var rounds = client.Rounds(request, runner: null, MaxToolRounds);
        var completion = client.Chat(rounds, ct);
        var queue = _queue!;
        WriteLoopWarnings(rounds, completion, message => queue.Post(() => Warn(message)));
        return ContentOnly ? completion.Content ?? "" : completion;
    }

    /// <summary>The size guard, off the pipeline thread: it may look the model's context length up (/v1/models, cached).</summary>
    private void CheckContext(KimiClient client, ChatInput input, CancellationToken ct) =>
        ContextGuard.Check(ContextGuard.Estimate(input, _template.MaxTokens), _template.Model, _template.MaxTokens,
            () => ModelContextCache.Shared.Get(_connectionKey, _template.Model, () => client.ListModels(ct)));

    private static void FetchFiles(KimiClient client, ChatInput input, CancellationToken ct)
    {
        foreach (var file in input.PendingFiles) input.Files.Add(new KimiFileContent(file.Id, file.FileName, client.GetFileContent(file.Id, ct)));
        input.PendingFiles.Clear();
    }

    private void WriteLoopWarnings(ChatRounds rounds, ChatCompletion completion, Action<string> warn)
    {
        // With -AutoContinue the rounds engine warns itself when the answer is still cut.
        if (completion.FinishReason == "length" && AutoContinue == 0)
            warn("The answer was cut at the token limit (finish_reason length); raise -MaxTokens, or add -AutoContinue to continue it.");
        if (rounds.ToolLimitReached)
            warn($"The model still asked for tools after {MaxToolRounds} requests (-MaxToolRounds {MaxToolRounds}); its last answer, with its ToolCalls, is returned.");
        if (rounds.Unhandled.Count > 0 && InvokeTools)
            warn($"The model called {string.Join(", ", rounds.Unhandled.Select(c => c.Name).Distinct())}, which -InvokeTools cannot run " +
                 "(only tools made by New-KimiTool -Command run); the calls are in the answer's ToolCalls.");
    }

    /// <summary>
    /// Runs one model-requested call of a bound command. Arguments outside the tool's schema are refused before
    /// anything runs; failures become the tool result, so the model can react.
    /// </summary>
    private string RunTool(ToolCall call, ToolBinding tool)
    {
        var command = tool.Command;
        System.Collections.Hashtable arguments;
        try
        {
            arguments = ToolSchema.ParseArguments(call.Arguments, tool.Parameters, out var refused);
            if (refused.Count > 0)
            {
                WriteWarning($"The model called {command.Name} with {ToolSchema.Quote(refused.Select(TerminalText.Clean))}, which the tool does not offer; " +
                             "the call was refused and nothing ran.");
                return ToolSchema.RefusalResult(refused, tool.Parameters);
            }
        }
        catch (KimiException ex)
        {
            return "Error: " + ex.Message;
        }

        if (!ConfirmToolRun(command, TerminalText.Clean(call.Arguments)))
            return "The user declined to run this tool call.";
        try
        {
            WriteVerbose($"Running tool {call.Name} ({command.Name}).");
            // 2>&1 and Out-String: the model gets the command's errors and its formatted output as text.
            var output = InvokeCommand.InvokeScript(
                "param($kimiCommand, $kimiArguments) & $kimiCommand @kimiArguments 2>&1 | Out-String -Width 160",
                true, PipelineResultTypes.None, null, command, arguments);
            return ToolOutput.Format(string.Concat(output.Select(o => o?.ToString())));
        }
        // PipelineStoppedException is a RuntimeException too: Ctrl+C during a tool run must stop the pipeline,
        // not become a tool result that the loop sends back to the model.
        catch (Exception ex) when (ex is KimiException || ex is RuntimeException and not PipelineStoppedException)
        {
            return "Error: " + ex.Message;
        }
    }

    private bool _yesToAllTools;
    private bool _noToAllTools;

    /// <summary>
    /// The model picks a tool's arguments, and any document it reads can steer it: a run is confirmed as a High-impact
    /// action (asked unless -Confirm:$false or $ConfirmPreference = 'None'), although sending a chat is Medium.
    /// ShouldProcess first, for -WhatIf and -Confirm; ShouldContinue where ShouldProcess would not have asked.
    /// </summary>
    private bool ConfirmToolRun(CommandInfo command, string arguments)
    {
        var target = $"{command.Name} {arguments}";
        if (!ShouldProcess(target, "Run the command the model asked for")) return false;
        if (MyInvocation.BoundParameters.ContainsKey("Confirm")) return true; // -Confirm asked already; -Confirm:$false opts out
        var preference = LanguagePrimitives.TryConvertTo<ConfirmImpact>(GetVariableValue("ConfirmPreference"), out var p) ? p : ConfirmImpact.High;
        if (preference <= ConfirmImpact.Medium) return true; // None: opted out; Low, Medium: ShouldProcess asked
        try
        {
            return ShouldContinue($"The model asks to run {target}. Run it?", "Run a tool for the model", ref _yesToAllTools, ref _noToAllTools);
        }
        catch (Exception ex) when (ex is System.Management.Automation.Host.HostException or PSInvalidOperationException or NotImplementedException or InvalidOperationException)
        {
            throw ModuleErrors.ToolConfirmationRequired(command.Name, ex);
        }
    }

    private sealed class ChatJob
    {
        public ChatJob(object? target, ChatInput input)
        {
            Target = target;
            Input = input;
        }

        public object? Target { get; }
        public ChatInput Input { get; }
    }
}
