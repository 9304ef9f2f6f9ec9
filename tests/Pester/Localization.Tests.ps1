# The same cmdlets under an en-US and a zh-CN UI culture: the text changes (messages, recommended actions,
# warnings, verbose lines, help), nothing else does (error ids, categories, target objects, output objects),
# and the key appears in neither language. Windows PowerShell 5.1 syntax.

BeforeAll {
    . (Join-Path $PSScriptRoot 'KimiPS.TestHelpers.ps1')
    $script:Emulator = Start-KimiEmulator
    Import-KimiStagedModule
    Connect-KimiEmulator $script:Emulator

    $script:Han = '\p{IsCJKUnifiedIdeographs}'

    # Runs $Script with the thread's UI culture set to $Culture, and puts the culture back.
    function Invoke-InCulture([string] $Culture, [scriptblock] $Script) {
        $thread = [System.Threading.Thread]::CurrentThread
        $before = $thread.CurrentUICulture
        try {
            $thread.CurrentUICulture = [System.Globalization.CultureInfo]::new($Culture)
            & $Script
        }
        finally {
            $thread.CurrentUICulture = $before
        }
    }

    # One failing call, as a script sees it: the first error record's parts and the warnings before it.
    function Get-Failure([string] $Culture, [scriptblock] $Call) {
        Invoke-InCulture $Culture {
            $records = New-Object System.Collections.ArrayList
            try {
                & $Call 2>&1 3>&1 | ForEach-Object { [void]$records.Add($_) }
            }
            catch {
                [void]$records.Add($_)
            }
            $e = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })[0]
            [pscustomobject]@{
                Id       = $e.FullyQualifiedErrorId
                Category = $e.CategoryInfo.Category
                Target   = $e.TargetObject
                Message  = $e.Exception.Message
                Action   = $e.ErrorDetails.RecommendedAction
                Warnings = @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object { $_.Message })
            }
        }
    }

    # Get-Help reads a module's help file once per process, so each culture gets its own process (powershell.exe on 5.1).
    function Get-HelpInCulture([string] $Culture) {
        # The same shell as this one: the .NET tool runs as `dotnet pwsh.dll`, an installed pwsh or powershell.exe as itself.
        $exe = (Get-Process -Id $PID).Path
        $arguments = @()
        if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $arguments = @(Join-Path $PSHOME 'pwsh.dll') }
        $manifest = Join-Path $script:RepoRoot 'out/KimiPS/KimiPS.psd1'
        $script = "[System.Threading.Thread]::CurrentThread.CurrentUICulture = '$Culture'; Import-Module '$manifest';" +
            " `$h = Get-Help Send-KimiFile; `$p = Get-Help Send-KimiFile -Parameter Purpose;" +
            " `$a = Get-Help about_KimiPS | Out-String;" +
            " [pscustomobject]@{ Synopsis = `$h.Synopsis; Purpose = (`$p.description | Out-String).Trim(); Parameters = @(`$h.parameters.parameter | ForEach-Object { `$_.name });" +
            " Code = @(`$h.examples.example | ForEach-Object { `$_.code }); About = `$a } | ConvertTo-Json -Depth 3"
        $json = & $exe @arguments -NoProfile -NonInteractive -Command $script
        $json | Out-String | ConvertFrom-Json
    }
}

AfterAll {
    Stop-KimiEmulator $script:Emulator
}

