namespace KimiPS.Core;

/// <summary>
/// One request of a batch (reference §2.5): a chat request body, already rewritten by the model policy, under an id
/// unique within its batch, and the input it was made from, so its result can be joined back to that input.
/// </summary>
public sealed class KimiBatchRequest
{
    /// <param name="customId">Unique within the batch; results carry it back.</param>
    /// <param name="model">The body's model: a batch runs one model.</param>
    /// <param name="body">The JSON chat request body (what POST /v1/chat/completions would be sent).</param>
    /// <param name="inputObject">What the request was made from (a prompt, a document), or null.</param>
    public KimiBatchRequest(string customId, string model, string body, object? inputObject = null)
    {
        CustomId = customId ?? throw new ArgumentNullException(nameof(customId));
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Body = body ?? throw new ArgumentNullException(nameof(body));
        InputObject = inputObject;
    }

    public string CustomId { get; }

    public string Model { get; }

    /// <summary>The JSON body of the chat request, as it goes into the batch's input file.</summary>
    public string Body { get; }

    /// <summary>The input the request came from; a result or error of this request carries it.</summary>
    public object? InputObject { get; }

    /// <inheritdoc />
    public override string ToString() => $"{CustomId} ({Model})";
}
