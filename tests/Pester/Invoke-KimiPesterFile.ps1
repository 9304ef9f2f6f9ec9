<#
.SYNOPSIS
    Runs one Pester file and writes a JSON summary beside its NUnit result (Windows PowerShell 5.1 syntax).
.DESCRIPTION
    Used by `dotnet test` (tests/KimiPS.PowerShell.Tests, pwsh from the tool manifest) and by
    build.ps1 -Task Pester (the current shell). Exit code 0 only when every test ran and passed:
    a file that does not parse, a failed BeforeAll or a file with no tests fails too.
#>
param(
    [Parameter(Mandatory)] [string] $TestFile,
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ResultFolder
)
$ErrorActionPreference = 'Stop'
if ($PSVersionTable.PSVersion.Major -ge 7) { $PSStyle.OutputRendering = 'PlainText' }
Import-Module $PesterManifest -Force

$name = [IO.Path]::GetFileNameWithoutExtension($TestFile)
$null = New-Item -ItemType Directory -Force -Path $ResultFolder
$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestFile
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = Join-Path $ResultFolder "$name.xml"
$run = Invoke-Pester -Configuration $configuration

$failures = @($run.Failed | ForEach-Object { '{0}: {1}' -f $_.ExpandedPath, (@($_.ErrorRecord | ForEach-Object { $_.ToString() }) -join ' | ') })
$failures += @($run.FailedContainers | ForEach-Object { '{0} (container): {1}' -f $_.Item, (@($_.ErrorRecord | ForEach-Object { $_.ToString() }) -join ' | ') })
$failures += @($run.FailedBlocks | ForEach-Object { '{0} (block): {1}' -f $_.ExpandedPath, (@($_.ErrorRecord | ForEach-Object { $_.ToString() }) -join ' | ') })
$summary = [ordered]@{
    file     = [IO.Path]::GetFileName($TestFile)
    shell    = '{0} {1}' -f $PSVersionTable.PSEdition, $PSVersionTable.PSVersion
    passed   = $run.PassedCount
    failed   = $run.FailedCount + $run.FailedContainersCount + $run.FailedBlocksCount
    skipped  = $run.SkippedCount + $run.NotRunCount
    failures = $failures
}
$summary | ConvertTo-Json -Depth 3 | Set-Content -Encoding UTF8 -Path (Join-Path $ResultFolder "$name.json")
if ($summary.failed -gt 0 -or $summary.passed -eq 0) { exit 1 }
exit 0