Describe 'Messages follow the UI culture' {
    BeforeEach {
        Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null
        Connect-KimiEmulator $script:Emulator
    }

    It 'a bad parameter: Chinese text under zh-CN, the same id, category and target, nothing sent' {
        $call = { Invoke-KimiChat 'hi' -Model moonshot-v1-8k -Temperature 0.1 -N 3 }
        $en = Get-Failure 'en-US' $call
        $zh = Get-Failure 'zh-CN' $call

        $en.Id | Should -Be 'KimiInvalidParameter,KimiPS.Commands.InvokeKimiChatCommand'
        $zh.Id | Should -Be $en.Id
        $zh.Category | Should -Be $en.Category
        $zh.Target | Should -Be $en.Target
        $en.Message | Should -Match "^Parameter 'N' is 3 with a temperature of 0.1"
        $zh.Message | Should -Match '^参数“N”为 3，而 temperature 为 0.1'
        $en.Message | Should -Not -Match $script:Han
        $zh.Action | Should -Match $script:Han
        $zh.Action | Should -Not -Be $en.Action
        (Invoke-KimiEmulator $script:Emulator 'counters' -Method Get).chatRequests | Should -Be 0
    }

    It 'a policy warning: the same warning, in the UI language, and the same answer' {
        $run = {
            $warnings = $null
            $answer = Invoke-KimiChat 'hi' -Temperature 0.7 -WarningVariable warnings -WarningAction SilentlyContinue
            [pscustomobject]@{ Answer = $answer; Warnings = @($warnings | ForEach-Object { $_.Message }) }
        }
        $en = Invoke-InCulture 'en-US' $run
        $zh = Invoke-InCulture 'zh-CN' $run

        @($en.Warnings).Count | Should -Be 1
        @($zh.Warnings).Count | Should -Be 1
        $en.Warnings[0] | Should -Match '^kimi-k2.6 uses a fixed temperature of 1 \(thinking on\); the requested 0.7 was not sent.$'
        $zh.Warnings[0] | Should -Be 'kimi-k2.6 的 temperature 固定为 1（思考模式），不可修改；请求的 0.7 未发送。'
        $zh.Answer.Content | Should -Be $en.Answer.Content
        $zh.Answer.GetType() | Should -Be $en.Answer.GetType()
    }

    It 'a retired model''s warning names the month the Chinese way' {
        $zh = Invoke-InCulture 'zh-CN' {
            $warnings = $null
            Invoke-KimiChat 'hi' -Model moonshot-v1-8k -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction SilentlyContinue | Out-Null
            @($warnings | ForEach-Object { $_.Message })
        }
        @($zh)[0] | Should -Match '^模型“moonshot-v1-8k”已被 Moonshot 下线（自 2026 年 8 月 起）；当前可用的模型包括 kimi-k2.6'
    }

    It 'a server error: the catalogue''s summary and recommended action in Chinese, the server''s own words kept' {
        $failures = foreach ($culture in 'en-US', 'zh-CN') {
            Invoke-KimiEmulator $script:Emulator 'enqueue' -Body @{
                status = 400; type = 'invalid_request_error'; message = 'Invalid request: your request exceeded model token limit: 262144'
                times = 1; pathContains = 'chat'
            } | Out-Null
            Get-Failure $culture { Invoke-KimiChat 'hello' }
        }
        $en, $zh = $failures

        $en.Id | Should -Be 'KimiContextLengthExceeded,KimiPS.Commands.InvokeKimiChatCommand'
        $zh.Id | Should -Be $en.Id
        $zh.Category | Should -Be $en.Category
        $zh.Target | Should -Be $en.Target
        $en.Message | Should -Match "^The request does not fit the model's context window \(HTTP 400 invalid_request_error\)"
        $zh.Message | Should -Match '^请求超出了模型的上下文长度（HTTP 400 invalid_request_error）：Invalid request: your request exceeded model token limit: 262144。请求 ID：'

        $zh.Action | Should -Match '上下文长度'
        $zh.Action | Should -Match '-MaxTokens'
    }

    It 'a rejected key: Chinese text that names the platforms, and never the key, in either language' {
        $key = 'sk-wrong-0000000000000000'
        Connect-Kimi -BaseUri $script:Emulator.BaseUri -SkipValidation -ApiKey (ConvertTo-SecureString $key -AsPlainText -Force)
        $failures = foreach ($culture in 'en-US', 'zh-CN') {
            Invoke-InCulture $culture {
                try {
                    Invoke-KimiChat 'hello' -ErrorAction Stop | Out-Null
                    $null
                }
                catch {
                    [pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Category = $_.CategoryInfo.Category; Text = "$($_.Exception.Message) $($_.ErrorDetails.RecommendedAction) $_" }
                }
            }
        }
        $en, $zh = $failures

        $en.Id | Should -BeLike 'KimiAuthenticationFailed,*'
        $zh.Id | Should -Be $en.Id
        $zh.Category | Should -Be $en.Category
        $zh.Text | Should -Match '鉴权失败'
        $zh.Text | Should -Match 'api\.moonshot\.cn'
        foreach ($text in $en.Text, $zh.Text) {
            $text | Should -Not -Match ([regex]::Escape($key))
            $text | Should -Not -Match '0000000000000000'
        }
    }

    It 'an answer is the same object in both languages' {
        $en = Invoke-InCulture 'en-US' { Invoke-KimiChat 'Say hello' }
        $zh = Invoke-InCulture 'zh-CN' { Invoke-KimiChat 'Say hello' }

        $zh.GetType() | Should -Be $en.GetType()
        $zh.Content | Should -Be $en.Content
        $zh.Model | Should -Be $en.Model
        $zh.FinishReason | Should -Be $en.FinishReason
        @($zh.PSObject.Properties.Name) | Should -Be @($en.PSObject.Properties.Name)
        $models = Invoke-InCulture 'zh-CN' { Get-KimiModel }
        @($models.Id) | Should -Be @((Invoke-InCulture 'en-US' { Get-KimiModel }).Id)
    }

    It 'verbose lines and ShouldProcess actions are in the UI language' {
        $en = Invoke-InCulture 'en-US' { Disconnect-Kimi -Verbose 4>&1 }
        Connect-KimiEmulator $script:Emulator
        $zh = Invoke-InCulture 'zh-CN' { Disconnect-Kimi -Verbose 4>&1 }

        "$en" | Should -Be 'The Kimi connection of this session was removed.'
        "$zh" | Should -Be '已删除此会话的 Kimi 连接。'

        Connect-KimiEmulator $script:Emulator
        Invoke-KimiEmulator $script:Emulator 'reset' | Out-Null
        $en = Invoke-InCulture 'en-US' { Invoke-KimiChat 'hi' -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message } }
        $zh = Invoke-InCulture 'zh-CN' { Invoke-KimiChat 'hi' -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message } }
        # ShouldProcess's verbose line names our action ("Performing the operation ...") in the UI language.
        ($en -join "`n") | Should -Match 'Send a chat request'
        ($zh -join "`n") | Should -Match '发送聊天请求'
        ($zh -join "`n") | Should -Not -Match 'Send a chat request'
        (Invoke-KimiEmulator $script:Emulator 'counters' -Method Get).chatRequests | Should -Be 2
    }

    It 'every Simplified Chinese culture reads Chinese, Traditional Chinese and others English' {
        $call = { Send-KimiFile -LiteralPath (Join-Path $TestDrive 'missing.pdf') }
        foreach ($culture in 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-CN') {
            (Get-Failure $culture $call).Message | Should -Match $script:Han -Because $culture
        }
        foreach ($culture in 'zh-TW', 'zh-HK', 'en-US', 'de-DE') {
            (Get-Failure $culture $call).Message | Should -Not -Match $script:Han -Because $culture
        }
        (Get-Failure 'zh-TW' $call).Id | Should -Be (Get-Failure 'zh-CN' $call).Id
    }
}

