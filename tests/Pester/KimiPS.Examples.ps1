# Runs documentation examples (README.md blocks, Get-Help examples) against the emulator, as written,
# with only the connection and paths substituted. Dot-sourced by Readme.Tests.ps1 and Help.Tests.ps1
# after KimiPS.TestHelpers.ps1. Windows PowerShell 5.1 syntax.
#
# The substitution rules, all of them:
#   1. Connect-Kimi: its -ApiKey, -Credential, -Region and -BaseUri arguments are replaced by the
#      emulator's address and key; every other argument stays (-Model, -MaxConcurrency, -PassThru ...).
#      Every example starts connected, as it would after the README's quick start.
#   2. Paths: the example runs in a fresh scratch folder holding the files examples name (a.pdf, b.pdf,
#      report.docx, log.txt, manual.pdf, contract.pdf, error.log, questions.txt, report.md,
#      reports/*.docx, chats/*.json, support-chat.json). `.\x` works unchanged on Linux.
#   3. The placeholder file ids (file_abc123, file_def456; quoted or not) become the ids of files uploaded
#      for the example; the placeholder batch id batch_abc123 becomes the id of a batch started for it
#      (Start-KimiBatch, still validating). Batches finish at their first read (stepsPerRead), so
#      Wait-KimiBatch examples do not sleep.
#   4. Variables an example uses without defining: $c (a conversation with one exchange), $conversations
#      (two such conversations) and $key (the emulator key as a SecureString).
#   5. Install-Module lines are removed: they need the PowerShell Gallery and a network; the install path
#      is tested by Install.Tests.ps1 through a local PSResourceGet repository instead.
#   6. A leading `PS> ` prompt (help examples) is removed.
#   7. Windows-only commands the examples pipe from are stand-ins where they do not exist (Linux, macOS):
#      Get-Service returns three services as objects with Name, DisplayName, Status and StartType.
#   8. An example that runs `git` runs in a scratch folder that is a git repository with six commits (when git
#      is not installed, `git` is a stand-in that prints five one-line commits, as `git log -5 --oneline` would).
# The emulator plays a model that uses the tools it is offered (CallOfferedTools), so tool examples call them.

# Placeholder id => the variable holding a real uploaded file's id (quoted placeholders first).
$script:ExampleFileIds = [ordered]@{
    "'file_abc123'" = '$KimiExampleFileId'; 'file_abc123' = '$KimiExampleFileId'
    "'file_def456'" = '$KimiExampleFileId2'; 'file_def456' = '$KimiExampleFileId2'
    "'batch_abc123'" = '$KimiExampleBatchId'; 'batch_abc123' = '$KimiExampleBatchId'
}

function Get-KimiReadmeBlock {
    # Every ```powershell block of README.md, with the line it starts on.
    param([Parameter(Mandatory)] [string] $Path)
    $lines = Get-Content -LiteralPath $Path -Encoding UTF8
    $blocks = New-Object System.Collections.Generic.List[object]
    $inside = $false
    $start = 0
    $body = $null
    for ($i = 0; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if (-not $inside -and $line -match '^\s*```\s*powershell\s*$') {
            $inside = $true; $start = $i + 1; $body = New-Object System.Collections.Generic.List[string]
        }
        elseif ($inside -and $line -match '^\s*```\s*$') {
            $inside = $false
            $blocks.Add([pscustomobject]@{ Line = $start; Code = ($body -join "`n") })
        }
        elseif ($inside) { $body.Add($line) }
    }
    if ($inside) { throw "README.md: the ``````powershell block at line $start is never closed." }
    $blocks.ToArray()
}

