# How ChatChunk objects (-Stream, not rendered live) display: by default their text flows, one chunk per line,
# out of band like strings; Format-List/-Table/-Custom show their properties with -Force, as for a string
# (PowerShell formats an out-of-band object only when -Force says so). Windows PowerShell 5.1 syntax.

BeforeAll {
    . (Join-Path $PSScriptRoot 'KimiPS.TestHelpers.ps1')
    $script:Emulator = Start-KimiEmulator
    Import-KimiStagedModule
    Connect-KimiEmulator $script:Emulator
    $script:Chunks = @(Invoke-KimiChat 'Write a short answer' -Stream -LiveText Never)
    $script:Nl = [Environment]::NewLine
    $script:Answer = @($script:Chunks | Where-Object Content)[0]   # the first chunk of answer text (the reasoning comes first)
}

AfterAll {
    Stop-KimiEmulator $script:Emulator
}

Describe 'ChatChunk display' {
    It 'gets chunks to display: text chunks, then the summary chunk with the whole answer' {
        $script:Chunks.Count | Should -BeGreaterThan 3
        $script:Chunks | ForEach-Object { $_ | Should -BeOfType ([KimiPS.Core.ChatChunk]) }
        $script:Chunks[-1].Completion.Content | Should -Be 'Echo: Write a short answer'
    }

    It 'shows the text flowing, a chunk per line, with no blank line before it, when no Format-* is asked for' {
        $lines = foreach ($chunk in $script:Chunks) { if ($chunk.Content) { $chunk.Content } else { [string]$chunk.ReasoningContent } }
        $text = $script:Chunks | Out-String
        $text.StartsWith($lines[0]) | Should -BeTrue
        $text | Should -Not -Match 'ChoiceIndex'
        $text.TrimEnd() | Should -Be (($lines -join $script:Nl).TrimEnd())
    }

    It 'shows every property with Format-List * -Force' {
        $text = $script:Answer | Format-List * -Force | Out-String
        $text | Should -Match '(?m)^ChoiceIndex\s+: 0\s*$'
        $text | Should -Match ('(?m)^Content\s+: ' + [regex]::Escape($script:Answer.Content) + '\s*$')
        $text | Should -Match '(?m)^ReasoningContent\s+:'
        $text | Should -Match '(?m)^FinishReason\s+:'
    }

    It 'shows the chosen columns with Format-Table <Columns> -Force' -TestCases @(
        @{ Columns = 'Content, ChoiceIndex' }
        @{ Columns = 'ChoiceIndex, FinishReason' }
    ) {
        param($Columns)
        $names = $Columns -split ', '
        $text = $script:Chunks | Format-Table -Property $names -Force | Out-String
        $text | Should -Match ('(?m)^' + ($names -join '\s+') + '\s*$')
        @($text -split $script:Nl | Where-Object { $_ -match '\S' }).Count | Should -Be ($script:Chunks.Count + 2)
        ($script:Chunks[-1] | Format-List FinishReason -Force | Out-String) | Should -Match 'FinishReason : stop'
    }

    It 'prints a chunk as its text under Format-List without -Force, as PowerShell does for a string' {
        $plain = 'abc' | Format-List * | Out-String
        $plain.Trim() | Should -Be 'abc'
        ($script:Answer | Format-List * | Out-String).Trim() | Should -Be $script:Answer.Content.Trim()
    }
}
