using System.Security.Cryptography;
using System.Text;

namespace KimiPS.Core;

/// <summary>
/// Turns chat requests into batch requests: the model policy runs first (fixed sampling dropped with the same
/// warnings as a direct call), then the wire body is kept as JSON. What a batch cannot do is refused or warned of
/// here, because no follow-up request can be made for a batch line.
/// </summary>
internal static class BatchRequests
{
    /// <summary>Longest custom id accepted: ids are echoed in every result line and in error messages.</summary>
    public const int MaxCustomIdLength = 256;

    /// <param name="request">The chat request, messages included.</param>
    /// <param name="customId">The caller's id, or null for a generated one.</param>
    /// <param name="index">The request's position (0-based) among those made together, for a generated id.</param>
    /// <param name="inputObject">What the request was made from.</param>
    /// <param name="warn">The policy's warnings.</param>
    public static KimiBatchRequest Create(ChatRequest request, string? customId, int index, object? inputObject, Action<string> warn)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (request.AutoContinue > 0)
            throw Errors.InvalidParameter("AutoContinue", "cannot be used for a batch request",
                "A batch line gets one answer and no follow-up: omit -AutoContinue and raise -MaxTokens instead.");
        if (customId is not null) CheckCustomId(customId);
        var prepared = ModelPolicy.Prepare(request, warn);
        if (prepared.PartialPrefix is not null)
            throw Errors.InvalidParameter("Prefix", "cannot be used for a batch request",
                "Partial Mode needs the answer to be joined to its prefix as it arrives: send such requests with Invoke-KimiChat.");
        if (prepared.ToolChoiceEmulation != ToolChoiceEmulation.None)
            warn("tool_choice other than auto or none goes to Kimi as auto, and a batch request cannot be asked again: the answer may call no tool.");
        var body = ChatRequestWriter.ToUtf8(prepared.Wire, stream: false);
        return new KimiBatchRequest(customId ?? GeneratedId(index, body), prepared.Wire.Model, Encoding.UTF8.GetString(body), inputObject);
    }

    /// <summary>
    /// A stable id: the position and a hash of the body, so the same inputs in the same order get the same ids in
    /// every run, and two requests made by separate commands for one batch do not collide unless they are the same.
    /// </summary>
    public static string GeneratedId(int index, byte[] body)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(body);
        var hex = new StringBuilder(8);
        for (var i = 0; i < 4; i++) hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return "request-" + (index + 1).ToString("D5", System.Globalization.CultureInfo.InvariantCulture) + "-" + hex;
    }

    public static void CheckCustomId(string customId)
    {
        if (string.IsNullOrWhiteSpace(customId))
            throw Errors.InvalidParameter("CustomId", "is empty", "Give each request a non-empty id, or omit -CustomId for a generated one.");
        if (customId.Length > MaxCustomIdLength)
            throw Errors.InvalidParameter("CustomId", $"is {customId.Length} characters long", $"Use at most {MaxCustomIdLength} characters.");
    }
}
