# The PowerShell pipeline as Invoke-KimiChat's input (issue 16): any object becomes material, errors a structured
# description, secrets are refused; with -Prompt, piped text and objects make ONE request (-ForEach: one each),
# documents one each; a size guard fails before sending. Each case checks what the emulator received.

BeforeAll {
    . (Join-Path $PSScriptRoot 'KimiPS.TestHelpers.ps1')
    $script:Emulator = Start-KimiEmulator
    Import-KimiStagedModule
    Connect-KimiEmulator $script:Emulator

    function Get-Counters { Invoke-KimiEmulator $script:Emulator 'counters' -Method Get }
    function Get-Requests { @(Invoke-KimiEmulator $script:Emulator 'requests' -Method Get | ForEach-Object { $_ }) }
    # The user message of each chat request, in order (the emulator records every body).
    function Get-UserContent {
        foreach ($r in (Get-Requests | Where-Object { $_.path -like '*chat/completions' })) {
            $body = $r.body | ConvertFrom-Json
            @($body.messages | Where-Object role -EQ 'user')[-1].content
        }
    }
}

AfterAll {
    Stop-KimiEmulator $script:Emulator
}

Describe 'Piped text with -Prompt' {
    BeforeEach { Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null }

    It 'sends a 1,000-line input as ONE request: the lines in order, a blank line, then the prompt' {
        $lines = 1..1000 | ForEach-Object { "line $_" }

        $answers = @($lines | Invoke-KimiChat 'Summarize the errors')

        $answers.Count | Should -Be 1
        $answers[0] | Should -BeOfType ([KimiPS.Core.ChatCompletion])
        (Get-Counters).chatRequests | Should -Be 1
        # A small input never costs a /v1/models look-up: the chat is the only request.
        (Get-Counters).requests | Should -Be 1
        @(Get-UserContent) | Should -Be (($lines -join "`n") + "`n`nSummarize the errors")
    }

    It 'keeps blank lines as lines instead of sending them as requests of their own' {
        'first', '', 'third' | Invoke-KimiChat 'Count the lines' | Out-Null

        (Get-Counters).chatRequests | Should -Be 1
        @(Get-UserContent) | Should -Be "first`n`nthird`n`nCount the lines"
    }

    It 'sends one request per line with -ForEach, each line with the prompt' {
        $answers = @('alpha', 'beta', 'gamma' | Invoke-KimiChat 'Translate' -ForEach)

        $answers.Count | Should -Be 3
        (Get-Counters).chatRequests | Should -Be 3
        @(Get-UserContent) | Should -Be @("alpha`n`nTranslate", "beta`n`nTranslate", "gamma`n`nTranslate")
    }

    It 'without -Prompt still makes each piped string a prompt of its own' {
        $answers = @('one', 'two' | Invoke-KimiChat)

        ($answers.Content -join '|') | Should -Be 'Echo: one|Echo: two'
        @(Get-UserContent) | Should -Be @('one', 'two')
    }

    It 'sends the question alone for $null piped, as before' {
        $null | Invoke-KimiChat 'Just the question' | Out-Null

        @(Get-UserContent) | Should -Be 'Just the question'
    }

    It 'sends nothing with -WhatIf' {
        $lines = 1..50 | ForEach-Object { "line $_" }

        $out = @($lines | Invoke-KimiChat 'Summarize' -WhatIf -ErrorVariable failed)

        $out.Count | Should -Be 0
        $failed.Count | Should -Be 0
        (Get-Counters).requests | Should -Be 0
    }

    It 'carries the whole collected input as the TargetObject when the request fails' {
        Invoke-KimiEmulator $script:Emulator 'enqueue' -Body @{
            status = 400; type = 'content_filter'; message = 'The request was rejected because it was considered high risk'; pathContains = 'chat'
        } | Out-Null

        'ERROR disk full', 'INFO ok' | Invoke-KimiChat 'Summarize' -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KimiContentFiltered*'
        @($failed[0].TargetObject) | Should -Be @('ERROR disk full', 'INFO ok')
    }
}

