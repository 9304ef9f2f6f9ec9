namespace KimiPS.Core;

/// <summary>The server's token estimate for a would-be request (Measure-KimiToken).</summary>
public sealed class KimiTokenCount
{
    public KimiTokenCount(string model, int totalTokens, int messageCount)
    {
        Model = model;
        TotalTokens = totalTokens;
        MessageCount = messageCount;
    }

    public string Model { get; }
    public int TotalTokens { get; }
    /// <summary>How many messages were counted.</summary>
    public int MessageCount { get; }

    /// <inheritdoc />
    public override string ToString() => $"{TotalTokens} tokens ({Model})";
}
