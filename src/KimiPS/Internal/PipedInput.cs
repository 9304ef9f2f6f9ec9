using System.Globalization;
using KimiPS.Core;

namespace KimiPS;

/// <summary>
/// What Invoke-KimiChat does with each piped object (the rules are in its help and README "Piped input"):
/// <list type="bullet">
/// <item>With -Prompt (and no -ForEach), text lines and other objects are collected (<see cref="PipedMaterial"/>) and
/// sent as the material of ONE request after the input ends: a 1,000-line log is one request, not 1,000.</item>
/// <item>Documents (KimiFile, KimiFileContent) and ChatMessage objects still make one request each, as they arrive.</item>
/// <item>With -ForEach, text and objects make one request each too; without -Prompt a piped string is the prompt.</item>
/// <item>An object that is not text becomes JSON (<see cref="MaterialJson"/>, <see cref="PipedObjectShape"/>); secrets are refused.</item>
/// </list>
/// Pipeline thread only: reading an object's properties can run PowerShell script (script properties).
/// </summary>
internal sealed class PipedInput
{
    private readonly bool _hasPrompt;
    private readonly PipedMaterial? _collected;
    private readonly MaterialJson _collectedJson = new(PipedObjectShape.Instance, new MaterialCuts());

    /// <param name="hasPrompt">-Prompt was given (not blank).</param>
    /// <param name="forEach">-ForEach: one request per piped item.</param>
    public PipedInput(bool hasPrompt, bool forEach)
    {
        _hasPrompt = hasPrompt;
        if (hasPrompt && !forEach) _collected = new PipedMaterial();
    }

    /// <summary>Whether piped text and objects are collected into one request.</summary>
    public bool Collecting => _collected != null;

    /// <summary>The collected input, or null when not collecting.</summary>
    public PipedMaterial? Collected => _collected;

    /// <summary>Whether <paramref name="item"/> joins the collected material (text and objects; not documents or messages).</summary>
    public bool Collects(object? item) => _collected != null && item != null && IsMaterial(item);

    /// <summary>Collects one item (see <see cref="Collects"/>); throws for a secret, which is then not collected.</summary>
    public void Collect(object item)
    {
        if (AsText(item) is { } s) _collected!.AddText(s, item);
        else _collected!.AddObject(_collectedJson.Write(item), item);
    }

    /// <summary>The one warning about what was cut from the collected objects; null when nothing was.</summary>
    public string? CollectedCuts => _collectedJson.Cuts.Describe();

    /// <summary>Adds one piped item that makes its own request: text, a document, a message, or an object as its JSON.</summary>
    public void AddTo(ChatInput input, object? item, Action<string> warn)
    {
        if (item is ChatCompletion answer) item = answer.Content;
        if (item is null || !IsObject(item))
        {
            ChatInputBuilder.AddPipedObject(input, item);
            return;
        }
        var json = new MaterialJson(PipedObjectShape.Instance, new MaterialCuts());
        var text = json.Write(item); // refuses a secret first, with or without -Prompt
        if (!_hasPrompt) throw PipedMaterialErrors.ObjectNeedsPrompt(item);
        input.PipedText = text;
        if (json.Cuts.Describe() is { } cut) warn(cut);
    }

    private static bool IsMaterial(object item) => AsText(item) != null || IsObject(item);

    /// <summary>
    /// Text as itself; an answer piped on (Invoke-KimiChat 'Write a poem' | Invoke-KimiChat 'Translate it') as its
    /// text, which is what the next question is about; null for anything else.
    /// </summary>
    private static string? AsText(object item) => item switch
    {
        string s => s,
        ChatCompletion answer => answer.Content ?? "",
        _ when ChatInputBuilder.Classify(item) == ChatInputKind.Text => Text(item),
        _ => null,
    };

    /// <summary>Anything the core does not read itself (text, documents, messages) is an object to describe.</summary>
    private static bool IsObject(object item) => ChatInputBuilder.Classify(item) == ChatInputKind.Unsupported;

    private static string Text(object item) => Convert.ToString(item, CultureInfo.InvariantCulture) ?? "";
}
