# The batch cmdlets as a user runs them: Invoke-KimiChat -AsBatch, Start-/Get-/Wait-/Receive-/Stop-KimiBatch, the
# document pipeline from files to answers at 1,000 documents, and Receive-KimiBatch in a new process from a manifest.
# Windows PowerShell 5.1 syntax.

BeforeAll {
    . (Join-Path $PSScriptRoot 'KimiPS.TestHelpers.ps1')
    $script:Emulator = Start-KimiEmulator
    Import-KimiStagedModule
    Connect-KimiEmulator $script:Emulator

    function Set-BatchScript([hashtable] $Script) { $null = Invoke-KimiEmulator -Emulator $script:Emulator -Path batches -Body $Script }
    function Get-Counters { Invoke-KimiEmulator -Emulator $script:Emulator -Path counters -Method Get }

    # What an item of Receive-KimiBatch 2>&1 was made from: the input of a result, or the TargetObject of an error.
    function Get-Source($Item) { if ($Item -is [System.Management.Automation.ErrorRecord]) { $Item.TargetObject } else { $Item.InputObject } }

    # Runs a script in a new PowerShell process of the same kind as this one (pwsh, or pwsh.dll under the dotnet
    # host for the tool), connected to the emulator; returns its output lines.
    function Invoke-NewProcess([string] $Script) {
        $path = (Get-Process -Id $PID).Path
        $prefix = @()
        if ([System.IO.Path]::GetFileNameWithoutExtension($path) -eq 'dotnet') { $prefix = @(Join-Path $PSHOME 'pwsh.dll') }
        $manifest = Join-Path $script:RepoRoot 'out/KimiPS/KimiPS.psd1'
        $full = "`$ErrorActionPreference = 'Stop'; Import-Module '$manifest'; " +
            "Connect-Kimi -BaseUri '$($script:Emulator.BaseUri)' -ApiKey (ConvertTo-SecureString '$($script:EmulatorKey)' -AsPlainText -Force); " +
            "`$ErrorActionPreference = 'Continue'; " + $Script
        $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($full))
        & $path @prefix -NoProfile -NonInteractive -EncodedCommand $encoded
    }
}

AfterAll {
    Stop-KimiEmulator $script:Emulator
}

