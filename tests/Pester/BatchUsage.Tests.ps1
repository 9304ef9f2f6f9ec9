# Batch results in the usage ledger: Receive-KimiBatch counts each result line it writes (tokens and a request) and
# each failed request line, in a batch row of its connection and model that Set-KimiPrice -Batch prices; a batch
# received twice is counted once. Windows PowerShell 5.1 syntax.

BeforeAll {
    . (Join-Path $PSScriptRoot 'KimiPS.TestHelpers.ps1')
    $script:Emulator = Start-KimiEmulator
    Import-KimiStagedModule
    Connect-KimiEmulator $script:Emulator

    function Set-BatchScript([hashtable] $Script) { $null = Invoke-KimiEmulator -Emulator $script:Emulator -Path batches -Body $Script }

    # A finished batch of $Count prompts (every 4th fails with a server error), and what Receive-KimiBatch writes for it.
    function New-FinishedBatch([int] $Count, [string] $Model = 'kimi-k2.6') {
        Set-BatchScript @{ failEvery = 4; failStatus = 500; failType = 'server_error'; failMessage = 'boom' }
        $prompts = foreach ($i in 1..$Count) { "question $i" }
        $prompts | Start-KimiBatch -Prompt 'Answer.' -Model $Model | Wait-KimiBatch -PollIntervalSec 0.05
    }

    function Get-Sum($Results, [string] $Name) { [long](($Results | ForEach-Object { $_.Completion.Usage.$Name } | Measure-Object -Sum).Sum) }
}

AfterAll {
    Stop-KimiEmulator $script:Emulator
}

Describe 'Receive-KimiBatch in Get-KimiUsage' {
    BeforeEach {
        $null = Invoke-KimiEmulator -Emulator $script:Emulator -Path reset
        $null = Get-KimiUsage -Reset
    }

    It 'counts each result''s tokens and each failed line in a batch row of the connection and model' {
        $batch = New-FinishedBatch 12
        $null = Get-KimiUsage -Reset   # only what Receive-KimiBatch counts from here
        $all = @($batch | Receive-KimiBatch -Keep -ErrorAction SilentlyContinue -ErrorVariable failed)
        $all.Count | Should -Be 9
        $failed.Count | Should -Be 3

        $rows = @(Get-KimiUsage)
        $row = @($rows | Where-Object { $_.Model -eq 'kimi-k2.6' -and $_.Batch })
        $row.Count | Should -Be 1
        $row[0].Requests | Should -Be 12
        $row[0].FailedRequests | Should -Be 3
        $row[0].Retries | Should -Be 0
        $row[0].PromptTokens | Should -Be (Get-Sum $all PromptTokens)
        $row[0].CachedPromptTokens | Should -Be (Get-Sum $all CachedTokens)
        $row[0].CompletionTokens | Should -Be (Get-Sum $all CompletionTokens)
        $row[0].TotalTokens | Should -Be (Get-Sum $all TotalTokens)
        $row[0].TotalTokens | Should -BeGreaterThan 0
        $row[0].Connection | Should -Be (@($rows | Where-Object Model -eq '')[0].Connection)

        # The downloads (batch, output and error files) are API requests with no model, not chat requests.
        @($rows | Where-Object { $_.Model -eq 'kimi-k2.6' -and -not $_.Batch }).Count | Should -Be 0
        $files = @($rows | Where-Object Model -eq '')
        $files.Count | Should -Be 1
        $files[0].Batch | Should -BeFalse
        $files[0].Requests | Should -Be 3
        $files[0].TotalTokens | Should -Be 0
        ($row[0] | Format-Table | Out-String) | Should -Match 'kimi-k2\.6 \(batch\)'
    }

    It 'does not count a batch received a second time (-Keep, then again), nor after -Reset' {
        $batch = New-FinishedBatch 8
        $first = @($batch | Receive-KimiBatch -Keep -ErrorAction SilentlyContinue)
        $again = @($batch | Receive-KimiBatch -Keep -ErrorAction SilentlyContinue)
        $again.Count | Should -Be $first.Count
        $row = Get-KimiUsage -Reset | Where-Object { $_.Model -eq 'kimi-k2.6' -and $_.Batch }
        $row.Requests | Should -Be 8
        $row.FailedRequests | Should -Be 2
        $row.TotalTokens | Should -Be (Get-Sum $first TotalTokens)

        $null = @(Receive-KimiBatch -Id $batch.Id -ErrorAction SilentlyContinue)
        @(Get-KimiUsage | Where-Object Batch).Count | Should -Be 0
    }

    It 'counts the rest of a batch whose first receive stopped early, and no line twice' {
        $batch = New-FinishedBatch 8
        $firstTwo = @($batch | Receive-KimiBatch -Keep -ErrorAction SilentlyContinue | Select-Object -First 2)
        $firstTwo.Count | Should -Be 2
        (Get-KimiUsage | Where-Object Batch).Requests | Should -BeLessThan 8
        $all = @($batch | Receive-KimiBatch -Keep -ErrorAction SilentlyContinue)
        $row = Get-KimiUsage | Where-Object Batch
        $row.Requests | Should -Be 8
        $row.FailedRequests | Should -Be 2
        $row.TotalTokens | Should -Be (Get-Sum $all TotalTokens)
    }

    It 'prices batch rows with Set-KimiPrice -Batch only, and live rows without it' {
        $batch = New-FinishedBatch 4
        $results = @($batch | Receive-KimiBatch -ErrorAction SilentlyContinue)
        $null = Invoke-KimiChat 'live question' -Model kimi-k2.6
        Set-KimiPrice -Model kimi-k2.6 -InputPerMillion 4 -OutputPerMillion 16 -Currency CNY
        (Get-KimiUsage | Where-Object { $_.Model -eq 'kimi-k2.6' -and $_.Batch }).Cost | Should -BeNullOrEmpty

        $price = Set-KimiPrice -Model kimi-k2.6 -Batch -InputPerMillion 2 -OutputPerMillion 8 -Currency CNY -PassThru
        $price.Batch | Should -BeTrue
        $rows = @(Get-KimiUsage)
        $batchRow = $rows | Where-Object { $_.Model -eq 'kimi-k2.6' -and $_.Batch }
        $liveRow = $rows | Where-Object { $_.Model -eq 'kimi-k2.6' -and -not $_.Batch }
        $batchRow.Cost | Should -Be ((((Get-Sum $results PromptTokens) * 2) + ((Get-Sum $results CompletionTokens) * 8)) / 1000000)
        $liveRow.Cost | Should -Be ((($liveRow.PromptTokens * 4) + ($liveRow.CompletionTokens * 16)) / 1000000)
    }

    It 'prices batch rows of a model without a batch price of its own from Set-KimiPrice * -Batch' {
        # kimi-k2.6 has a live and a batch price from the test above; kimi-k3 has none.
        $batch = New-FinishedBatch 4 kimi-k3
        $null = @($batch | Receive-KimiBatch -ErrorAction SilentlyContinue)
        (Get-KimiUsage | Where-Object Batch).Cost | Should -BeNullOrEmpty
        Set-KimiPrice -Model * -Batch -InputPerMillion 1 -OutputPerMillion 1
        $row = Get-KimiUsage | Where-Object Batch
        $row.Model | Should -Be 'kimi-k3'
        $row.Cost | Should -Be ($row.PromptTokens / 1000000 + $row.CompletionTokens / 1000000)
    }
}
