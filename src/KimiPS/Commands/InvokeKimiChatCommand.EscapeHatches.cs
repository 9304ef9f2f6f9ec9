using System.Collections;
using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS.Commands;

// Invoke-KimiChat's escape hatches, for API fields and gateway headers the module does not know yet.
public sealed partial class InvokeKimiChatCommand
{
    /// <summary>
    /// Fields merged into the request JSON after the model policy, for options KimiPS does not know yet, for example
    /// @{ prompt_cache_key = 'nightly-report' }. A field given here is sent as given (it replaces the policy's value).
    /// model, messages and stream are refused (use -Model, -Prompt/-Message, -Stream). Values: strings, numbers,
    /// booleans, $null, hashtables and arrays.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? AdditionalBody { get; set; }

    /// <summary>Headers sent with these requests, after (and over) Connect-Kimi -AdditionalHeaders. Never Authorization.</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? AdditionalHeaders { get; set; }

    /// <summary>Checks -AdditionalBody and -AdditionalHeaders before anything is sent and puts them on the request template.</summary>
    private void AddEscapeHatches(ChatRequest template)
    {
        if (AdditionalBody != null)
        {
            try
            {
                template.AdditionalBody = Core.AdditionalBody.Check(PowerShellValues.ToDictionary(AdditionalBody));
            }
            catch (KimiException ex)
            {
                ThrowTerminating(ex, AdditionalBody);
            }
        }
        if (AdditionalHeaders != null)
        {
            try
            {
                template.AdditionalHeaders = RequestHeaders.Check(PowerShellValues.ToHeaders(AdditionalHeaders), nameof(AdditionalHeaders));
            }
            catch (KimiException ex)
            {
                ThrowTerminating(ex, AdditionalHeaders);
            }
        }
    }
}
