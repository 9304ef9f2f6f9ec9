using System.Management.Automation;
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
/// Sampling options a model does not accept are dropped with a warning. -AsBatch writes a KimiBatchRequest per input
/// instead of sending it, for Start-KimiBatch (Kimi's Batch API: later, and at a lower price).
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
/// <code>PS> Get-ChildItem *.txt | Get-KimiFileContent | Invoke-KimiChat 'Summarize this.' -AsBatch -CustomId { $_.FileName } | Start-KimiBatch -Path .\batch.json</code>
/// <para>Makes one batch request per document, named after its file, and starts them as one batch; see Wait-KimiBatch and Receive-KimiBatch.</para>
/// </example>
/// <example>
/// <code>PS> $answer = Invoke-KimiChat 'Explain $PSStyle briefly.' -Stream -HideReasoning
/// PS> $answer.Content</code>
/// <para>Shows the answer live without the model's reasoning; $answer holds the ChatCompletion.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Invoke, "KimiChat", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ChatCompletion), typeof(ChatChunk), typeof(KimiBatchRequest), typeof(string))]
public sealed partial class InvokeKimiChatCommand : KimiApiCmdlet
{
    private ChatRequest _template = null!;
    private readonly List<ChatContentPart> _images = new();
    private ChatToolExecution? _tools;
    private OrderedWorkQueue<ChatJob, object>? _queue;
    private bool _live;
    private BatchRequestMaker? _batchMaker;
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

    /// <summary>Image files as -Image, exactly as written: no wildcards (for names holding [ ] * ?).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? LiteralImage { get; set; }

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

    /// <summary>How many piped prompts run at once (default 1), within Connect-Kimi's -MaxConcurrency, -RequestsPerMinute and -TokensPerMinute; after a 429 it slows down with a warning and retries the request, within Connect-Kimi's -MaxRetries (a request is sent at most MaxRetries + 1 times in all). Answers are still written in input order. Not with -Stream, -Conversation or -InvokeTools.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 1;

    internal override void ConfigureClient(KimiClientOptions options)
    {
        if (MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec))) options.RequestTimeout = TimeSpan.FromSeconds(TimeoutSec);
        if (MyInvocation.BoundParameters.ContainsKey(nameof(IdleTimeoutSec))) options.StreamIdleTimeout = TimeSpan.FromSeconds(IdleTimeoutSec);
    }

    /// <summary>Writes one KimiBatchRequest per input (the request after the model policy, with its input and a CustomId) instead of sending it; pipe them to Start-KimiBatch. Not with -Stream, -Conversation, -InvokeTools, -ThrottleLimit, -AutoContinue or -Prefix.</summary>
    [Parameter]
    public SwitchParameter AsBatch { get; set; }

    /// <summary>With -AsBatch, the request's id within its batch (results carry it back): a string, or a script block run per input with the input in $_, such as { $_.FileName }. Default: generated from the input's position and the request, the same in every run.</summary>
    [Parameter]
    [ValidateNotNull]
    public object? CustomId { get; set; }

    protected override void BeginProcessing()
    {
        bool? thinking = null;
        try
        {
            thinking = ChatRequestTemplate.Check(this);
            if (ContentOnly && LiveText == LiveTextMode.Always)
                throw Errors.InvalidParameter("ContentOnly", Msg.PContentOnlyWithLiveText,
                    Msg.ContentOnlyWithLiveTextFix);
            foreach (var (path, parameter) in ResolveImages()) _images.Add(ImageInput.Load(path, parameter));
        }
        catch (KimiException ex)
        {
            ThrowTerminating(ex);
        }
        _template = ChatRequestTemplate.Create(this, thinking, ActiveConnection.DefaultModel);
        AddEscapeHatches(_template); // -AdditionalBody, -AdditionalHeaders (InvokeKimiChatCommand.EscapeHatches.cs)
        _live = Stream && !ContentOnly && LiveTextRule.ShouldRender(LiveText, MyInvocation, Host);
        _connectionKey = ActiveConnection.CacheKey;
        _piped = new PipedInput(!string.IsNullOrWhiteSpace(Prompt), ForEach);

        if (InvokeTools)
        {
            _tools = new ChatToolExecution(this, Tool ?? Array.Empty<ChatTool>(), new PipelineThread(Post));
            if (!_tools.HasRunnableTool)
                WriteWarning(Msg.InvokeToolsNoBoundTool);
        }

        if (ThrottleLimit > 1)
            _queue = StartQueue<ChatJob, object>(ThrottleLimit, RunQueued, job => TokenEstimate.Of(job.Input));
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
        if (AsBatch)
        {
            // Nothing is sent: no ShouldProcess. The request is built as for a call, then kept for Start-KimiBatch. A
            // -CustomId script block sees the object as piped (a line of Get-Content keeps its ReadCount).
            var maker = _batchMaker ??= BatchRequestMaker.ForInvoke(this, _template, MyInvocation.BoundParameters);
            var piped = ReferenceEquals(PipelineInput.Unwrap(InputObject), target) ? InputObject : target;
            Try(target, () => WriteObject(maker.Make(input, target, CustomId, piped)));
            return;
        }
        // A request costs money: -WhatIf reports it instead of sending it (tool runs are gated again, per call).
        if (!ShouldProcess(_template.Model, Msg.ActionSendChat)) return;
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

    /// <summary>-Image and -LiteralImage as file-system paths (with the parameter each came from); one that does not resolve is a terminating KimiPathNotFound (nothing was sent).</summary>
    private IEnumerable<(string Path, string Parameter)> ResolveImages()
    {
        var paths = new ProviderPaths(this);
        void NotFound(KimiException error, string path) => throw error;
        return paths.Resolve(Image ?? Array.Empty<string>(), literal: false, nameof(Image), NotFound).Select(p => (p, nameof(Image)))
            .Concat(paths.Resolve(LiteralImage ?? Array.Empty<string>(), literal: true, nameof(LiteralImage), NotFound).Select(p => (p, nameof(LiteralImage))));
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
        var rounds = client.Rounds(request, _tools?.Runner, MaxToolRounds);
        var live = _live ? new LiveTextWriter(WriteInformation, LiveTextStyle.For(this, HideReasoning)) : null;
        Action<ChatChunk> write = live is null ? WriteChunk : live.Write;
        // A stream is read on a worker, so a retry's back-off warning is written before its wait.
        var completion = Stream
            ? Wait(ct => PostChunks(client.ChatStream(rounds, ct), write, ct)) ?? throw Errors.ProtocolError(
                Msg.StreamNoFinal, action: Msg.AskAgainWithoutStream)
            : WaitAsync(ct => client.ChatAsync(rounds, ct));
        live?.End();
        foreach (var warning in Warnings(rounds, completion)) Warn(warning);
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
        foreach (var warning in Warnings(rounds, completion)) Post(() => Warn(warning));
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

    /// <summary>The tool loop's warnings, and one for an answer cut at the token limit (with -AutoContinue the rounds engine warns itself).</summary>
    private IEnumerable<string> Warnings(ChatRounds rounds, ChatCompletion completion)
    {
        if (completion.FinishReason == "length" && AutoContinue == 0)
            yield return Msg.AnswerCutRaiseMaxTokens;
        foreach (var warning in ChatToolExecution.LoopWarnings(rounds, MaxToolRounds, InvokeTools)) yield return warning;
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
