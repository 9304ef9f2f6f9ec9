# What a user sees in Get-Help -Full for every exported cmdlet, and every help example run against the
# emulator (the substitution rules are KimiPS.Examples.ps1's), except the few that cannot run offline.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'KimiPS.TestHelpers.ps1')
    Import-KimiStagedModule
    $script:Cmdlets = @((Get-Module KimiPS).ExportedCmdlets.Keys | Sort-Object | ForEach-Object { @{ Name = $_ } })
    $script:Examples = @(foreach ($name in ((Get-Module KimiPS).ExportedCmdlets.Keys | Sort-Object)) {
            $i = 0
            foreach ($example in @((Get-Help $name -Full).examples.example)) {
                $i++
                @{ Name = $name; Number = $i; Code = ($example.code -join "`n") }
            }
        })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'KimiPS.TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'KimiPS.Examples.ps1')
    Import-KimiStagedModule
    $script:Emulator = Start-KimiEmulator
    $script:Exported = @((Get-Module KimiPS).ExportedCmdlets.Keys)
    $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    # Examples that cannot run offline, each with its reason. Key: '<cmdlet> <example number>'.
    $script:Offline = @{
        'Invoke-KimiChat 6' = 'Get-Service exists only on Windows, and -Confirm asks at the console, which a test cannot answer'
        'Enter-KimiChat 1' = 'it reads what a person types at the console; Hosted/Live/EnterKimiChatTests.cs drives it with a scripted host'
        'Enter-KimiChat 2' = 'it reads what a person types at the console; Hosted/Live/EnterKimiChatTests.cs drives it with a scripted host'
        'Enter-KimiChat 3' = 'it reads what a person types at the console; Hosted/Live/EnterKimiChatTests.cs drives it with a scripted host'
    }

    function Get-HelpText($Name) { Get-Help $Name -Full | Out-String -Width 200 }
}

AfterAll {
    if ($script:Emulator) { Stop-KimiEmulator $script:Emulator }
}

Describe 'Get-Help -Full of <Name>' -ForEach $script:Cmdlets {
    BeforeAll {
        $script:Help = Get-Help $Name -Full
        $script:Command = Get-Command $Name
    }

    It 'has a synopsis and a description, not the generated stub' {
        # Without MAML, Get-Help makes the synopsis from the syntax ("Name [-Param] <Type> ...").
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis | Should -Not -Match ('^\s*' + [regex]::Escape($Name) + '\s+\[')
        ($Help.description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        $names = @($Command.Parameters.Keys | Where-Object { $_ -notin $script:Common -or $_ -in 'WhatIf', 'Confirm' })
        foreach ($parameter in $names) {
            $entry = @($Help.parameters.parameter | Where-Object name -EQ $parameter)
            $entry.Count | Should -Be 1 -Because "-$parameter is a parameter of $Name"
            ($entry[0].description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }

    It 'shows the default a parameter has, and a stated default' {
        # The cmdlet's own initial values are the truth; the help must show them.
        $instance = [Activator]::CreateInstance($Command.ImplementingType)
        foreach ($parameter in @($Help.parameters.parameter)) {
            $shown = "$($parameter.defaultValue)"
            $property = $Command.ImplementingType.GetProperty($parameter.name)
            if ($property) {
                $value = $property.GetValue($instance)
                if ($null -ne $value -and $value -isnot [switch] -and $value -isnot [array] -and "$value" -notin '', '0', 'False') {
                    $shown | Should -Be "$value" -Because "-$($parameter.name) starts as '$value'"
                }
            }
            $text = ($parameter.description | Out-String)
            if ($text -match '\bdefault\b') {
                $shown | Should -Not -Be 'None' -Because "the description of -$($parameter.name) states a default: $text"
            }
        }
    }

    It 'states the range or the values that validation enforces' {
        foreach ($parameter in ($Command.Parameters.Values | Where-Object Name -NotIn $script:Common)) {
            $text = (@($Help.parameters.parameter | Where-Object name -EQ $parameter.Name)[0].description | Out-String)
            foreach ($attribute in $parameter.Attributes) {
                $expected = switch ($attribute) {
                    { $_ -is [System.Management.Automation.ValidateRangeAttribute] } { @($_.MinRange) + @(if ($_.MaxRange -ne [int]::MaxValue) { $_.MaxRange }) }
                    { $_ -is [System.Management.Automation.ValidateSetAttribute] } { $_.ValidValues }
                    { $_ -is [System.Management.Automation.ValidateCountAttribute] } { $_.MinLength, $_.MaxLength }
                }
                foreach ($value in $expected) {
                    $text | Should -Match ('(?<![\w.])' + [regex]::Escape([string]$value) + '(?![\w])') -Because "-$($parameter.Name) accepts only what its $($attribute.GetType().Name) allows"
                }
            }
        }
    }

    It 'has at least one example, each code line at the left margin' {
        $examples = @($Help.examples.example)
        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) {
            foreach ($line in (($example.code -join "`n") -split "\r?\n")) {
                $line | Should -Not -Match '^\s+PS>' -Because "a continuation line of $Name's '$($example.title.Trim('- '))' is indented"
            }
        }
        # As rendered: every example prompt at the same indentation.
        $prompts = @((Get-HelpText $Name) -split "\r?\n" | Where-Object { $_ -match '^\s*PS>' } | ForEach-Object { $_.Length - $_.TrimStart().Length } | Sort-Object -Unique)
        $prompts.Count | Should -Be 1
        # An example's remarks end with a blank line: the next example's title does not run into them.
        $lines = @((Get-HelpText $Name) -split "\r?\n")
        for ($i = 1; $i -lt $lines.Count; $i++) {
            if ($lines[$i] -match '^\s*-+ Example \d+ -+\s*$' -and $lines[$i] -notmatch 'Example 1 ') {
                $lines[$i - 1].Trim() | Should -BeNullOrEmpty -Because "'$($lines[$i].Trim())' follows the previous example's remarks"
            }
        }
    }

    It 'has RELATED LINKS to other KimiPS cmdlets only' {
        $links = @($Help.relatedLinks.navigationLink | ForEach-Object { $_.linkText } | Where-Object { $_ })
        $links.Count | Should -BeGreaterThan 0
        foreach ($link in $links) {
            $link | Should -BeIn $script:Exported
            $link | Should -Not -Be $Name
        }
        (Get-HelpText $Name) | Should -Match ('RELATED LINKS\s+' + [regex]::Escape($links[0]))
    }
}

Describe 'Help examples' {
    It '<Name> example <Number> runs against the emulator' -ForEach $script:Examples {
        $reason = $script:Offline["$Name $Number"]
        if ($reason) {
            Set-ItResult -Skipped -Because $reason
            return
        }
        $code = ConvertTo-KimiRunnableExample -Code $Code
        $run = Invoke-KimiExample -Code $code -Emulator $script:Emulator -Scratch (Join-Path $TestDrive "$Name-$Number")
        Get-KimiExampleFailure -Run $run | Should -BeNullOrEmpty
    }

    It 'every offline exclusion names an example that exists' {
        foreach ($key in $script:Offline.Keys) {
            $name, $number = $key -split ' '
            @((Get-Help $name -Full).examples.example).Count | Should -BeGreaterOrEqual ([int]$number)
        }
    }
}
