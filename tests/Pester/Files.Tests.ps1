# Send-KimiFile, Get-KimiFile, Get-KimiFileContent, Remove-KimiFile and the document pipeline.

BeforeAll {
    . (Join-Path $PSScriptRoot 'KimiPS.TestHelpers.ps1')
    $script:Emulator = Start-KimiEmulator
    Import-KimiStagedModule
    Connect-KimiEmulator $script:Emulator
}

AfterAll {
    Stop-KimiEmulator $script:Emulator
}

Describe 'Files' {
    BeforeAll {
        $script:Document = Join-Path $TestDrive 'notes.txt'
        Set-Content -Path $script:Document -Value 'KimiPS keeps the pipeline flowing.'
    }

    It 'uploads, lists, gets and extracts a file' {
        $file = Send-KimiFile -Path $script:Document

        $file | Should -BeOfType ([KimiPS.Core.KimiFile])
        $file.FileName | Should -Be 'notes.txt'
        (Get-KimiFile).Id | Should -Contain $file.Id
        (Get-KimiFile -Id $file.Id).Id | Should -Be $file.Id
        ($file | Get-KimiFileContent).Content | Should -Not -BeNullOrEmpty
    }

    It 'runs the document pipeline Send-KimiFile | Get-KimiFileContent | Invoke-KimiChat' {
        $answer = Get-ChildItem -Path $TestDrive -Filter 'notes.txt' | Send-KimiFile | Get-KimiFileContent | Invoke-KimiChat 'Summarize'

        $answer.Content | Should -Be 'Echo: Summarize'
    }

    It 'keeps the file with -WhatIf and removes it with -Confirm:$false' {
        $file = Send-KimiFile -Path $script:Document

        $file | Remove-KimiFile -WhatIf
        (Get-KimiFile).Id | Should -Contain $file.Id

        $file | Remove-KimiFile -Confirm:$false
        (Get-KimiFile).Id | Should -Not -Contain $file.Id
    }
}
