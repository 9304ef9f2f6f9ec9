# Models, balance, connection test, and the errors scripts branch on.

BeforeAll {
    . (Join-Path $PSScriptRoot 'KimiPS.TestHelpers.ps1')
    $script:Emulator = Start-KimiEmulator
    Import-KimiStagedModule
    Connect-KimiEmulator $script:Emulator
}

AfterAll {
    Stop-KimiEmulator $script:Emulator
}

Describe 'Account' {
    It 'lists models' {
        $models = @(Get-KimiModel)

        $models.Count | Should -BeGreaterThan 0
        $models[0] | Should -BeOfType ([KimiPS.Core.KimiModel])
        $models.Id | Should -Not -Contain $null
    }

    It 'reads the balance; a custom BaseUri has no known currency' {
        $balance = Get-KimiBalance

        $balance | Should -BeOfType ([KimiPS.Core.KimiBalance])
        $balance.AvailableBalance | Should -BeGreaterThan 0
        # Kimi's balance carries no currency: it is known from the region (.cn CNY, .ai USD), not from a loopback address.
        $balance.Currency | Should -BeNullOrEmpty
    }

    It 'Test-KimiConnection -Quiet returns $true' {
        Test-KimiConnection -Quiet | Should -BeTrue
    }
}

Describe 'Errors' {
    AfterEach {
        Connect-KimiEmulator $script:Emulator
    }

    It 'Connect-Kimi with a wrong key fails with KimiAuthenticationFailed' {
        { Connect-KimiEmulator $script:Emulator -Key 'sk-wrong-0000000000000000' } |
            Should -Throw -ErrorId 'KimiAuthenticationFailed,*'
    }

    It 'a rejected key stops Invoke-KimiChat with KimiAuthenticationFailed, which a script can branch on' {
        # -SkipValidation stores the wrong key, so the failure comes from the chat request itself (the README's try/catch).
        Connect-Kimi -BaseUri $script:Emulator.BaseUri -SkipValidation `
            -ApiKey (ConvertTo-SecureString 'sk-wrong-0000000000000000' -AsPlainText -Force)
        $outcome = 'no error'
        try {
            Invoke-KimiChat 'Hello' -ErrorAction Stop | Out-Null
        }
        catch {
            $outcome = if ($_.FullyQualifiedErrorId -like 'KimiAuthenticationFailed*') { 'authentication failed' } else { "other error: $($_.FullyQualifiedErrorId)" }
        }

        $outcome | Should -Be 'authentication failed'
    }

    It 'a rejected key stops the pipeline instead of failing each item' {
        Connect-Kimi -BaseUri $script:Emulator.BaseUri -SkipValidation `
            -ApiKey (ConvertTo-SecureString 'sk-wrong-0000000000000000' -AsPlainText -Force)
        Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null

        { 'one', 'two', 'three' | Invoke-KimiChat -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'KimiAuthenticationFailed,*'
        (Invoke-KimiEmulator $script:Emulator 'counters' -Method Get).chatRequests | Should -Be 1
    }

    It 'after Disconnect-Kimi a cmdlet fails with KimiNotConnected' {
        $saved = $env:MOONSHOT_API_KEY
        $env:MOONSHOT_API_KEY = $null   # the environment key is the fallback connection
        try {
            Disconnect-Kimi
            { Get-KimiBalance -ErrorAction Stop } | Should -Throw -ErrorId 'KimiNotConnected,*'
        }
        finally {
            $env:MOONSHOT_API_KEY = $saved
        }
    }
}
