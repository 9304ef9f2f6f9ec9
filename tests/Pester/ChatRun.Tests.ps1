# Invoke-KimiChat runs in pwsh's own console host (-NonInteractive, as dotnet test starts it): retries,
# -Debug, and streams cut short by the pipeline. The hosted xunit tests (Hosted/ChatRun) cover the rest.

BeforeAll {
    . (Join-Path $PSScriptRoot 'KimiPS.TestHelpers.ps1')
    $script:Emulator = Start-KimiEmulator
    Import-KimiStagedModule
    Connect-KimiEmulator $script:Emulator

    function Add-RateLimit([int] $RetryAfter = 1) {
        Invoke-KimiEmulator $script:Emulator 'enqueue' -Body @{
            status = 429; type = 'rate_limit_reached_error'; message = 'Your account reached its max RPM, please try again later'
            headers = @{ 'Retry-After' = "$RetryAfter" }; times = 1; pathContains = 'chat'
        } | Out-Null
    }

    function Get-ChatRequestCount { (Invoke-KimiEmulator $script:Emulator 'counters' -Method Get).chatRequests }
}

AfterAll {
    Stop-KimiEmulator $script:Emulator
}

Describe 'Invoke-KimiChat in the console host' {
    BeforeEach {
        Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null
    }

    It 'answers a retried call with -Debug although a non-interactive host cannot prompt' {
        Add-RateLimit

        $all = Invoke-KimiChat 'debug me' -Debug 5>&1 3>&1

        $answers = @($all | Where-Object { $_ -is [KimiPS.Core.ChatCompletion] })
        $answers.Count | Should -Be 1
        $answers[0].Content | Should -Be 'Echo: debug me'
        $messages = @($all | Where-Object { $_ -is [System.Management.Automation.InformationalRecord] } | ForEach-Object Message)
        ($messages -like 'HTTP 429 from POST /v1/chat/completions*').Count | Should -Be 1
        ($messages -like '*KimiRateLimitReached*retrying POST*').Count | Should -Be 1
        Get-ChatRequestCount | Should -Be 2
    }

    It 'says in the error how long the server asked to wait when that is too long to retry (D27)' {
        Add-RateLimit -RetryAfter 200

        Invoke-KimiChat 'too long a wait' -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KimiRateLimitReached,*'
        "$failed" | Should -BeLike '*Not retried: the server asked to wait 200 s, longer than the 120 s KimiPS waits for a retry.'
        $failed[0].Exception.RetryAfter | Should -Be ([TimeSpan]::FromSeconds(200))
        Get-ChatRequestCount | Should -Be 1
    }

    It 'writes the back-off warning of a streamed call before the retry is sent' {
        Add-RateLimit -RetryAfter 2
        $seen = [System.Collections.Generic.List[object]]::new()

        Invoke-KimiChat 'stream me' -Stream 3>&1 | ForEach-Object {
            if ($_ -is [System.Management.Automation.WarningRecord]) { $seen.Add((Get-ChatRequestCount)) }
        }

        # Counted while only the rejected request had arrived: the warning came before the wait.
        @($seen) | Should -Be @(1)
        Get-ChatRequestCount | Should -Be 2
    }

    It 'stops a stream piped to Select-Object -First without an error' {
        $chunks = @(Invoke-KimiChat ('word ' * 200) -Stream | Select-Object -First 2)

        $chunks.Count | Should -Be 2
        $chunks[0] | Should -BeOfType ([KimiPS.Core.ChatChunk])
    }
}
