# Invoke-KimiChat, conversations, tools and tokens against the standalone emulator.
# The emulator answers "Echo: <last user text>", which lets order and content be asserted.

BeforeAll {
    . (Join-Path $PSScriptRoot 'KimiPS.TestHelpers.ps1')
    $script:Emulator = Start-KimiEmulator
    Import-KimiStagedModule
    Connect-KimiEmulator $script:Emulator
}

AfterAll {
    Stop-KimiEmulator $script:Emulator
}

Describe 'Invoke-KimiChat' {
    BeforeEach {
        Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null
    }

    It 'answers a prompt with a ChatCompletion' {
        $answer = Invoke-KimiChat 'Hello Kimi'

        $answer | Should -BeOfType ([KimiPS.Core.ChatCompletion])
        $answer.Content | Should -Be 'Echo: Hello Kimi'
    }

    It 'says in its default view that an answer has several choices, and shows none for one (D26)' {
        $several = Invoke-KimiChat 'Three ways' -N 3 -Model gateway-model
        $one = Invoke-KimiChat 'One way' -Model gateway-model

        $several.Choices.Count | Should -Be 3
        ($several | Out-String) | Should -Match '(?m)^Choices\s+: 3 \(Content is the first; all of them are in \.Choices\)$'
        ($one | Out-String) | Should -Not -Match '(?m)^Choices'
    }

    It 'answers every string from the pipeline' {
        $answers = 'one', 'two', 'three' | Invoke-KimiChat

        ($answers.Content -join '|') | Should -Be 'Echo: one|Echo: two|Echo: three'
    }

    It 'streams ChatChunk objects whose last one carries the whole Completion' {
        $chunks = @(Invoke-KimiChat 'Stream this' -Stream)

        $chunks.Count | Should -BeGreaterThan 1
        foreach ($chunk in $chunks) { $chunk | Should -BeOfType ([KimiPS.Core.ChatChunk]) }
        $chunks[-1].Completion | Should -Not -BeNullOrEmpty
        $chunks[-1].Completion.Content | Should -Be 'Echo: Stream this'
        (($chunks | ForEach-Object { $_.Content }) -join '') | Should -Be 'Echo: Stream this'
    }

    It 'displays a stream as the chunks'' text, without the blank line an in-band view puts first' {
        $text = Invoke-KimiChat 'Stream this' -Stream | Out-String

        $text | Should -Not -Match '^\r?\n'
        ($text -replace '\r?\n', '') | Should -BeLike '*Stream*this*'
    }

    It 'appends both turns to a conversation' {
        $conversation = New-KimiConversation

        Invoke-KimiChat 'First question' -Conversation $conversation | Out-Null
        Invoke-KimiChat 'Second question' -Conversation $conversation | Out-Null

        $conversation.TurnCount | Should -Be 2
        @($conversation.Messages | Where-Object Role -eq 'assistant').Count | Should -Be 2
        $conversation.LastAnswer | Should -Be 'Echo: Second question'
    }

    It 'keeps input order with -ThrottleLimit' {
        $prompts = 1..12 | ForEach-Object { "prompt $_" }

        $answers = $prompts | Invoke-KimiChat -ThrottleLimit 4

        ($answers.Content -join '|') | Should -Be (($prompts | ForEach-Object { "Echo: $_" }) -join '|')
    }

    It 'retries a 429 and succeeds' {
        Invoke-KimiEmulator $script:Emulator 'enqueue' -Body @{
            status = 429; type = 'rate_limit_reached_error'; message = 'Too many requests, please retry after 1 seconds'
            headers = @{ 'Retry-After' = '1' }; times = 1; pathContains = 'chat'
        } | Out-Null

        $answer = Invoke-KimiChat 'After the limit'

        $answer.Content | Should -Be 'Echo: After the limit'
        (Invoke-KimiEmulator $script:Emulator 'counters' -Method Get).chatRequests | Should -Be 2
    }
}

Describe 'Conversations' {
    It 'round-trips through Export-KimiConversation and Import-KimiConversation' {
        $conversation = New-KimiConversation
        Invoke-KimiChat 'Remember this' -Conversation $conversation | Out-Null
        $path = Join-Path $TestDrive 'conversation.json'

        $conversation | Export-KimiConversation -Path $path
        $imported = Import-KimiConversation -Path $path

        $imported | Should -BeOfType ([KimiPS.Core.KimiConversation])
        $imported.Messages.Count | Should -Be $conversation.Messages.Count
        $imported.LastAnswer | Should -Be $conversation.LastAnswer
    }
}

Describe 'New-KimiTool' {
    It 'describes a PowerShell command as a tool' {
        $tool = New-KimiTool -Command Get-Date

        $tool | Should -BeOfType ([KimiPS.Core.ChatTool])
        $tool.Name | Should -Not -BeNullOrEmpty
    }
}

Describe 'Measure-KimiToken' {
    It 'returns the server estimate' {
        $count = Measure-KimiToken 'How many tokens is this?'

        $count.TotalTokens | Should -BeGreaterThan 0
    }
}

Describe 'Help' {
    It 'Get-Help Invoke-KimiChat shows a synopsis from the generated MAML' {
        $help = Get-Help Invoke-KimiChat

        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '^\s*Invoke-KimiChat\s*\['   # the auto-generated syntax stub means no help file
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
    }
}