Describe 'Batch pipeline' {
    BeforeEach {
        $null = Invoke-KimiEmulator -Emulator $script:Emulator -Path reset
    }

    It 'runs 1,000 documents from files to answers with injected failures: every one accounted for, in input order, joined to its input' {
        $folder = Join-Path $TestDrive 'docs'
        $null = New-Item -ItemType Directory -Path $folder
        $names = foreach ($i in 1..1000) {
            $name = 'doc-{0:D4}.txt' -f $i
            [System.IO.File]::WriteAllText((Join-Path $folder $name), "Document $i")
            $name
        }
        # Every 10th request is refused by the content filter; the output file comes back in reverse order.
        Set-BatchScript @{ failEvery = 10; failStatus = 400; failType = 'content_filter'; failMessage = 'high risk'; inProgressSteps = 3; reverseOutput = $true }
        $manifest = Join-Path $TestDrive 'docs.json'

        $all = @(Get-ChildItem -Path $folder -Filter *.txt | Sort-Object Name | Send-KimiFile | Get-KimiFileContent -RemoveFile |
                Start-KimiBatch -Prompt 'Summarize' -Path $manifest | Wait-KimiBatch -PollIntervalSec 0.05 | Receive-KimiBatch -Keep -ErrorAction Continue 2>&1)

        $all.Count | Should -Be 1000
        @($all | ForEach-Object { (Get-Source $_).FileName }) -join ',' | Should -Be ($names -join ',')
        $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $results = @($all | Where-Object { $_ -is [KimiPS.Core.KimiBatchResult] })
        $errors.Count | Should -Be 100
        $results.Count | Should -Be 900
        # The emulator numbers each answer by its input line: a result carries the answer to its own document.
        $seen = for ($i = 0; $i -lt 1000; $i++) {
            $item = $all[$i]
            if ($item -is [System.Management.Automation.ErrorRecord]) { '{0} {1} {2} {3}' -f ($i + 1), $item.FullyQualifiedErrorId, $item.CategoryInfo.Category, $item.TargetObject.GetType().Name }
            else { '{0} {1} {2}' -f ($i + 1), $item.Completion.RequestId, $item.Content }
        }
        $expected = for ($i = 1; $i -le 1000; $i++) {
            if ($i % 10 -eq 0) { "$i KimiContentFiltered,KimiPS.Commands.ReceiveKimiBatchCommand InvalidData KimiFileContent" }
            else { "$i req_batch_$i Echo: Summarize" }
        }
        $seen -join "`n" | Should -Be ($expected -join "`n")
        $results[0].Completion | Should -BeOfType ([KimiPS.Core.ChatCompletion])
        $results[0].Completion.Usage.TotalTokens | Should -BeGreaterThan 0

        # In a new process, the manifest joins the same results to the same documents (deserialized).
        $lines = @(Invoke-NewProcess "Receive-KimiBatch -Path '$manifest' -ErrorAction Continue 2>&1 | ForEach-Object { if (`$_ -is [System.Management.Automation.ErrorRecord]) { 'E ' + `$_.TargetObject.FileName + ' ' + `$_.FullyQualifiedErrorId } else { 'R ' + `$_.InputObject.FileName + ' ' + `$_.Completion.RequestId } }")
        $lines.Count | Should -Be 1000
        $lines[0] | Should -Be 'R doc-0001.txt req_batch_1'
        $lines[9] | Should -Be 'E doc-0010.txt KimiContentFiltered,KimiPS.Commands.ReceiveKimiBatchCommand'
        $lines[999] | Should -Be 'E doc-1000.txt KimiContentFiltered,KimiPS.Commands.ReceiveKimiBatchCommand'
        @($lines | ForEach-Object { $_.Split(' ')[1] }) -join ',' | Should -Be ($names -join ',')
        # The first receive kept the files (-Keep); the second deleted the batch's output, error and input files.
        (Get-KimiFile).Count | Should -Be 0
    }

    It 'Invoke-KimiChat -AsBatch writes requests after the model policy, with given or stable generated ids, and sends nothing' {
        $before = (Get-Counters).requests

        $requests = @('one', 'two' | Invoke-KimiChat -AsBatch -Model kimi-k2.6 -Temperature 0.3 -WarningVariable warnings)
        $named = @('one', 'two' | Invoke-KimiChat -AsBatch -CustomId { "q-$_" })
        $again = @('one', 'two' | Invoke-KimiChat -AsBatch -Model kimi-k2.6 -Temperature 0.3 -WarningAction SilentlyContinue)

        (Get-Counters).requests | Should -Be $before
        $requests[0] | Should -BeOfType ([KimiPS.Core.KimiBatchRequest])
        $requests[0].InputObject | Should -Be 'one'
        $requests[0].Body | Should -Not -Match 'temperature'
        @($warnings).Count | Should -Be 2
        "$($warnings[0])" | Should -Match '0\.3'
        $requests[0].CustomId | Should -Match '^request-00001-[0-9a-f]{8}$'
        $requests.CustomId | Should -Be $again.CustomId
        $named.CustomId | Should -Be @('q-one', 'q-two')
    }

    It 'makes documents system messages, from KimiFileContent or a KimiFile whose text it fetches' {
        $path = Join-Path $TestDrive 'notes.txt'
        [System.IO.File]::WriteAllText($path, 'The notes say hello.')
        $file = Send-KimiFile -Path $path

        $fromContent = $file | Get-KimiFileContent | Invoke-KimiChat 'Summarize' -AsBatch
        $fromFile = $file | Start-KimiBatch -Prompt 'Summarize' -WhatIf:$false -Path (Join-Path $TestDrive 'notes.json')

        foreach ($body in $fromContent.Body, $fromFile.Requests[0].Body) {
            $messages = ($body | ConvertFrom-Json).messages
            $messages[0].role | Should -Be 'system'
            $messages[0].content | Should -Be 'The notes say hello.'
            $messages[-1].content | Should -Be 'Summarize'
        }
        $fromContent.InputObject | Should -BeOfType ([KimiPS.Core.KimiFileContent])
        $fromFile.Requests[0].InputObject | Should -BeOfType ([KimiPS.Core.KimiFile])
    }

    It 'follows Invoke-KimiChat''s input rules: text piped with -Prompt is one request, -ForEach one per item' {
        $collected = @('a', 'b' | Invoke-KimiChat 'Summarize' -AsBatch)
        $each = @('a', 'b' | Invoke-KimiChat 'Summarize' -AsBatch -ForEach -CustomId { "id-$_" })

        $collected.Count | Should -Be 1
        $collected[0].InputObject | Should -Be @('a', 'b')
        $each.CustomId | Should -Be @('id-a', 'id-b')
        $each.InputObject | Should -Be @('a', 'b')
    }

    It 'refuses -AsBatch with -Stream before anything happens, naming the parameter' {
        { 'x' | Invoke-KimiChat -AsBatch -Stream -ErrorAction Stop } | Should -Throw -ErrorId 'KimiInvalidParameter,KimiPS.Commands.InvokeKimiChatCommand'
        try { 'x' | Invoke-KimiChat -AsBatch -Stream } catch { $_.Exception.Message | Should -Match "'Stream'" }
    }

    It 'checks a batch before anything is sent: <Name>' -ForEach @(
        @{ Name = 'two models'; Script = { @(('a' | Invoke-KimiChat -AsBatch -Model kimi-k2.6), ('b' | Invoke-KimiChat -AsBatch -Model kimi-k3)) | Start-KimiBatch }; Match = "mixes the models" }
        @{ Name = 'a repeated custom id'; Script = { 'a', 'b' | Invoke-KimiChat -AsBatch -CustomId same | Start-KimiBatch }; Match = "'same' twice" }
        @{ Name = 'a window over 7d'; Script = { 'a' | Start-KimiBatch -Prompt p -CompletionWindow 8d }; Match = 'CompletionWindow' }
        @{ Name = 'metadata over 16 pairs'; Script = { $m = @{}; 1..17 | ForEach-Object { $m["k$_"] = 'v' }; 'a' | Start-KimiBatch -Prompt p -Metadata $m }; Match = 'Metadata' }
        @{ Name = 'a manifest in a missing folder'; Script = { 'a' | Start-KimiBatch -Prompt p -Path (Join-Path $TestDrive 'no/such/m.json') }; Match = "'Path'" }
    ) {
        $before = (Get-Counters).requests
        $caught = $null
        try { & $Script } catch { $caught = $_ }

        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -Match '^KimiInvalidParameter,'
        $caught.Exception.Message | Should -Match $Match
        $caught.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        (Get-Counters).requests | Should -Be $before
    }

    It 'Start-KimiBatch -WhatIf sends nothing; Stop-KimiBatch -WhatIf cancels nothing' {
        $before = (Get-Counters).requests
        'a', 'b' | Start-KimiBatch -Prompt 'Answer.' -WhatIf | Should -BeNullOrEmpty
        (Get-Counters).requests | Should -Be $before

        $batch = 'a' | Start-KimiBatch -Prompt 'Answer.'
        $batch | Stop-KimiBatch -WhatIf
        (Get-KimiBatch -Id $batch.Id).Status | Should -Not -Be 'cancelling'
    }

    It 'Stop-KimiBatch cancels; the requests that did not run are KimiBatchRequestCancelled errors with their inputs' {
        Set-BatchScript @{ inProgressSteps = 2 }
        $batch = 'a', 'b', 'c', 'd' | Start-KimiBatch -Prompt 'Answer.'
        $null = Get-KimiBatch -Id $batch.Id   # in_progress
        $null = Get-KimiBatch -Id $batch.Id   # half the requests run

        $stopped = $batch | Stop-KimiBatch -Confirm:$false -PassThru
        $final = $batch | Wait-KimiBatch -PollIntervalSec 0.05
        $all = @($final | Receive-KimiBatch -ErrorAction Continue 2>&1)

        $stopped.Status | Should -Be 'cancelling'
        $final.Status | Should -Be 'cancelled'
        $final.Requests.Count | Should -Be 4
        @($all | ForEach-Object { Get-Source $_ }) | Should -Be @('a', 'b', 'c', 'd')
        $all[0] | Should -BeOfType ([KimiPS.Core.KimiBatchResult])
        $all[3].FullyQualifiedErrorId | Should -Be 'KimiBatchRequestCancelled,KimiPS.Commands.ReceiveKimiBatchCommand'
        $all[3].TargetObject | Should -Be 'd'
    }

    It 'Receive-KimiBatch says a batch is not finished, and -Id alone writes the results in file order' {
        $batch = 'a', 'b' | Start-KimiBatch -Prompt 'Answer.'
        $batch | Receive-KimiBatch -ErrorVariable notReady -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $notReady[0].FullyQualifiedErrorId | Should -Be 'KimiBatchNotFinished,KimiPS.Commands.ReceiveKimiBatchCommand'
        $notReady[0].ErrorDetails.RecommendedAction | Should -Match 'Wait-KimiBatch'

        $null = Wait-KimiBatch -Id $batch.Id -PollIntervalSec 0.05
        $results = @(Receive-KimiBatch -Id $batch.Id)
        $results.Count | Should -Be 2
        $results[0].InputObject | Should -BeNullOrEmpty
        $results[0].CustomId | Should -Be $batch.Requests[0].CustomId
    }

    It 'a failed validation makes every request an error with its input' {
        Set-BatchScript @{ validationError = 'the file is not valid' }
        $final = 'a', 'b' | Start-KimiBatch -Prompt 'Answer.' | Wait-KimiBatch -PollIntervalSec 0.05
        $final.Status | Should -Be 'failed'

        $final | Receive-KimiBatch -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        @($failed).Count | Should -Be 2
        @($failed | ForEach-Object TargetObject) | Should -Be @('a', 'b')
        $failed[0].FullyQualifiedErrorId | Should -Match '^KimiInvalidRequest,'
    }

    It 'a request missing from both files is an error saying so, and an expired batch reports what did not run' {
        $ids = 'm1', 'm2', 'm3'
        Set-BatchScript @{ omitCustomIds = @('m2') }
        $all = @($ids | Invoke-KimiChat -AsBatch -CustomId { $_ } | Start-KimiBatch | Wait-KimiBatch -PollIntervalSec 0.05 | Receive-KimiBatch -ErrorAction Continue 2>&1)
        $all.Count | Should -Be 3
        $all[1].FullyQualifiedErrorId | Should -Be 'KimiBatchRequestMissing,KimiPS.Commands.ReceiveKimiBatchCommand'
        $all[1].TargetObject | Should -Be 'm2'
        $all[1].Exception.Message | Should -Match "'m2'"

        Set-BatchScript @{ inProgressSteps = 4; expireAfterSteps = 1 }
        $expired = @(1..4 | ForEach-Object { "q$_" } | Start-KimiBatch -Prompt 'Answer.' | Wait-KimiBatch -PollIntervalSec 0.05 | Receive-KimiBatch -ErrorAction Continue 2>&1)
        $expired[0] | Should -BeOfType ([KimiPS.Core.KimiBatchResult])
        @($expired | Select-Object -Skip 1 | ForEach-Object FullyQualifiedErrorId | Sort-Object -Unique) | Should -Be 'KimiBatchRequestExpired,KimiPS.Commands.ReceiveKimiBatchCommand'
    }

    It 'Wait-KimiBatch -TimeoutSec gives up with an error, not the batch' {
        Set-BatchScript @{ inProgressSteps = 100000 }
        $batch = 'a' | Start-KimiBatch -Prompt 'Answer.'

        $out = $batch | Wait-KimiBatch -TimeoutSec 1 -PollIntervalSec 0.05 -ErrorVariable late -ErrorAction SilentlyContinue

        $out | Should -BeNullOrEmpty
        $late[0].FullyQualifiedErrorId | Should -Be 'KimiBatchWaitTimedOut,KimiPS.Commands.WaitKimiBatchCommand'
        $late[0].TargetObject.Id | Should -Be $batch.Id
        (Get-KimiBatch -Id $batch.Id).Status | Should -Be 'in_progress'
    }

    It 'Get-KimiBatch lists newest first across pages' {
        $made = foreach ($i in 1..3) { ('x' | Start-KimiBatch -Prompt "p$i").Id }
        $listed = @(Get-KimiBatch)
        $listed.Id | Should -Be @($made[2], $made[1], $made[0])
        { Get-KimiBatch -Id batch_nope -ErrorAction Stop } | Should -Throw -ErrorId 'KimiNotFound,KimiPS.Commands.GetKimiBatchCommand'
    }

    It 'formats batches, requests and results as tables without the key' {
        $batch = 'a' | Start-KimiBatch -Prompt 'Answer.' | Wait-KimiBatch -PollIntervalSec 0.05
        $text = ($batch | Out-String) + ('a' | Invoke-KimiChat -AsBatch -CustomId c1 | Out-String) + ($batch | Receive-KimiBatch -Keep | Out-String)

        $text | Should -Match 'Id\s+Status\s+Completed\s+Failed\s+Total'
        $text | Should -Match 'completed\s+1\s+0\s+1'
        $text | Should -Match 'CustomId\s+Model\s+Bytes\s+InputObject'
        $text | Should -Match 'CustomId\s+Tokens\s+Content'
        $text | Should -Match 'request-00001-[0-9a-f]{8}\s+\d+\s+Echo: a'
        $text | Should -Not -Match ([regex]::Escape($script:EmulatorKey))
    }
}