function ConvertTo-KimiRunnableExample {
    # Applies rules 1, 3, 5 and 6; returns the code to run.
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Code)
    $lines = $Code -split "\r?\n" | ForEach-Object { $_ -replace '^PS> ?', '' } |
        Where-Object { $_ -notmatch '^\s*Install-Module\b' }
    $text = $lines -join "`n"
    foreach ($placeholder in $script:ExampleFileIds.Keys) { $text = $text.Replace($placeholder, $script:ExampleFileIds[$placeholder]) }

    $tokens = $null; $parseErrors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseInput($text, [ref] $tokens, [ref] $parseErrors)
    if ($parseErrors.Count -gt 0) { throw "The example does not parse: $($parseErrors[0].Message)`n$text" }
    $connects = @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] -and $n.GetCommandName() -eq 'Connect-Kimi' }, $true))
    # Replace from the end so earlier offsets stay valid.
    foreach ($command in ($connects | Sort-Object { $_.Extent.StartOffset } -Descending)) {
        $kept = New-Object System.Collections.Generic.List[string]
        $elements = $command.CommandElements
        for ($i = 1; $i -lt $elements.Count; $i++) {
            $element = $elements[$i]
            if ($element -is [System.Management.Automation.Language.CommandParameterAst] -and
                $element.ParameterName -in 'ApiKey', 'Credential', 'Region', 'BaseUri') {
                if ($null -eq $element.Argument -and $i + 1 -lt $elements.Count -and
                    $elements[$i + 1] -isnot [System.Management.Automation.Language.CommandParameterAst]) { $i++ }
                continue
            }
            $kept.Add($element.Extent.Text)
        }
        $replacement = 'Connect-Kimi -BaseUri $KimiEmulatorBaseUri -ApiKey $KimiEmulatorKey ' + ($kept -join ' ')
        $text = $text.Substring(0, $command.Extent.StartOffset) + $replacement.TrimEnd() + $text.Substring($command.Extent.EndOffset)
    }
    $text
}

function New-KimiExampleScratch {
    # Rule 2: a fresh folder with the files examples name.
    param([Parameter(Mandatory)] [string] $Path)
    $null = New-Item -ItemType Directory -Force -Path $Path, (Join-Path $Path 'reports'), (Join-Path $Path 'chats')
    $files = @{
        'a.pdf' = '%PDF-1.4 a'; 'b.pdf' = '%PDF-1.4 b'; 'manual.pdf' = '%PDF-1.4 manual'; 'contract.pdf' = '%PDF-1.4 contract'
        'report.docx' = 'PK report'; 'reports/q1.docx' = 'PK q1'; 'reports/q2.docx' = 'PK q2'
        'log.txt' = "ERROR disk full`nINFO ok"; 'error.log' = 'ERROR timeout'; 'report.md' = '# Report'
        'app.log' = "INFO started`nERROR connection refused: db01:5432`nWARN retrying`nERROR connection refused: db01:5432"
        'questions.txt' = "What is 2+2?`nWhat is 3+3?"
        'support-chat.json' = '[{"role":"user","content":"My printer is offline."},{"role":"assistant","content":"Is it on?"}]'
        'chats/one.json' = '[{"role":"user","content":"hi"}]'; 'chats/two.json' = '[{"role":"user","content":"hello"}]'
    }
    foreach ($name in $files.Keys) {
        [System.IO.File]::WriteAllText((Join-Path $Path $name), $files[$name])
    }
}

function New-KimiExampleGitRepository {
    # Rule 8: a repository with six commits, when git is installed.
    param([Parameter(Mandatory)] [string] $Path)
    if ($null -eq $ExecutionContext.InvokeCommand.GetCommand('git', 'Application')) { return }
    & git -c init.defaultBranch=main -C $Path init -q | Out-Null
    foreach ($i in 1..6) {
        & git -C $Path -c user.name=KimiPS -c user.email=kimips@example.invalid -c commit.gpgsign=false commit -q --allow-empty -m "Change $i" | Out-Null
    }
}

function Get-KimiEmulatorRequest($Emulator) {
    # Invoke-RestMethod writes a JSON array as one object in pwsh 7: enumerate it.
    Invoke-KimiEmulator -Emulator $Emulator -Path requests -Method Get | ForEach-Object { $_ }
}

