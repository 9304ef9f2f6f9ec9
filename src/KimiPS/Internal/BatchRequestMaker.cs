using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS;

/// <summary>
/// Makes KimiBatchRequest objects from chat inputs, for Invoke-KimiChat -AsBatch and Start-KimiBatch -Prompt: the
/// documents of piped KimiFile objects are fetched, the turn is built as for a direct call, and the model policy
/// runs (its warnings reach the cmdlet's warning stream). Nothing is sent to the chat endpoint.
/// </summary>
internal sealed class BatchRequestMaker
{
    /// <summary>Invoke-KimiChat parameters a batch line cannot honour, with the reason.</summary>
    private static readonly (string Name, string Why)[] Unsupported =
    {
        ("Stream", "a batch answer arrives whole, in the output file"),
        ("InvokeTools", "no tool can run between the request and its answer"),
        ("ThrottleLimit", "the batch runs the requests on Kimi's side"),
        ("Conversation", "the answers come later and are not appended to the conversation"),
    };

    private readonly KimiCmdlet _cmdlet;
    private readonly ChatRequest _template;
    private int _index;

    private BatchRequestMaker(KimiCmdlet cmdlet, ChatRequest template)
    {
        _cmdlet = cmdlet;
        _template = template;
    }

    /// <summary>For Invoke-KimiChat -AsBatch: a terminating KimiInvalidParameter for an option a batch cannot honour.</summary>
    public static BatchRequestMaker ForInvoke(KimiCmdlet cmdlet, ChatRequest template, IDictionary<string, object> bound)
    {
        foreach (var (name, why) in Unsupported)
        {
            if (!bound.TryGetValue(name, out var value) || (value is SwitchParameter s && !s.IsPresent)) continue;
            cmdlet.ThrowTerminating(Errors.InvalidParameter(name, "cannot be used with -AsBatch: " + why,
                $"Omit -{name}, or omit -AsBatch to send the requests now."));
        }
        return new BatchRequestMaker(cmdlet, template);
    }

    public static BatchRequestMaker For(KimiCmdlet cmdlet, ChatRequest template) => new(cmdlet, template);

    /// <summary>Pipeline thread. Throws a KimiException for this input only (bad input, a file that cannot be read).</summary>
    /// <param name="input">The chat input (prompt, material, documents).</param>
    /// <param name="inputObject">What the request is made from; results and errors carry it.</param>
    /// <param name="customId">A string, a script block run with the input in $_ (its first output is the id), or null for a generated id.</param>
    /// <param name="piped">The object as it was piped (a string from Get-Content keeps its ReadCount): what a -CustomId script block sees as $_.</param>
    public KimiBatchRequest Make(ChatInput input, object? inputObject, object? customId, object? piped = null)
    {
        var id = IdFor(customId, piped ?? inputObject);
        var index = _index++; // counted even when this input fails, so the generated ids of the others do not move
        if (input.PendingFiles.Count > 0)
            _cmdlet.Call((client, ct) =>
            {
                foreach (var file in input.PendingFiles) input.Files.Add(new KimiFileContent(file.Id, file.FileName, client.GetFileContent(file.Id, ct)));
                input.PendingFiles.Clear();
            });
        var turn = ChatInputBuilder.Build(input);
        var request = _template.Clone();
        request.Messages = turn.Request;
        return BatchRequests.Create(request, id, index, inputObject, _cmdlet.Warn);
    }

    private static string? IdFor(object? customId, object? inputObject)
    {
        switch (PipelineInput.Unwrap(customId))
        {
            case null:
                return null;
            case ScriptBlock block:
                var output = block.InvokeWithContext(null, new List<PSVariable> { new("_", inputObject), new("PSItem", inputObject) });
                var first = output.Count > 0 ? PipelineInput.Unwrap(output[0]) : null;
                return first is null ? throw Errors.InvalidParameter("CustomId", $"the script block gave no id for '{inputObject}'",
                    "Make the script block return a non-empty string for every input, such as { $_.FileName }.") : LanguagePrimitives.ConvertTo<string>(first);
            case var value:
                return LanguagePrimitives.ConvertTo<string>(value);
        }
    }
}