Describe 'Piped objects' {
    BeforeEach { Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null }

    It 'sends hashtables and objects as one compact JSON array, in pipeline order' {
        $answer = @(@{ a = 1 }, [pscustomobject]@{ Name = 'web01'; Status = 'Stopped' } | Invoke-KimiChat 'Sum?')

        $answer.Count | Should -Be 1
        (Get-Counters).chatRequests | Should -Be 1
        @(Get-UserContent) | Should -Be "[{`"a`":1},{`"Name`":`"web01`",`"Status`":`"Stopped`"}]`n`nSum?"
    }

    It 'sends text lines first and the objects after them, in one request' {
        'note', [pscustomobject]@{ n = 2 }, 'more' | Invoke-KimiChat 'Explain' | Out-Null

        @(Get-UserContent) | Should -Be "note`nmore`n`n[{`"n`":2}]`n`nExplain"
    }

    It 'sends one JSON object per request with -ForEach' {
        [pscustomobject]@{ n = 1 }, [pscustomobject]@{ n = 2 } | Invoke-KimiChat 'Describe' -ForEach | Out-Null

        @(Get-UserContent) | Should -Be @("{`"n`":1}`n`nDescribe", "{`"n`":2}`n`nDescribe")
    }

    It 'sends a live process (Get-Process -Id $PID) without an error' {
        $answer = Get-Process -Id $PID | Invoke-KimiChat 'How much memory?' -WarningAction SilentlyContinue -ErrorAction Stop

        $answer | Should -BeOfType ([KimiPS.Core.ChatCompletion])
        $content = @(Get-UserContent)[0]
        $content | Should -BeLike ('*"Id":' + $PID + '*')
        $content | Should -BeLike '*"WorkingSet64":*'
    }

    It 'cuts what is too deep or too large, and names it in one warning' {
        $big = [pscustomobject]@{ Name = 'x'; Huge = ('y' * 40000); Deep = @{ a = @{ b = 'hidden' } }; After = 'kept' }

        $big | Invoke-KimiChat 'What is it?' -WarningVariable warned -WarningAction SilentlyContinue | Out-Null

        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -BeLike '*Huge*'
        "$($warned[0])" | Should -BeLike '*Deep.a*'
        "$($warned[0])" | Should -BeLike '*Select-Object*'
        $content = @(Get-UserContent)[0]
        $content | Should -Not -BeLike '*yyyy*'
        $content | Should -BeLike '*"Name":"x"*'
        $content | Should -BeLike '*"After":"kept"*'
        $content | Should -BeLike '*"Deep":{"a":"System.Collections.Hashtable"}*'
    }

    It 'reads an answer piped on as its text: with -Prompt the material, without it the prompt' {
        $translated = Invoke-KimiChat 'Write a poem' | Invoke-KimiChat 'Translate it'
        $again = Invoke-KimiChat 'Hello' | Invoke-KimiChat

        $translated.Content | Should -Be "Echo: Echo: Write a poem`n`nTranslate it"
        $again.Content | Should -Be 'Echo: Echo: Hello'
        (Get-Counters).chatRequests | Should -Be 4
    }

    It 'refuses an object without -Prompt, naming -Prompt, and still answers the piped strings' {
        $answers = @('first', [pscustomobject]@{ n = 1 }, 'second' | Invoke-KimiChat -ErrorVariable failed -ErrorAction SilentlyContinue)

        ($answers.Content -join '|') | Should -Be 'Echo: first|Echo: second'
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KimiInvalidParameter*'
        $failed[0].Exception.Message | Should -BeLike "*'Prompt'*"
        $failed[0].TargetObject.n | Should -Be 1
        (Get-Counters).chatRequests | Should -Be 2
    }
}

