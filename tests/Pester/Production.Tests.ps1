# Running in production: the usage ledger (Get-KimiUsage, Set-KimiPrice), the audit log (-LogPath, KIMIPS_LOG),
# saved connections (-SaveAs, -Name), SecretManagement keys (-SecretName) and the escape hatches
# (-AdditionalBody, -AdditionalHeaders). Windows PowerShell 5.1 syntax.

BeforeAll {
    . (Join-Path $PSScriptRoot 'KimiPS.TestHelpers.ps1')
    $script:Emulator = Start-KimiEmulator
    Import-KimiStagedModule
    $script:Manifest = Join-Path $script:RepoRoot 'out/KimiPS/KimiPS.psd1'
    $script:Key = $script:EmulatorKey
    # Saved connections go to a scratch folder, never to the user's own configuration.
    $script:ConfigHome = Join-Path ([IO.Path]::GetTempPath()) ('kimips-config-' + [guid]::NewGuid().ToString('N'))
    $env:KIMIPS_CONFIG_HOME = $script:ConfigHome
    $env:KIMIPS_LOG = $null

    function Connect-Emulator([hashtable] $Extra = @{}) {
        Connect-Kimi -BaseUri $script:Emulator.BaseUri -ApiKey (ConvertTo-SecureString $script:Key -AsPlainText -Force) @Extra
    }

    # Invoke-RestMethod writes a JSON array as one object: unrolled here, one recorded request each.
    function Get-Recorded { @(Invoke-KimiEmulator $script:Emulator 'requests' -Method Get | ForEach-Object { $_ }) }

    function Get-ChatCount { (Invoke-KimiEmulator $script:Emulator 'counters' -Method Get).chatRequests }

    function Add-Failure([int] $Status, [string] $Type, [int] $Times) {
        # retry-after-ms keeps the retries quick; each injected failure costs exactly one retry.
        Invoke-KimiEmulator $script:Emulator 'enqueue' -Body @{
            status = $Status; type = $Type; message = 'injected'; times = $Times; pathContains = 'chat'
            headers = @{ 'retry-after-ms' = '20' }
        } | Out-Null
    }

    function New-LogPath { Join-Path ([IO.Path]::GetTempPath()) ('kimips-log-' + [guid]::NewGuid().ToString('N') + '.jsonl') }

    # Each line must be one whole JSON object: a partial or interleaved line fails ConvertFrom-Json.
    function Read-Log([string] $Path) {
        @(Get-Content -LiteralPath $Path -Encoding UTF8 | ForEach-Object { $_ | ConvertFrom-Json -ErrorAction Stop })
    }

    # A fresh PowerShell process of the same edition as this one.
    function Invoke-NewPowerShell([string] $Script, [hashtable] $Environment) {
        $candidates = 'pwsh', 'pwsh.exe', 'powershell.exe' | ForEach-Object { Join-Path $PSHOME $_ } | Where-Object { Test-Path $_ }
        $psi = New-Object System.Diagnostics.ProcessStartInfo
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))
        if ($candidates) {
            $psi.FileName = @($candidates)[0]
            $psi.Arguments = "-NoLogo -NoProfile -NonInteractive -EncodedCommand $encoded"
        }
        else {
            $psi.FileName = 'dotnet'
            $psi.Arguments = ('"{0}" -NoLogo -NoProfile -NonInteractive -EncodedCommand {1}' -f (Join-Path $PSHOME 'pwsh.dll'), $encoded)
        }
        $psi.UseShellExecute = $false
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        foreach ($name in $Environment.Keys) { $psi.EnvironmentVariables[$name] = $Environment[$name] }
        $process = [System.Diagnostics.Process]::Start($psi)
        $stderr = $process.StandardError.ReadToEndAsync()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        if (-not $process.WaitForExit(180000)) { $process.Kill(); throw 'The new PowerShell process did not finish within 3 minutes.' }
        $process.WaitForExit()
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Errors = $stderr.Result }
    }
}

AfterAll {
    Stop-KimiEmulator $script:Emulator
    Remove-Item -LiteralPath $script:ConfigHome -Recurse -Force -ErrorAction SilentlyContinue
    $env:KIMIPS_CONFIG_HOME = $null
}

