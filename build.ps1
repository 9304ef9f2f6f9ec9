<#
.SYNOPSIS
    Builds, stages, tests and checks the KimiPS module.

.DESCRIPTION
    Plain Windows PowerShell 5.1 compatible script; no modules needed except Pester 5 for -Task Pester.
      Build    dotnet build (Release stages the module into out/KimiPS/ through an MSBuild target)
      Test     dotnet test: xunit, and the cmdlet-level tests in PowerShell 7.6 (pwsh from the tool manifest)
      Pester   tests/Pester/*.Tests.ps1, each file in a fresh child process of this same shell, so
               Windows PowerShell 5.1 tests 5.1 and pwsh tests 7.x, both against the staged module
      Package  the staged folder is ready for Publish-Module / Publish-PSResource (Test-ModuleManifest)
      All      all of the above, in that order

.EXAMPLE
    ./build.ps1 -Task Pester
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Package', 'All')]
    [string] $Task = 'All',

    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$RepoRoot = $PSScriptRoot
$Solution = Join-Path $RepoRoot 'KimiPS.sln'
$Stage = Join-Path $RepoRoot 'out/KimiPS'
$Manifest = Join-Path $Stage 'KimiPS.psd1'

# A simple function: $args go to dotnet as given (options are quoted at the call sites so
# PowerShell never parses them as its own parameters).
function Invoke-Dotnet {
    Write-Host "> dotnet $($args -join ' ')" -ForegroundColor Cyan
    & dotnet @args
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function ConvertTo-Literal([string] $Text) {
    "'" + $Text.Replace("'", "''") + "'"
}

function Invoke-BuildTask {
    Invoke-Dotnet build $Solution '-c' $Configuration
    if ($Configuration -ne 'Release') {
        # Staging runs after Build in Release only; any other configuration asks for it explicitly.
        Invoke-Dotnet build (Join-Path $RepoRoot 'src/KimiPS/KimiPS.csproj') '-c' $Configuration '-t:StageModule'
    }
}

function Invoke-TestTask {
    Invoke-Dotnet test $Solution '-c' $Configuration
}

function Invoke-PesterTask {
    # Pester 5: installed for this shell, or the copy `dotnet test` restores from NuGet (PackageDownload).
    $pester = Get-Module -ListAvailable -Name Pester |
        Where-Object { $_.Version -ge [version]'5.5.0' } |
        Sort-Object Version -Descending |
        Select-Object -First 1
    $pesterManifest = if ($pester) { $pester.Path } else {
        $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
        Join-Path $packages 'pester/5.7.1/tools/Pester.psd1'
    }
    if (-not (Test-Path $pesterManifest)) {
        throw ('Pester 5 is not installed for this shell ({0} {1}). Run dotnet test once (it restores Pester 5.7.1 from NuGet) or: ' +
            'Install-Module Pester -MinimumVersion 5.5.0 -Scope CurrentUser -Force -SkipPublisherCheck') -f $PSVersionTable.PSEdition, $PSVersionTable.PSVersion
    }
    if (-not (Test-Path $Manifest)) {
        throw "The staged module is missing ($Manifest): run ./build.ps1 -Task Build first."
    }

    # The same shell as this one: powershell.exe tests Windows PowerShell 5.1, pwsh tests 7.x. Under the
    # PowerShell .NET tool this process is dotnet running pwsh.dll, so pwsh.dll goes first on its command line.
    $shell = (Get-Process -Id $PID).Path
    $shellArguments = @()
    if ([IO.Path]::GetFileNameWithoutExtension($shell) -eq 'dotnet') {
        $shellArguments = @([Reflection.Assembly]::GetEntryAssembly().Location)
    }
    $edition = $PSVersionTable.PSEdition
    $results = Join-Path $RepoRoot "TestResults/Pester-$edition"
    $runner = Join-Path $RepoRoot 'tests/Pester/Invoke-KimiPesterFile.ps1'
    $failed = @()

    foreach ($file in Get-ChildItem -Path (Join-Path $RepoRoot 'tests/Pester') -Filter '*.Tests.ps1' | Sort-Object Name) {
        Write-Host "> Pester $($file.Name) in a fresh $edition process" -ForegroundColor Cyan
        & $shell @shellArguments -NoProfile -NonInteractive -File $runner -TestFile $file.FullName -PesterManifest $pesterManifest -ResultFolder $results
        if ($LASTEXITCODE -ne 0) {
            $failed += $file.Name
        }
    }

    if ($failed.Count -gt 0) {
        throw "Pester failed ($edition): $($failed -join ', ')"
    }
}

function Invoke-PackageTask {
    if (-not (Test-Path $Manifest)) {
        throw "The staged module is missing ($Manifest): run ./build.ps1 -Task Build first."
    }

    # Publish-Module -Path wants a folder named after the module that holds the manifest.
    if ((Split-Path -Leaf $Stage) -ne 'KimiPS') {
        throw "The staged folder must be named KimiPS: $Stage"
    }

    $module = Test-ModuleManifest -Path $Manifest -ErrorAction Stop
    [xml] $props = Get-Content -Raw -Path (Join-Path $RepoRoot 'Directory.Build.props')
    $versionPrefix = $props.SelectSingleNode('//VersionPrefix').InnerText.Trim()
    if ($module.Version.ToString() -ne $versionPrefix) {
        throw "Staged ModuleVersion $($module.Version) differs from <VersionPrefix> $versionPrefix."
    }

    $data = Import-PowerShellDataFile -Path $Manifest
    $named = @($data.RootModule) + @($data.FormatsToProcess) + @('KimiPS.Core.dll', 'en-US/KimiPS.dll-Help.xml', 'dependencies/System.Text.Json.dll')
    $missing = @($named | Where-Object { -not (Test-Path (Join-Path $Stage $_)) })
    if ($missing.Count -gt 0) {
        throw "The staged module lacks: $($missing -join ', ')"
    }

    Write-Host "KimiPS $($module.Version) in $Stage is ready for Publish-Module -Path / Publish-PSResource -Path." -ForegroundColor Green
}

switch ($Task) {
    'Build' { Invoke-BuildTask }
    'Test' { Invoke-TestTask }
    'Pester' { Invoke-PesterTask }
    'Package' { Invoke-PackageTask }
    'All' {
        Invoke-BuildTask
        Invoke-TestTask
        Invoke-PesterTask
        Invoke-PackageTask
    }
}
