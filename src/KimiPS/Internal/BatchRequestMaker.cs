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
    public KimiBatchRequest Make(ChatInput input, object? inputObject, string? customId)
    {
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
        return BatchRequests.Create(request, customId, index, inputObject, _cmdlet.Warn);
    }
}