Describe 'Get-Help follows the UI culture' {
    BeforeAll {
        $script:HelpEn = Get-HelpInCulture 'en-US'
        $script:HelpZh = Get-HelpInCulture 'zh-CN'
    }

    It 'shows the Chinese help under zh-CN and the English help under en-US' {
        $script:HelpEn.Synopsis | Should -Be 'Uploads files to Kimi.'
        $script:HelpZh.Synopsis | Should -Be '将文件上传到 Kimi。'
        $script:HelpZh.Purpose | Should -Match '默认：提取文本用于聊天'
        $script:HelpZh.Purpose | Should -Match '可接受的值：file-extract, image, video, batch'
    }

    It 'keeps the parameters and the example code' {
        @($script:HelpZh.Parameters) | Should -Be @($script:HelpEn.Parameters)
        @($script:HelpZh.Code) | Should -Be @($script:HelpEn.Code)
        @($script:HelpZh.Code).Count | Should -BeGreaterThan 0
    }

    It 'has an about_KimiPS topic in both languages' {
        $script:HelpEn.About | Should -Match 'KimiPS is a PowerShell module for the Kimi'
        $script:HelpZh.About | Should -Match 'KimiPS 是用于 Kimi（Moonshot AI）API 的 PowerShell 模块'
    }
}