Describe 'Get-KimiUsage over a 200-prompt -ThrottleLimit 8 run with retries, and its audit log' {
    BeforeAll {
        Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null
        $script:RunLog = New-LogPath
        Connect-Emulator @{ MaxRetries = 10; LogPath = $script:RunLog }
        $null = Get-KimiUsage -Reset
        Add-Failure 429 'engine_overloaded_error' 10
        Add-Failure 500 'server_error' 5

        $script:Answers = @(1..200 | ForEach-Object { "prompt number $_ " + ('x' * ($_ % 17)) } |
                Invoke-KimiChat -ThrottleLimit 8 -WarningAction SilentlyContinue)
        $script:Usage = @(Get-KimiUsage)
        $script:Row = @($script:Usage | Where-Object Model -eq 'kimi-k2.6')
        $script:ChatSent = Get-ChatCount
    }

    It 'answers every prompt (the injected failures were retried)' {
        $script:Answers.Count | Should -Be 200
        @($script:Answers | Where-Object { $_ -isnot [KimiPS.Core.ChatCompletion] }).Count | Should -Be 0
        $script:ChatSent | Should -Be 215
    }

    It 'counts 200 requests, 15 retries and no failure in one row for the connection and model' {
        $script:Row.Count | Should -Be 1
        $script:Row[0] | Should -BeOfType ([KimiPS.Core.KimiUsage])
        $script:Row[0].Requests | Should -Be 200
        $script:Row[0].Retries | Should -Be 15
        $script:Row[0].FailedRequests | Should -Be 0
        $script:Row[0].Connection | Should -BeLike "$($script:Emulator.BaseUri)* (sk-*)"
    }

    It 'has token totals equal to the sum of the answers'' usage' {
        $prompt = ($script:Answers | ForEach-Object { $_.Usage.PromptTokens } | Measure-Object -Sum).Sum
        $completion = ($script:Answers | ForEach-Object { $_.Usage.CompletionTokens } | Measure-Object -Sum).Sum
        $total = ($script:Answers | ForEach-Object { $_.Usage.TotalTokens } | Measure-Object -Sum).Sum
        $cached = ($script:Answers | ForEach-Object { $_.Usage.CachedTokens } | Measure-Object -Sum).Sum

        $completion | Should -BeGreaterThan 200
        $script:Row[0].PromptTokens | Should -Be $prompt
        $script:Row[0].CompletionTokens | Should -Be $completion
        $script:Row[0].TotalTokens | Should -Be $total
        $script:Row[0].CachedPromptTokens | Should -Be $cached
        $script:Row[0].EstimatedRequests | Should -Be 0
    }

    It 'writes exactly one well-formed line per request, with the request ids the server sent' {
        $lines = Read-Log $script:RunLog
        $chat = @($lines | Where-Object endpoint -eq 'chat/completions')

        # A 429 that asks to slow down is handed to the -ThrottleLimit scheduler, which sends the prompt again as a
        # new HTTP request: that request has its own line (requeued, with its error id); the 500s are retried inside one.
        $answered = @($chat | Where-Object { $_.status -eq 200 -and $null -eq $_.errorId -and -not $_.requeued })
        $requeued = @($chat | Where-Object requeued)
        $answered.Count | Should -Be 200
        ($requeued.Count + $answered.Count) | Should -Be $chat.Count
        @($requeued | Where-Object { $_.status -ne 429 -or $_.errorId -ne 'KimiEngineOverloaded' }).Count | Should -Be 0
        ($chat | Measure-Object -Property attempts -Sum).Sum | Should -Be 215
        @($chat.requestId | Sort-Object -Unique).Count | Should -Be $chat.Count
        # The other lines are Connect-Kimi's validation of the key, one per request it made.
        $other = @(Get-Recorded | Where-Object path -notlike '*chat/completions')
        $other.Count | Should -BeGreaterThan 0
        (@($lines | Where-Object endpoint -ne 'chat/completions' | ForEach-Object { "$($_.requestId) $($_.endpoint)" }) -join '; ') |
            Should -Be (@($other | ForEach-Object { "$($_.requestId) $($_.path -replace '^/v1/', '')" }) -join '; ')
        $recorded = @(Get-Recorded | Where-Object path -like '*chat/completions' | ForEach-Object requestId)
        @($chat.requestId | Where-Object { $recorded -notcontains $_ }).Count | Should -Be 0
    }

    It 'puts the fields of a request on its line, and no content without -LogContent' {
        $line = Read-Log $script:RunLog | Where-Object { $_.endpoint -eq 'chat/completions' -and $_.status -eq 200 } | Select-Object -First 1
        $names = @($line.PSObject.Properties.Name)

        $names -join ',' | Should -Be 'time,connection,requestId,model,method,endpoint,status,attempts,durationMs,stream,usage,webSearches,finishReason,errorId,requeued,gaveUp'
        $line.model | Should -Be 'kimi-k2.6'
        $line.method | Should -Be 'POST'
        $line.finishReason | Should -Be 'stop'
        $line.stream | Should -BeFalse
        $line.usage.totalTokens | Should -BeGreaterThan 0
        [datetime]::Parse($line.time).Kind | Should -Not -BeNullOrEmpty
    }

    It 'costs each row from Set-KimiPrice, in the price''s currency on a custom endpoint' {
        Set-KimiPrice -Model kimi-k2.6 -InputPerMillion 4 -CachedInputPerMillion 1 -OutputPerMillion 16 -PerWebSearch 0.03 -Currency CNY
        $row = Get-KimiUsage | Where-Object Model -eq 'kimi-k2.6'
        $expected = (($row.PromptTokens - $row.CachedPromptTokens) * 4 + $row.CachedPromptTokens * 1 + $row.CompletionTokens * 16) / 1000000

        $row.Cost | Should -Be ([decimal]$expected)
        $row.Currency | Should -Be 'CNY'
        # A row without a price has no cost rather than a made-up one.
        (Get-KimiUsage | Where-Object Model -eq '').Cost | Should -BeNullOrEmpty
    }

    It 'returns the totals and starts over with -Reset' {
        $before = @(Get-KimiUsage -Reset | Where-Object Model -eq 'kimi-k2.6')

        $before[0].Requests | Should -Be 200
        @(Get-KimiUsage).Count | Should -Be 0
        Invoke-KimiChat 'one more' | Out-Null
        (Get-KimiUsage).Requests | Should -Be 1
    }
}