Describe 'Piped errors' {
    BeforeEach { Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null }

    It 'describes $Error[0]: message, FullyQualifiedErrorId, category, target, the failing line and the script stack trace' {
        $Error.Clear()
        Get-Item -LiteralPath '/no/such/kimips-file.txt' -ErrorAction SilentlyContinue

        $Error[0] | Invoke-KimiChat 'Why did this fail?' -ErrorAction Stop | Out-Null

        $content = @(Get-UserContent)[0]
        $content | Should -BeLike '*Why did this fail?'
        $json = ($content -split "`n`n")[0] | ConvertFrom-Json
        $json[0].type | Should -Be 'ErrorRecord'
        $json[0].fullyQualifiedErrorId | Should -Be 'PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand'
        $json[0].category | Should -Be 'ObjectNotFound'
        $json[0].targetObject | Should -BeLike '*kimips-file.txt'
        $json[0].message | Should -BeLike '*kimips-file.txt*'
        $json[0].command | Should -Be 'Get-Item'
        $json[0].line | Should -BeLike "Get-Item -LiteralPath '/no/such/kimips-file.txt'*"
        $json[0].positionMessage | Should -BeLike '*PipedInput.Tests.ps1*'
        $json[0].scriptStackTrace | Should -BeLike '*PipedInput.Tests.ps1*'
    }

    It 'describes an exception with its inner exceptions' {
        $inner = New-Object System.InvalidOperationException 'the disk is full'
        $outer = New-Object System.IO.IOException ('could not save the report', $inner)

        $outer | Invoke-KimiChat 'Why?' | Out-Null

        $json = (@(Get-UserContent)[0] -split "`n`n")[0] | ConvertFrom-Json
        $json[0].type | Should -Be 'System.IO.IOException'
        $json[0].message | Should -Be 'could not save the report'
        $json[0].innerExceptions[0].type | Should -Be 'System.InvalidOperationException'
        $json[0].innerExceptions[0].message | Should -Be 'the disk is full'
    }
}

