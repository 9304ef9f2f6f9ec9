using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

/// <summary>Gets the Kimi connection this session uses: endpoint, platform, default model, limits and the key's hint.</summary>
/// <remarks>
/// Get-KimiConnection returns the connection the other KimiPS cmdlets use when they get no -Connection: the one
/// Connect-Kimi stored for this session or, without one, the MOONSHOT_API_KEY environment variable (Source says
/// which). It shows the BaseUri, the platform (Region), the default model, retries, the request time limit, the
/// proxy and client-side rate limits. The key itself is never shown: KeyHint gives its shape only (sk-…abcd), and
/// no property, view or serialization of the object holds more. Nothing is sent to the API; Test-KimiConnection
/// checks that the connection works. The result can be passed to -Connection of any KimiPS cmdlet.
/// Without any connection it writes a KimiNotConnected error.
/// </remarks>
/// <example>
/// <code>PS> Get-KimiConnection</code>
/// <para>Shows the connection of this session.</para>
/// </example>
/// <example>
/// <code>PS> if (-not (Get-KimiConnection -ErrorAction SilentlyContinue)) { Connect-Kimi -ApiKey (Get-Secret KimiKey) }</code>
/// <para>Connects only when the session has no connection yet.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "KimiConnection")]
[OutputType(typeof(KimiConnection))]
public sealed class GetKimiConnectionCommand : KimiCmdlet
{
    protected override void EndProcessing()
    {
        var connection = TryResolveConnection(out var error);
        if (connection is null)
        {
            // Not a failed call but a missing object: non-terminating, so -ErrorAction SilentlyContinue gives $null.
            var missing = error ?? Errors.NotConnected();
            var category = error is null ? KimiErrorCategories.ObjectNotFound : missing.Category;
            WriteError(ErrorRecords.Create(new KimiException(missing.ErrorId, category, missing.Message, missing.RecommendedAction, error), null));
            return;
        }
        WriteObject(connection);
    }
}