Describe 'Get-KimiUsage for streams and failures' {
    BeforeEach {
        Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null
        Connect-Emulator @{ SkipValidation = $true }
        $null = Get-KimiUsage -Reset
    }

    It 'counts a whole stream with the usage of its last chunk' {
        $chunks = @(Invoke-KimiChat 'stream this please' -Stream)
        $last = $chunks[-1].Completion
        $row = Get-KimiUsage

        $row.Requests | Should -Be 1
        $row.CompletionTokens | Should -Be $last.Usage.CompletionTokens
        $row.PromptTokens | Should -Be $last.Usage.PromptTokens
        $row.EstimatedRequests | Should -Be 0
    }

    It 'counts a stream cut before its usage as failed, with estimated tokens' {
        Invoke-KimiEmulator $script:Emulator 'enqueue' -Body @{ chat = @{ content = ('word ' * 40); chunkChars = 5 }; cutAfterBytes = 600; pathContains = 'chat' } | Out-Null

        $null = Invoke-KimiChat 'cut me' -Stream -ErrorAction SilentlyContinue -ErrorVariable failed
        $row = Get-KimiUsage

        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KimiStreamInterrupted*'
        $row.Requests | Should -Be 1
        $row.FailedRequests | Should -Be 1
        $row.EstimatedRequests | Should -Be 1
        $row.CompletionTokens | Should -BeGreaterThan 0
    }

    It 'counts a request that failed for good, and its retries' {
        Connect-Emulator @{ SkipValidation = $true; MaxRetries = 1 }
        Add-Failure 500 'server_error' 2

        $null = Invoke-KimiChat 'fail me' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $row = Get-KimiUsage

        $row.Requests | Should -Be 1
        $row.FailedRequests | Should -Be 1
        $row.Retries | Should -Be 1
        $row.TotalTokens | Should -Be 0
    }

    It 'keeps each runspace''s totals apart' {
        Invoke-KimiChat 'here' | Out-Null
        $ps = [powershell]::Create()
        try {
            $other = @($ps.AddScript('param($m) Import-Module $m; @(Get-KimiUsage).Count').AddArgument($script:Manifest).Invoke())
        }
        finally { $ps.Dispose() }

        $other[0] | Should -Be 0
        (Get-KimiUsage).Requests | Should -Be 1
    }
}

