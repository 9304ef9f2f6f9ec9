namespace KimiPS.Core;

/// <summary>A stream ended before <c>data: [DONE]</c>. The text received so far is kept here.</summary>
public sealed class KimiStreamInterruptedException : KimiException
{
    public KimiStreamInterruptedException(string message, string partialContent, string? partialReasoning, Exception? innerException = null)
        : base(KimiErrorIds.StreamInterrupted, KimiErrorCategories.ConnectionError, message,
            "The partial answer is in PartialContent. Ask again, or continue it with Partial Mode (-Prefix).", innerException)
    {
        KeepPartial(partialContent ?? "", partialReasoning);
    }

    /// <summary>The text received before the stream ended; never null here ("" when nothing came).</summary>
    public override string PartialContent => base.PartialContent ?? "";
}