Describe 'Secrets' {
    BeforeEach { Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null }

    It 'refuses a <Kind>, naming -InputObject, and sends nothing' -ForEach @(
        @{ Kind = 'SecureString'; Make = { ConvertTo-SecureString 'hunter2-secret' -AsPlainText -Force } }
        @{ Kind = 'PSCredential'; Make = { New-Object System.Management.Automation.PSCredential ('admin', (ConvertTo-SecureString 'hunter2-secret' -AsPlainText -Force)) } }
    ) {
        $secret = & $Make

        $secret | Invoke-KimiChat 'What is this?' -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KimiUnsupportedInput*'
        $failed[0].CategoryInfo.Category | Should -Be 'SecurityError'
        $failed[0].Exception.Message | Should -BeLike "*'InputObject'*$Kind*"
        $failed[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        (Get-Counters).requests | Should -Be 0
    }

    It 'refuses an object holding a credential, naming the property, and sends the other items' {
        $credential = New-Object System.Management.Automation.PSCredential ('admin', (ConvertTo-SecureString 'hunter2-secret' -AsPlainText -Force))
        $holder = [pscustomobject]@{ Server = 'db01'; Login = $credential }

        'keep me', $holder | Invoke-KimiChat 'Check' -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null

        $failed.Count | Should -Be 1
        $failed[0].Exception.Message | Should -BeLike "*'Login'*PSCredential*"
        $failed[0].ErrorDetails.RecommendedAction | Should -BeLike '*-ExcludeProperty Login*'
        $failed[0].TargetObject.Server | Should -Be 'db01'
        @(Get-UserContent) | Should -Be "keep me`n`nCheck"
        (Get-Requests).body -join "`n" | Should -Not -BeLike '*db01*'
    }

    It 'sends a connection object with its key hint only, never the key' {
        $connection = Connect-Kimi -BaseUri $script:Emulator.BaseUri -ApiKey (ConvertTo-SecureString $script:EmulatorKey -AsPlainText -Force) -PassThru

        $connection, (Get-KimiConnection) | Invoke-KimiChat 'Which endpoint is this?' -ErrorAction Stop | Out-Null

        $bodies = (Get-Requests).body -join "`n"
        $bodies | Should -Not -BeLike "*$($script:EmulatorKey)*"
        # Not even a fragment: the key's body without its last four characters (the hint shows those).
        $bodies | Should -Not -BeLike "*$($script:EmulatorKey.Substring(3, $script:EmulatorKey.Length - 7))*"
        $hint = $connection.KeyHint
        @(Get-UserContent)[0] | Should -BeLike ('*"KeyHint":"' + $hint + '"*"KeyHint":"' + $hint + '"*')
    }
}

Describe 'Documents in the pipeline' {
    BeforeEach { Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null }

    It 'keeps one request per document, and sends piped text after them as one request of its own' {
        $a = Join-Path $TestDrive 'a.txt'; Set-Content -LiteralPath $a -Value 'Alpha document'
        $b = Join-Path $TestDrive 'b.txt'; Set-Content -LiteralPath $b -Value 'Beta document'
        $docs = @(Get-KimiFileContent -LiteralPath $a, $b)
        Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null

        $answers = @('a note', $docs[0], 'another note', $docs[1] | Invoke-KimiChat 'Summarize')

        $answers.Count | Should -Be 3
        (Get-Counters).chatRequests | Should -Be 3
        $chats = @(Get-Requests | Where-Object { $_.path -like '*chat/completions' } | ForEach-Object { $_.body | ConvertFrom-Json })
        $chats[0].messages[0].content | Should -BeLike '*Alpha document*'
        $chats[1].messages[0].content | Should -BeLike '*Beta document*'
        @($chats[2].messages).Count | Should -Be 1
        $chats[2].messages[0].content | Should -Be "a note`nanother note`n`nSummarize"
    }
}

Describe 'The size guard' {
    BeforeEach { Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null }

    It 'fails with KimiContextLengthExceeded before sending when the input cannot fit the model' {
        # kimi-k2.6 has a 262,144-token context in /v1/models; 1.2 MB of text is about 300,000 tokens.
        $lines = 1..12 | ForEach-Object { 'z' * 100000 }

        $lines | Invoke-KimiChat 'Summarize' -Model kimi-k2.6 -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KimiContextLengthExceeded*'
        $failed[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $failed[0].Exception.Message | Should -BeLike '*about 300,00* tokens*kimi-k2.6 accepts 262,144*Nothing was sent*'
        $failed[0].ErrorDetails.RecommendedAction | Should -BeLike '*Select-Object*-ForEach*'
        @($failed[0].TargetObject).Count | Should -Be 12
        (Get-Counters).chatRequests | Should -Be 0
    }

    It 'sends the same input to a model whose context fits it' {
        $lines = 1..12 | ForEach-Object { 'z' * 100000 }

        $answer = $lines | Invoke-KimiChat 'Summarize' -Model kimi-k3 -ErrorAction Stop

        $answer | Should -BeOfType ([KimiPS.Core.ChatCompletion])
        (Get-Counters).chatRequests | Should -Be 1
    }

    It 'refuses input too large to keep in memory without asking the server anything' {
        # 9 lines of a million characters: beyond the 8 M characters collected input keeps.
        $line = 'q' * 1000000

        1..9 | ForEach-Object { $line } | Invoke-KimiChat 'Summarize' -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KimiContextLengthExceeded*'
        $failed[0].Exception.Message | Should -BeLike '*about 2,250,00* tokens, and no Kimi model accepts more than 1,048,576. Nothing was sent.'
        @($failed[0].TargetObject).Count | Should -BeLessThan 9
        (Get-Counters).requests | Should -Be 0
    }

    It 'guards one -ForEach item too, and the other items still go' {
        'small', ('z' * 1200000) | Invoke-KimiChat 'Summarize' -ForEach -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KimiContextLengthExceeded*'
        (Get-Counters).chatRequests | Should -Be 1
        @(Get-UserContent) | Should -Be "small`n`nSummarize"
    }
}