Describe 'Audit log' {
    BeforeEach {
        Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null
    }

    AfterEach {
        $env:KIMIPS_LOG = $null
        Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null
    }

    It 'never writes the key, though the server echoes it in headers, request ids and answers' {
        $log = New-LogPath
        Connect-Emulator @{ LogPath = $log; LogContent = $true; SkipValidation = $true }
        Invoke-KimiEmulator $script:Emulator 'behaviour' -Body @{ echoKey = $true } | Out-Null

        $answer = Invoke-KimiChat 'tell me my key'
        $null = @(Invoke-KimiChat 'stream my key' -Stream)
        Invoke-KimiEmulator $script:Emulator 'enqueue' -Body @{ status = 400; type = 'invalid_request_error'; message = "bad key $($script:Key)"; pathContains = 'chat' } | Out-Null
        $null = Invoke-KimiChat 'rejected' -ErrorAction SilentlyContinue
        $text = Get-Content -LiteralPath $log -Raw
        $lines = Read-Log $log

        # The server did echo it: otherwise this test would prove nothing.
        $answer.Content | Should -BeLike "*$($script:Key)*"
        $lines.Count | Should -Be 3
        $lines[2].errorId | Should -Be 'KimiInvalidRequest'
        $lines[2].status | Should -Be 400
        $lines[1].stream | Should -BeTrue
        $text | Should -Not -BeLike "*$($script:Key)*"
        $text | Should -Not -BeLike "*$($script:Key.Substring(4, 12))*"
        $lines[0].requestId | Should -BeLike 'emu-*'
        $lines[0].answer | Should -BeLike 'Echo*'
        $lines[0].request | Should -BeLike '*tell me my key*'
    }

    It 'is written from $env:KIMIPS_LOG when Connect-Kimi has no -LogPath' {
        $log = New-LogPath
        $env:KIMIPS_LOG = $log
        Connect-Emulator @{ SkipValidation = $true }

        Invoke-KimiChat 'logged by the environment' | Out-Null

        (Get-KimiConnection).LogPath | Should -Be $log
        @(Read-Log $log).Count | Should -Be 1
    }

    It 'gets no line from a connection without a log' {
        Connect-Emulator @{ SkipValidation = $true }

        Invoke-KimiChat 'not logged' | Out-Null

        (Get-KimiConnection).LogPath | Should -BeNullOrEmpty
    }

    It 'refuses a -LogPath in a folder that does not exist, before anything is sent' {
        $missing = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid().ToString('N') + '/kimi.jsonl')

        { Connect-Emulator @{ LogPath = $missing } } | Should -Throw -ErrorId 'KimiInvalidParameter,*'
        try { Connect-Emulator @{ LogPath = $missing } } catch { $err = $_ }

        $err.Exception.Message | Should -BeLike "*LogPath*does not exist*"
        $err.ErrorDetails.RecommendedAction | Should -BeLike '*Create the folder*'
        (Invoke-KimiEmulator $script:Emulator 'counters' -Method Get).requests | Should -Be 0
    }

    It 'refuses -LogContent without a log' {
        try { Connect-Emulator @{ LogContent = $true; SkipValidation = $true } } catch { $err = $_ }

        $err.FullyQualifiedErrorId | Should -BeLike 'KimiInvalidParameter,*'
        $err.Exception.Message | Should -BeLike '*LogContent*without a log*'
        $err.ErrorDetails.RecommendedAction | Should -BeLike '*KIMIPS_LOG*'
    }

    It 'keeps lines whole with a -ThrottleLimit pipeline and two more runspaces writing at once' {
        $log = New-LogPath
        Connect-Emulator @{ LogPath = $log; LogContent = $true; SkipValidation = $true }
        # Long prompts make long lines (over 16 KB), which unlocked writers would split and interleave.
        $worker = {
            param($manifest, $baseUri, $key, $log, $tag)
            Import-Module $manifest
            Connect-Kimi -BaseUri $baseUri -ApiKey (ConvertTo-SecureString $key -AsPlainText -Force) -LogPath $log -LogContent -SkipValidation
            1..40 | ForEach-Object { "$tag $_ " + ('y' * 16000) } | Invoke-KimiChat -ThrottleLimit 4 | Measure-Object | ForEach-Object Count
        }
        $runs = foreach ($tag in 'first', 'second') {
            $ps = [powershell]::Create()
            $null = $ps.AddScript($worker).AddArgument($script:Manifest).AddArgument($script:Emulator.BaseUri).AddArgument($script:Key).AddArgument($log).AddArgument($tag)
            [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
        }
        $mine = @(1..40 | ForEach-Object { "main $_ " + ('z' * 16000) } | Invoke-KimiChat -ThrottleLimit 8)
        $counts = foreach ($run in $runs) { $run.PowerShell.EndInvoke($run.Handle); $run.PowerShell.Dispose() }

        $mine.Count | Should -Be 40
        @($counts) | Should -Be @(40, 40)
        $lines = Read-Log $log
        $lines.Count | Should -Be 120
        foreach ($tag in 'main', 'first', 'second') {
            @($lines | Where-Object { $_.request -like "*$tag *" }).Count | Should -Be 40
        }
        @($lines | Where-Object { $_.request.Length -lt 16000 }).Count | Should -Be 0
    }
}

