using System.Management.Automation;
using System.Security;

namespace KimiPS;

/// <summary>
/// Lets -Credential take what SecretManagement returns for an API key: Get-Secret gives a SecureString for a
/// string secret (how keys are usually stored) and a PSCredential for a credential secret. A SecureString
/// becomes a credential whose password is the key; anything else goes to PowerShell's own [Credential]
/// transformation, so <c>-Credential name</c> still prompts (with the key masked).
/// </summary>
internal sealed class ApiKeyCredentialAttribute : ArgumentTransformationAttribute
{
    private const string UserName = "KimiPS";

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is SecureString key) return new PSCredential(UserName, key);
        if (value is PSCredential) return value;
        return new CredentialAttribute().Transform(engineIntrinsics, inputData);
    }
}
