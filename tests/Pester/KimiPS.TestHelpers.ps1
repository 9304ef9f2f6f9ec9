# Shared by the *.Tests.ps1 files (dot-sourced in BeforeAll). Windows PowerShell 5.1 syntax.
# Each test file runs in its own fresh pwsh/powershell process (dotnet test, or build.ps1 -Task Pester),
# so the staged module is imported exactly once per process and nothing leaks between files.

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:EmulatorKey = 'sk-emulator-0123456789abcdef'

function Start-KimiEmulator {
    # Under dotnet test, the xunit runner hosts a fresh emulator for this file and passes its address.
    if ($env:KIMI_EMULATOR_BASEURI) {
        return [pscustomobject]@{ Process = $null; BaseUri = [Uri]$env:KIMI_EMULATOR_BASEURI }
    }
    # The standalone emulator prints KIMI_EMULATOR_BASEURI=<base> once it listens. It stops when its
    # stdin closes, so we keep a pipe to it: if this process dies, the emulator goes too.
    $psi = New-Object System.Diagnostics.ProcessStartInfo
    $psi.FileName = 'dotnet'
    $psi.Arguments = 'run --project "{0}" -c Release -- --urls http://127.0.0.1:0' -f (Join-Path $script:RepoRoot 'tests/KimiPS.Emulator')
    $psi.UseShellExecute = $false
    $psi.RedirectStandardInput = $true
    $psi.RedirectStandardOutput = $true
    $process = [System.Diagnostics.Process]::Start($psi)

    $deadline = [DateTime]::UtcNow.AddMinutes(5)   # dotnet run may have to build first
    $baseUri = $null
    while ($null -eq $baseUri) {
        $read = $process.StandardOutput.ReadLineAsync()
        $remaining = [int][Math]::Max(0, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)
        if (-not $read.Wait($remaining)) {
            Stop-KimiEmulator @{ Process = $process }
            throw 'The Kimi emulator did not print KIMI_EMULATOR_BASEURI within 5 minutes.'
        }
        if ($null -eq $read.Result) {
            throw "The Kimi emulator exited (code $($process.ExitCode)) before printing KIMI_EMULATOR_BASEURI."
        }
        if ($read.Result -match '^KIMI_EMULATOR_BASEURI=(\S+)') {
            $baseUri = [Uri]$Matches[1]
        }
    }

    # Keep draining stdout so the emulator never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()
    [pscustomobject]@{ Process = $process; BaseUri = $baseUri }
}

function Stop-KimiEmulator($Emulator) {
    $process = $Emulator.Process
    if ($null -eq $process -or $process.HasExited) { return }
    $process.StandardInput.Close()                  # the emulator's own clean shutdown
    if (-not $process.WaitForExit(15000)) {
        if ($PSVersionTable.PSEdition -eq 'Core') {
            $process.Kill($true)                    # the whole tree: dotnet run and the emulator
        }
        else {
            & taskkill.exe /PID $process.Id /T /F | Out-Null
        }
    }
}

function Invoke-KimiEmulator {
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'Post',
        [hashtable] $Body = @{}
    )
    $uri = New-Object Uri ($Emulator.BaseUri, "/_emulator/$Path")
    if ($Method -eq 'Get') {
        Invoke-RestMethod -Uri $uri -Method Get
    }
    else {
        Invoke-RestMethod -Uri $uri -Method $Method -Body ($Body | ConvertTo-Json -Depth 5) -ContentType 'application/json'
    }
}

function Import-KimiStagedModule {
    $manifest = Join-Path $script:RepoRoot 'out/KimiPS/KimiPS.psd1'
    if (-not (Test-Path $manifest)) {
        throw "The staged module is missing ($manifest): run ./build.ps1 -Task Build (or dotnet build -c Release) first."
    }
    Import-Module $manifest -Force -ErrorAction Stop
}

function Connect-KimiEmulator($Emulator, [string] $Key = $script:EmulatorKey) {
    Connect-Kimi -BaseUri $Emulator.BaseUri -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force)
}