Describe 'Saved connections' {
    BeforeEach {
        Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null
        Remove-Item -LiteralPath $script:ConfigHome -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'saves the settings without the key, and a new PowerShell process connects with -Name' {
        Connect-Emulator @{ Model = 'kimi-k2.7-code'; MaxRetries = 4; TimeoutSec = 77; MaxConcurrency = 3; SaveAs = 'emu' }
        $file = Join-Path $script:ConfigHome 'connections.json'
        $text = Get-Content -LiteralPath $file -Raw
        $saved = ($text | ConvertFrom-Json).connections.emu

        $text | Should -Not -BeLike "*$($script:Key.Substring(3, 10))*"
        $saved.baseUri | Should -Be ([string]$script:Emulator.BaseUri)
        $saved.model | Should -Be 'kimi-k2.7-code'
        $saved.maxRetries | Should -Be 4
        $saved.timeoutSec | Should -Be 77
        $saved.maxConcurrency | Should -Be 3
        (Get-KimiConnection).Name | Should -Be 'emu'

        $child = Invoke-NewPowerShell -Script (@'
$ErrorActionPreference = 'Stop'
Import-Module '{0}'
Connect-Kimi -Name emu
$c = Get-KimiConnection
"model=$($c.DefaultModel) retries=$($c.MaxRetries) timeout=$($c.Timeout.TotalSeconds) source=$($c.KeySource) name=$($c.Name)"
(Invoke-KimiChat 'hello from a new process').Content
'@ -f $script:Manifest) -Environment @{ KIMIPS_CONFIG_HOME = $script:ConfigHome; MOONSHOT_API_KEY = $script:Key; KIMI_EMULATOR_BASEURI = '' }

        $child.Errors | Should -BeNullOrEmpty
        $child.ExitCode | Should -Be 0
        $child.Output | Should -BeLike '*model=kimi-k2.7-code retries=4 timeout=77 source=MOONSHOT_API_KEY name=emu*'
        $child.Output | Should -BeLike '*Echo: hello from a new process*'
        @(Get-Recorded | Where-Object { $_.body -like '*hello from a new process*' }).Count | Should -Be 1
    }

    It 'lets parameters given now win over the saved ones' {
        Connect-Emulator @{ Model = 'kimi-k2.5'; SaveAs = 'emu'; SkipValidation = $true }
        $env:MOONSHOT_API_KEY = $script:Key
        try { Connect-Kimi -Name emu -Model kimi-k2.6 -SkipValidation } finally { $env:MOONSHOT_API_KEY = $null }

        (Get-KimiConnection).DefaultModel | Should -Be 'kimi-k2.6'
        (Get-KimiConnection).BaseUri | Should -Be $script:Emulator.BaseUri
    }

    It 'completes saved names after -Name' {
        Connect-Emulator @{ SaveAs = 'emu-one'; SkipValidation = $true }
        Connect-Emulator @{ SaveAs = 'other'; SkipValidation = $true }

        $line = 'Connect-Kimi -Name emu'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

        @($completions.CompletionText) | Should -Be @('emu-one')
    }

    It 'fails with KimiSavedConnectionNotFound for an unknown name, sending nothing' {
        { Connect-Kimi -Name nowhere } | Should -Throw -ErrorId 'KimiSavedConnectionNotFound,*'
        (Invoke-KimiEmulator $script:Emulator 'counters' -Method Get).requests | Should -Be 0
    }

    It 'shows the key hint only, the name, the key source and the log in Get-KimiConnection' {
        $log = New-LogPath
        Connect-Emulator @{ SaveAs = 'shown'; LogPath = $log; SkipValidation = $true; AdditionalHeaders = @{ 'X-Tenant' = 'tenant-secret-value' } }

        $text = Get-KimiConnection | Format-List | Out-String -Width 200
        $all = Get-KimiConnection | Format-List * | Out-String -Width 200

        $text | Should -BeLike '*KeyHint*sk-…cdef*'
        $text | Should -BeLike '*Name*: shown*'
        $text | Should -BeLike '*KeySource*: ApiKey*'
        $text | Should -BeLike "*LogPath*: $log*"
        $text | Should -BeLike '*AdditionalHeaders*: X-Tenant*'
        $text | Should -Not -BeLike '*tenant-secret-value*'
        foreach ($view in $text, $all) { $view | Should -Not -BeLike "*$($script:Key.Substring(3, 10))*" }
    }
}

Describe 'Keys from SecretManagement' {
    BeforeEach {
        Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null
        Remove-Item -LiteralPath $script:ConfigHome -Recurse -Force -ErrorAction SilentlyContinue
        Remove-Item function:Get-Secret -ErrorAction SilentlyContinue
    }

    AfterEach {
        Remove-Item function:Get-Secret -ErrorAction SilentlyContinue
    }

    It 'names Microsoft.PowerShell.SecretManagement when Get-Secret is absent, and sends nothing' {
        $saved = $env:PSModulePath
        # Only PowerShell's own modules: SecretManagement cannot be found even where it is installed.
        $env:PSModulePath = Join-Path $PSHOME 'Modules'
        try {
            Connect-Kimi -SecretName KimiKey -BaseUri $script:Emulator.BaseUri -ErrorAction Stop
            $err = $null
        }
        catch { $err = $_ }
        finally { $env:PSModulePath = $saved }

        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'KimiSecretManagementMissing,*'
        $err.CategoryInfo.Category | Should -Be 'NotInstalled'
        $err.Exception.Message | Should -BeLike '*Microsoft.PowerShell.SecretManagement*'
        $err.ErrorDetails.RecommendedAction | Should -BeLike '*Install-PSResource Microsoft.PowerShell.SecretManagement*'
        $err.TargetObject | Should -Be 'KimiKey'
        (Invoke-KimiEmulator $script:Emulator 'counters' -Method Get).requests | Should -Be 0
    }

    It 'reads the key with a Get-Secret the session defines, with -Vault, and saves only the secret''s name' {
        $script:SecretCalls = [System.Collections.Generic.List[string]]::new()
        function global:Get-Secret([string] $Name, [string] $Vault) {
            $script:SecretCalls.Add("$Name@$Vault")
            ConvertTo-SecureString $script:Key -AsPlainText -Force
        }

        Connect-Kimi -SecretName KimiKey -Vault TestVault -BaseUri $script:Emulator.BaseUri -SaveAs vaulted
        $connection = Get-KimiConnection
        $answer = Invoke-KimiChat 'secret hello'

        @($script:SecretCalls) | Should -Be @('KimiKey@TestVault')
        $connection.KeySource | Should -Be 'SecretManagement'
        $connection.SecretName | Should -Be 'KimiKey'
        $answer.Content | Should -Be 'Echo: secret hello'
        $saved = (Get-Content -LiteralPath (Join-Path $script:ConfigHome 'connections.json') -Raw | ConvertFrom-Json).connections.vaulted
        $saved.secretName | Should -Be 'KimiKey'
        $saved.vault | Should -Be 'TestVault'

        # -Name reads the saved secret again; a key given on the command line wins over it.
        Connect-Kimi -Name vaulted -SkipValidation
        @($script:SecretCalls).Count | Should -Be 2
        Connect-Kimi -Name vaulted -ApiKey (ConvertTo-SecureString $script:Key -AsPlainText -Force) -SkipValidation
        @($script:SecretCalls).Count | Should -Be 2
        (Get-KimiConnection).KeySource | Should -Be 'ApiKey'
    }

    It 'fails with KimiSecretUnavailable when Get-Secret fails or returns nothing' {
        function global:Get-Secret([string] $Name, [string] $Vault) { throw "The secret $Name was not found." }
        { Connect-Kimi -SecretName Missing -BaseUri $script:Emulator.BaseUri } | Should -Throw -ErrorId 'KimiSecretUnavailable,*'

        function global:Get-Secret([string] $Name, [string] $Vault) { }
        try { Connect-Kimi -SecretName Empty -BaseUri $script:Emulator.BaseUri -ErrorAction Stop } catch { $err = $_ }

        $err.FullyQualifiedErrorId | Should -BeLike 'KimiSecretUnavailable,*'
        $err.Exception.Message | Should -BeLike "*'Empty'*returned nothing*"
        (Invoke-KimiEmulator $script:Emulator 'counters' -Method Get).requests | Should -Be 0
    }
}

Describe 'Escape hatches' {
    BeforeAll {
        Connect-Emulator @{ SkipValidation = $true; AdditionalHeaders = @{ 'X-Tenant' = 'from-connection'; 'X-Gateway' = 'gw1' } }
    }

    BeforeEach {
        Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null
    }

    It 'merges -AdditionalBody into the request after the model policy' {
        $answer = Invoke-KimiChat 'with extras' -MaxTokens 100 -AdditionalBody @{ prompt_cache_key = 'job-42'; max_tokens = 50; k3_option = @{ level = 2; tags = @('a', 'b') } }
        $body = (Get-Recorded)[0].body | ConvertFrom-Json

        $answer | Should -BeOfType ([KimiPS.Core.ChatCompletion])
        $body.prompt_cache_key | Should -Be 'job-42'
        $body.max_tokens | Should -Be 50
        $body.k3_option.level | Should -Be 2
        @($body.k3_option.tags) | Should -Be @('a', 'b')
        $body.model | Should -Be 'kimi-k2.6'
    }

    It 'refuses -AdditionalBody <Field> before sending anything' -TestCases @(
        @{ Field = 'model' }, @{ Field = 'Messages' }, @{ Field = 'stream' }
    ) {
        param($Field)
        try { Invoke-KimiChat 'no' -AdditionalBody @{ $Field = 'x' } -ErrorAction Stop } catch { $err = $_ }

        $err.FullyQualifiedErrorId | Should -BeLike 'KimiInvalidParameter,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -BeLike "*AdditionalBody*'$Field'*"
        $err.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        Get-ChatCount | Should -Be 0
    }

    It 'sends the connection''s headers on every request and -AdditionalHeaders over them' {
        Invoke-KimiChat 'first' | Out-Null
        Invoke-KimiChat 'second' -AdditionalHeaders @{ 'X-Tenant' = 'from-call'; 'X-Trace' = 7 } | Out-Null
        $requests = Get-Recorded

        $requests[0].headers.'X-Tenant' | Should -Be 'from-connection'
        $requests[0].headers.'X-Gateway' | Should -Be 'gw1'
        $requests[1].headers.'X-Tenant' | Should -Be 'from-call'
        $requests[1].headers.'X-Gateway' | Should -Be 'gw1'
        $requests[1].headers.'X-Trace' | Should -Be '7'
        $requests[1].headers.Authorization | Should -Be "Bearer $($script:Key)"
    }

    It 'never lets -AdditionalHeaders set Authorization' {
        try { Invoke-KimiChat 'no' -AdditionalHeaders @{ authorization = 'Bearer sk-other' } -ErrorAction Stop } catch { $err = $_ }
        try { Connect-Emulator @{ AdditionalHeaders = @{ Authorization = 'Bearer sk-other' }; SkipValidation = $true } } catch { $err2 = $_ }

        foreach ($e in $err, $err2) {
            $e.FullyQualifiedErrorId | Should -BeLike 'KimiInvalidParameter,*'
            $e.Exception.Message | Should -BeLike '*AdditionalHeaders*Authorization*'
        }
        Get-ChatCount | Should -Be 0
        (Get-KimiConnection).AdditionalHeaders.Keys | Should -Contain 'X-Tenant'
    }
}
