namespace KimiPS.Core;

/// <summary>A stream ended before <c>data: [DONE]</c>. The text received so far is kept here.</summary>
public sealed class KimiStreamInterruptedException : KimiException
{
    public KimiStreamInterruptedException(string message, string partialContent, string? partialReasoning, Exception? innerException = null)
        : base(KimiErrorIds.StreamInterrupted, KimiErrorCategories.ConnectionError, message,
            Msg.StreamInterruptedAction, innerException)
    {
        PartialContent = partialContent;
        PartialReasoning = partialReasoning;
    }

    public string PartialContent { get; }
    public string? PartialReasoning { get; }
}
