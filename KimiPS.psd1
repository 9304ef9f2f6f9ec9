#
# Module manifest for KimiPS: the source of truth for everything but ModuleVersion.
# The build (src/KimiPS/KimiPS.Staging.targets) copies it to out/KimiPS/ and replaces
# ModuleVersion with <VersionPrefix> from Directory.Build.props. Keep this file ASCII:
# Windows PowerShell 5.1 reads a BOM-less .psd1 in the ANSI code page.
#
@{
    RootModule             = 'KimiPS.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = '50799c6b-7786-4a7a-814c-27862b1e52cc'
    Author                 = 'KimiPS contributors'
    CompanyName            = 'KimiPS contributors'
    Copyright              = 'Copyright (c) 2026 KimiPS contributors. MIT License.'
    Description            = 'Binary cmdlets for the Kimi (Moonshot AI) API: chat with streaming, conversations, tools, file upload and extraction, models, balance and token estimates. Pipeline friendly, with retries, rate limiting and typed errors. Windows PowerShell 5.1 and PowerShell 7.4+ on Windows, Linux and macOS.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'

    FormatsToProcess       = @('KimiPS.format.ps1xml')

    # Explicit lists: wildcards or $null make command discovery load the assembly.
    CmdletsToExport        = @(
        'Connect-Kimi'
        'Disconnect-Kimi'
        'Get-KimiConnection'
        'Invoke-KimiChat'
        'Enter-KimiChat'
        'New-KimiConversation'
        'Export-KimiConversation'
        'Import-KimiConversation'
        'New-KimiTool'
        'Send-KimiFile'
        'Get-KimiFile'
        'Get-KimiFileContent'
        'Remove-KimiFile'
        'Get-KimiModel'
        'Get-KimiBalance'
        'Measure-KimiToken'
        'Test-KimiConnection'
        'Get-KimiUsage'
        'Set-KimiPrice'
        'Start-KimiBatch'
        'Get-KimiBatch'
        'Wait-KimiBatch'
        'Receive-KimiBatch'
        'Stop-KimiBatch'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()

    PrivateData            = @{
        PSData = @{
            Tags         = @('Kimi', 'Moonshot', 'AI', 'LLM', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            # No LicenseUri or ProjectUri: the project has no public address yet, and a made-up one would
            # send Gallery users nowhere. The MIT LICENSE file ships in the package instead.
            ReleaseNotes = 'First release: chat (streaming, conversations, tools, web search, thinking), files, models, balance, token estimates and connection diagnostics.'
        }
    }
}
