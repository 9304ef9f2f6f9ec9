# The README cannot lie: every ```powershell block of README.md runs here against the emulator, read
# from README.md at run time (a new or edited example is tested without touching this file), with only
# the connection and paths substituted (the rules: KimiPS.Examples.ps1). A block passes when it runs to
# its end with no error record and no terminating error; a few blocks also have their effect checked.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'KimiPS.TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'KimiPS.Examples.ps1')
    $script:Blocks = @(Get-KimiReadmeBlock -Path (Join-Path $script:RepoRoot 'README.md') | ForEach-Object {
            $first = @($_.Code -split "`n" | Where-Object { $_.Trim() -and $_.Trim() -notlike '#*' })[0]
            @{ Line = $_.Line; Code = $_.Code; Title = if ($first) { $first.Trim() } else { '(comments only)' } }
        })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'KimiPS.TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'KimiPS.Examples.ps1')
    $script:Emulator = Start-KimiEmulator
    $script:Readme = Join-Path $script:RepoRoot 'README.md'
    # Connect-Kimi -SaveAs examples write to a scratch folder, never to this user's configuration.
    $env:KIMIPS_CONFIG_HOME = Join-Path $TestDrive 'kimips-config'

    # Effects checked beyond "ran cleanly", keyed by a line of the README they belong to.
    $script:Effects = @{
        '-Tool $tool -InvokeTools'              = {
            param($run)
            # Get-Date ran and its output went back to the model as a tool message.
            @($run.Requests | Where-Object { $_.path -like '*chat/completions' -and $_.body -match '"role":\s*"tool"' }).Count | Should -BeGreaterOrEqual 1
        }
        'Get-KimiFile | Remove-KimiFile -Confirm:$false' = {
            param($run)
            @($run.Requests | Where-Object { $_.method -eq 'DELETE' }).Count | Should -BeGreaterOrEqual 1
        }
        'Connect-Kimi -Name nightly'            = {
            param($run)
            # Saved without the key; the saved connection was used (validated with a request of its own).
            $file = Join-Path $env:KIMIPS_CONFIG_HOME 'connections.json'
            $saved = (Get-Content -LiteralPath $file -Raw | ConvertFrom-Json).connections.nightly
            $saved.secretName | Should -Be 'KimiKey'
            (Get-Content -LiteralPath $file -Raw) | Should -Not -BeLike "*$($script:EmulatorKey.Substring(3, 10))*"
        }
        'Get-Content ./kimi-audit.jsonl'        = {
            param($run)
            # One line per request of the example, each a whole JSON object.
            @($run.Output).Count | Should -Be @($run.Requests).Count
        }
        "Get-Content .\log.txt | Invoke-KimiChat" = {
            param($run)
            # The log's lines reached the server with the prompt, all in one request.
            @($run.Requests | Where-Object { $_.body -match 'disk full' -and $_.body -match 'INFO ok' -and $_.body -match 'Summarize the errors' }).Count | Should -Be 1
        }
        'Get-Service | Where-Object Status -eq Stopped' = {
            param($run)
            # The stopped services went as one JSON array with the question, in one request.
            $chats = @($run.Requests | Where-Object { $_.body -match 'web server' } | ForEach-Object { ($_.body | ConvertFrom-Json).messages[-1].content })
            $chats.Count | Should -Be 1
            $chats[0] | Should -BeLike '`[{*"Status":"Stopped"*}`]*Which of these should run on a web server?'
            $chats[0] | Should -Not -BeLike '*"Status":"Running"*'
        }
        '$Error[0] | Invoke-KimiChat' = {
            param($run)
            # The error went as its description: id, category, the failing line.
            $chat = @($run.Requests | Where-Object { $_.body -match 'Why did this fail' } | ForEach-Object { ($_.body | ConvertFrom-Json).messages[-1].content })
            $chat.Count | Should -Be 1
            $chat[0] | Should -BeLike '*"fullyQualifiedErrorId":"PathNotFound,*"category":"ObjectNotFound"*missing.txt*'
        }
        'git log -5 --oneline | Invoke-KimiChat' = {
            param($run)
            # Five commit lines, one request.
            $chat = @($run.Requests | Where-Object { $_.body -match 'Write release notes' } | ForEach-Object { ($_.body | ConvertFrom-Json).messages[-1].content })
            $chat.Count | Should -Be 1
            @($chat[0] -split "`n" | Where-Object { $_ -match 'Change \d' }).Count | Should -Be 5
        }
        "Invoke-KimiChat 'Answer in one sentence.' -ForEach" = {
            param($run)
            # questions.txt has two lines: two requests.
            @($run.Requests | Where-Object { $_.body -match 'Answer in one sentence' }).Count | Should -Be 2
        }
    }
}

AfterAll {
    if ($script:Emulator) { Stop-KimiEmulator $script:Emulator }
}

Describe 'README.md' {
    It 'has PowerShell examples, and every fenced PowerShell block is one the test runs' {
        $fences = @(Get-Content -LiteralPath $script:Readme -Encoding UTF8 | Where-Object { $_ -match '^\s*```\s*(powershell|pwsh|ps1|ps)\s*$' })
        $blocks = @(Get-KimiReadmeBlock -Path $script:Readme)
        $blocks.Count | Should -BeGreaterThan 5
        # A block fenced as ```pwsh or ```ps1 would be shown to readers but never run.
        $blocks.Count | Should -Be $fences.Count
    }

    It 'every checked effect still names a line of the README' {
        $text = Get-Content -LiteralPath $script:Readme -Raw -Encoding UTF8
        foreach ($key in $script:Effects.Keys) { $text.Contains($key) | Should -BeTrue -Because "'$key' is a key of `$Effects" }
    }

    It 'block at line <Line> runs against the emulator: <Title>' -ForEach $script:Blocks {
        $code = ConvertTo-KimiRunnableExample -Code $Code
        if (-not $code.Trim() -or -not ($code -split "`n" | Where-Object { $_.Trim() -and $_.Trim() -notlike '#*' })) {
            Set-ItResult -Skipped -Because 'it only installs from the PowerShell Gallery (rule 5: no Gallery, no network; Install.Tests.ps1 installs from a local repository)'
            return
        }
        $run = Invoke-KimiExample -Code $code -Emulator $script:Emulator -Scratch (Join-Path $TestDrive "readme-$Line")
        Get-KimiExampleFailure -Run $run | Should -BeNullOrEmpty
        # Something was asked of the server: a block that silently did nothing would pass too easily.
        @($run.Requests).Count | Should -BeGreaterThan 0
        foreach ($key in $script:Effects.Keys) {
            if ($Code.Contains($key)) { & $script:Effects[$key] $run }
        }
    }
}
