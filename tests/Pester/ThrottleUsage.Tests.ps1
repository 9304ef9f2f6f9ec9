# Get-KimiUsage when the -ThrottleLimit scheduler gives up on a 429: the request it sent again and finally gave up
# on is one failed request, its other sends retries (as in the audit log). Windows PowerShell 5.1 syntax.

BeforeAll {
    . (Join-Path $PSScriptRoot 'KimiPS.TestHelpers.ps1')
    $script:Emulator = Start-KimiEmulator
    Import-KimiStagedModule

    function Connect-Emulator([hashtable] $Extra = @{}) {
        Connect-Kimi -BaseUri $script:Emulator.BaseUri -ApiKey (ConvertTo-SecureString $script:EmulatorKey -AsPlainText -Force) @Extra
    }

    # The emulator answers every chat request with a 429 that asks to slow down, briefly.
    function Set-Always429([string] $Type = 'rate_limit_reached_error') {
        Invoke-KimiEmulator $script:Emulator 'enqueue' -Body @{
            status = 429; type = $Type; message = 'Your account reached its max RPM, please try again later'
            times = 1000; pathContains = 'chat'; headers = @{ 'retry-after-ms' = '20' }
        } | Out-Null
    }

    function Get-ChatCount { (Invoke-KimiEmulator $script:Emulator 'counters' -Method Get).chatRequests }
}

AfterAll {
    Stop-KimiEmulator $script:Emulator
}

Describe 'The -ThrottleLimit scheduler giving up on a 429, in Get-KimiUsage' {
    BeforeEach {
        $null = Invoke-KimiEmulator $script:Emulator 'reset'
        $null = Get-KimiUsage -Reset
    }

    It 'counts each prompt given up on as one failed request, its other sends as retries (<Type>)' -TestCases @(
        @{ Type = 'rate_limit_reached_error'; ErrorId = 'KimiRateLimitReached' }
        @{ Type = 'engine_overloaded_error'; ErrorId = 'KimiEngineOverloaded' }
    ) {
        param($Type, $ErrorId)
        Connect-Emulator @{ MaxRetries = 2 }
        Set-Always429 $Type
        $answers = @('one', 'two', 'three' | Invoke-KimiChat -ThrottleLimit 2 -ErrorAction SilentlyContinue -ErrorVariable failed -WarningAction SilentlyContinue)

        $answers.Count | Should -Be 0
        $failed.Count | Should -Be 3
        @($failed | ForEach-Object { $_.FullyQualifiedErrorId -replace ',.*' } | Select-Object -Unique) | Should -Be $ErrorId
        @($failed.TargetObject) -join ',' | Should -Be 'one,two,three'
        Get-ChatCount | Should -Be 9   # MaxRetries + 1 sends each
        $row = @(Get-KimiUsage | Where-Object Model -eq 'kimi-k2.6')
        $row.Count | Should -Be 1
        $row[0].Requests | Should -Be 3
        $row[0].FailedRequests | Should -Be 3
        $row[0].Retries | Should -Be 6
    }

    It 'ends the audit log of each prompt given up on with a line that says so, not with requeued' {
        $log = Join-Path ([IO.Path]::GetTempPath()) ("kimips-giveup-" + [Guid]::NewGuid().ToString('N') + '.jsonl')
        try {
            Connect-Emulator @{ MaxRetries = 2; LogPath = $log }
            Set-Always429
            $null = @('one', 'two', 'three' | Invoke-KimiChat -ThrottleLimit 2 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

            $all = @(Get-Content $log | ConvertFrom-Json)
            @($all | Where-Object { $_.gaveUp -isnot [bool] }).Count | Should -Be 0   # every line has the field
            $lines = @($all | Where-Object endpoint -eq 'chat/completions')     # not Connect-Kimi's check of the key
            @($lines | Where-Object requeued).Count | Should -Be 9   # every send: handed to the scheduler
            $gaveUp = @($lines | Where-Object gaveUp)
            $gaveUp.Count | Should -Be 3                               # one more line per prompt, when it gave up
            $lines.Count | Should -Be 12
            foreach ($line in $gaveUp) {
                $line.requeued | Should -BeFalse
                $line.status | Should -Be 429
                $line.errorId | Should -Be 'KimiRateLimitReached'
                # The line of the request it gave up on, the last of that prompt's sends, came first.
                @($lines | Where-Object { $_.requestId -eq $line.requestId -and $_.requeued }).Count | Should -Be 1
            }
        }
        finally {
            Remove-Item $log -ErrorAction SilentlyContinue
        }
    }

    It 'counts a prompt that got through on its last send as a request, not a failure' {
        Connect-Emulator @{ MaxRetries = 2 }
        Invoke-KimiEmulator $script:Emulator 'enqueue' -Body @{
            status = 429; type = 'rate_limit_reached_error'; message = 'slow down'; times = 2; pathContains = 'chat'; headers = @{ 'retry-after-ms' = '20' }
        } | Out-Null
        $answers = @('one' | Invoke-KimiChat -ThrottleLimit 2 -WarningAction SilentlyContinue)
        $answers.Count | Should -Be 1
        $row = Get-KimiUsage | Where-Object Model -eq 'kimi-k2.6'
        $row.Requests | Should -Be 1
        $row.FailedRequests | Should -Be 0
        $row.Retries | Should -Be 2
    }
}
