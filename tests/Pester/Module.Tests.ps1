# The staged module as PowerShell sees it: manifest, exports and where System.Text.Json comes from.

BeforeAll {
    . (Join-Path $PSScriptRoot 'KimiPS.TestHelpers.ps1')
    $script:Manifest = Join-Path $script:RepoRoot 'out/KimiPS/KimiPS.psd1'
    Import-KimiStagedModule
}

Describe 'Staged module' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $script:Manifest -ErrorAction Stop } | Should -Not -Throw
    }

    It 'exports exactly the cmdlets the manifest lists' {
        $listed = (Import-PowerShellDataFile $script:Manifest).CmdletsToExport
        $exported = (Get-Module KimiPS).ExportedCmdlets.Keys

        (@($exported | Sort-Object) -join ',') | Should -Be (@($listed | Sort-Object) -join ',')
    }

    It 'serves System.Text.Json from the right place for this edition' {
        # Exporting a conversation writes JSON, so System.Text.Json is loaded by now.
        New-KimiConversation | Export-KimiConversation -Path (Join-Path $TestDrive 'conversation.json')
        $stj = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'System.Text.Json' } | Select-Object -First 1

        $stj | Should -Not -BeNullOrEmpty
        if ($PSVersionTable.PSEdition -eq 'Core') {
            # PowerShell 7: the runtime's own copy; the module's dependencies/ folder is for 5.1 only.
            $stj.Location | Should -Not -BeLike '*dependencies*'
        }
        else {
            # Windows PowerShell 5.1: served from dependencies/ by KimiModuleInitializer's resolver.
            $stj.Location | Should -BeLike '*dependencies*System.Text.Json.dll'
        }
    }
}