function Invoke-KimiExample {
    # Runs converted example code in a fresh runspace (its own session state, the staged module imported,
    # connected to the emulator, in a fresh scratch folder) and returns what reached each stream.
    param(
        [Parameter(Mandatory)] [string] $Code,
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Scratch
    )
    $null = Invoke-KimiEmulator -Emulator $Emulator -Path reset
    $null = Invoke-KimiEmulator -Emulator $Emulator -Path behaviour -Body @{ callOfferedTools = $true }
    $null = Invoke-KimiEmulator -Emulator $Emulator -Path batches -Body @{ stepsPerRead = 10 }
    New-KimiExampleScratch -Path $Scratch
    if ($Code -match '(^|[\s|;(])git\s') { New-KimiExampleGitRepository -Path $Scratch }
    $manifest = Join-Path $script:RepoRoot 'out/KimiPS/KimiPS.psd1'
    $key = ConvertTo-SecureString $script:EmulatorKey -AsPlainText -Force

    $runspace = [runspacefactory]::CreateRunspace()
    $runspace.Open()
    $shell = [powershell]::Create()
    $shell.Runspace = $runspace
    try {
        $runspace.SessionStateProxy.Path.SetLocation($Scratch) | Out-Null
        $runspace.SessionStateProxy.SetVariable('KimiEmulatorBaseUri', $Emulator.BaseUri)
        $runspace.SessionStateProxy.SetVariable('KimiEmulatorKey', $key)
        $runspace.SessionStateProxy.SetVariable('key', $key)
        $null = $shell.AddScript({
                param($Manifest, $NeedsBatch)
                # No $ErrorActionPreference here: it would carry over into the example.
                Import-Module $Manifest -ErrorAction Stop
                Connect-Kimi -BaseUri $KimiEmulatorBaseUri -ApiKey $KimiEmulatorKey -ErrorAction Stop
                $global:KimiExampleFileId = (Send-KimiFile -LiteralPath (Join-Path $PWD 'contract.pdf') -ErrorAction Stop).Id
                $global:KimiExampleFileId2 = (Send-KimiFile -LiteralPath (Join-Path $PWD 'manual.pdf') -ErrorAction Stop).Id
                $global:conversations = foreach ($prompt in 'Name a prime.', 'Name a colour.') {
                    $conversation = New-KimiConversation -SystemPrompt 'You are terse.'
                    $null = Invoke-KimiChat $prompt -Conversation $conversation -ErrorAction Stop
                    $conversation
                }
                $global:c = $global:conversations[0]
                # Rules 7 and 8: stand-ins where the real command is missing.
                if ($null -eq $ExecutionContext.InvokeCommand.GetCommand('Get-Service', 'All')) {
                    function global:Get-Service {
                        [pscustomobject]@{ Name = 'W3SVC'; DisplayName = 'World Wide Web Publishing Service'; Status = 'Stopped'; StartType = 'Automatic' }
                        [pscustomobject]@{ Name = 'Spooler'; DisplayName = 'Print Spooler'; Status = 'Stopped'; StartType = 'Manual' }
                        [pscustomobject]@{ Name = 'WinRM'; DisplayName = 'Windows Remote Management'; Status = 'Running'; StartType = 'Automatic' }
                    }
                }
                if ($null -eq $ExecutionContext.InvokeCommand.GetCommand('git', 'Application')) {
                    function global:git { 6..1 | ForEach-Object { '{0:x7} Change {1}' -f (0xabc0000 + $_), $_ } | Select-Object -First 5 }
                }
                if ($NeedsBatch) { $global:KimiExampleBatchId = (Start-KimiBatch -Prompt 'Name a prime.' -ErrorAction Stop).Id }
            }).AddArgument($manifest).AddArgument($Code.Contains('$KimiExampleBatchId'))
        $null = $shell.Invoke()
        if ($shell.HadErrors) { throw "Example set-up failed: $($shell.Streams.Error | Select-Object -First 1)" }
        $shell.Commands.Clear()
        # Only what the example itself sends counts.
        $before = @(Get-KimiEmulatorRequest $Emulator).Count

        $null = $shell.AddScript($Code)
        $terminating = $null
        $output = @()
        try { $output = @($shell.Invoke()) } catch { $terminating = $_.Exception }
        [pscustomobject]@{
            Code        = $Code
            Output      = $output
            Errors      = @($shell.Streams.Error)
            Warnings    = @($shell.Streams.Warning)
            Information = @($shell.Streams.Information)
            Terminating = $terminating
            Requests    = @(Get-KimiEmulatorRequest $Emulator | Select-Object -Skip $before)
        }
    }
    finally {
        $shell.Dispose()
        $runspace.Dispose()
    }
}

function Get-KimiExampleFailure {
    # What went wrong in a run, as one message; $null when it ran cleanly.
    param([Parameter(Mandatory)] $Run)
    $problems = @()
    if ($Run.Terminating) { $problems += "terminating: $($Run.Terminating.Message)" }
    foreach ($e in $Run.Errors) { $problems += "error $($e.FullyQualifiedErrorId): $e" }
    if ($problems.Count -eq 0) { return $null }
    ($problems -join "`n") + "`n--- code as run ---`n" + $Run.Code
}
