<#
.SYNOPSIS
    KimiPS measured where users meet it, in PowerShell 7.6, side by side with what a script author
    would use instead. Prints one markdown table; asserts nothing (timings belong here, not in tests).
.DESCRIPTION
    Run from the repository root after `dotnet build -c Release KimiPS.sln`:
        dotnet pwsh -NoProfile -File tests/KimiPS.Benchmarks/PowerShell/Measure-KimiPS.ps1
    Every figure is a median over -Reps runs (import and first call: fresh pwsh processes). The emulator
    runs in its own process (dotnet KimiPS.Emulator.dll), so its CPU is not counted in this one. The core
    table (KimiPS.Core beside the OpenAI .NET SDK, from the benchmark project's --compare) follows, unless
    -SkipCore.
#>
[CmdletBinding()]
param(
    [int] $Reps = 7,
    [int] $ProcessReps = 7,
    [int] $Calls = 100,
    [int] $Chunks = 10000,
    [int] $Documents = 100,
    [int] $DocumentReps = 3,
    # Streams each side runs before the stream row is measured (about 5 s): both sides are JIT-compiled as they run
    # (tiered compilation), and the first dozens of 10,000-chunk runs measure the compiler more than the code. After
    # 30 the stream side was still getting faster (1.38x and 1.69x the floor in two runs, against 1.14-1.40x after 150
    # and 1.28x-1.29x after 300, where the floor too was at its fastest). A cold process is the first-call row.
    [int] $Warmup = 300,
    # Calls each side makes before the per-call row is measured, in blocks of -Calls, alternating (about 10 s): each
    # side's cost halves over its first thousands of calls (tiered JIT of pwsh, the module, HttpClient and the
    # emulator), and after 2,000 it is still falling, so the row would measure where each side is in its warm-up.
    # A cold process is the first-call row.
    [int] $CallWarmup = 6000,
    # The stream row's runs a side (each about 10-30 ms): more than -Reps, since single runs vary by tens of percent.
    [int] $StreamReps = 21,
    # Only these rows (to look at one without the others' 3 minutes): Import, Calls (first call, per call and its
    # shared part), Stream, Documents, Memory. Default: all. Under pwsh -File, comma-separated: -Only Calls,Stream.
    [string[]] $Only = @('Import', 'Calls', 'Stream', 'Documents', 'Memory'),
    [switch] $SkipMemory,
    # The core table (KimiPS.Core beside the OpenAI .NET SDK: dotnet KimiPS.Benchmarks.dll --compare, about 20 s) is
    # printed after this one, from its own process once the PowerShell figures are taken; this leaves it out.
    [switch] $SkipCore
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$rowNames = 'Import', 'Calls', 'Stream', 'Documents', 'Memory'
$Only = @($Only -split ',' | ForEach-Object Trim | Where-Object { $_ })
foreach ($name in $Only) {
    if ($name -notin $rowNames) { throw "-Only: '$name' is not a row. Use one or more of $($rowNames -join ', '), comma-separated." }
}
$repo = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
$manifest = Join-Path $repo 'out/KimiPS/KimiPS.psd1'
$emulatorDll = Join-Path $repo 'tests/KimiPS.Emulator/bin/Release/net10.0/KimiPS.Emulator.dll'
$benchmarksDll = Join-Path $repo 'tests/KimiPS.Benchmarks/bin/Release/net10.0/KimiPS.Benchmarks.dll'
foreach ($needed in $manifest, $emulatorDll, $benchmarksDll) {
    if (-not (Test-Path $needed)) { throw "Missing ${needed}: run dotnet build -c Release KimiPS.sln first." }
}
$key = 'sk-emulator-0123456789abcdef'
# The same pwsh as this one: under the .NET tool this process is dotnet running pwsh.dll.
$pwshHost = (Get-Process -Id $PID).Path
$pwshPrefix = @(if ([IO.Path]::GetFileNameWithoutExtension($pwshHost) -eq 'dotnet') { [Reflection.Assembly]::GetEntryAssembly().Location })

function Test-Row([string] $Name) { $Name -in $Only -and -not ($Name -eq 'Memory' -and $SkipMemory) }

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $n = $sorted.Count
    if ($n % 2) { $sorted[($n - 1) / 2] } else { ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2 }
}

function Measure-Ms([scriptblock] $Script) {
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $null = & $Script
    $clock.Elapsed.TotalMilliseconds
}

function Measure-Median([int] $Count, [scriptblock] $Script) {
    Get-Median @(1..$Count | ForEach-Object { Measure-Ms $Script })
}

# A fresh pwsh that runs $Command and prints one number (ms); the median over $ProcessReps processes.
function Measure-FreshProcess([string] $Command) {
    Get-Median @(1..$ProcessReps | ForEach-Object {
        $out = & $pwshHost @pwshPrefix -NoLogo -NoProfile -NonInteractive -Command $Command
        if ($LASTEXITCODE -ne 0) { throw "A fresh pwsh failed: $out" }
        [double]($out | Select-Object -Last 1)
    })
}

# --- Servers, out of process: the emulator, and a server of one pre-built stream -----------------
# A child that prints NAME=<base uri> once listening and stops when its stdin closes.
function Start-Server([string] $Arguments, [string] $Name) {
    $start = [Diagnostics.ProcessStartInfo]::new('dotnet', $Arguments)
    $start.UseShellExecute = $false
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $process = [Diagnostics.Process]::Start($start)
    $line = $process.StandardOutput.ReadLine()
    if ($line -notmatch "^$Name=(\S+)") { throw "The server did not start: $line" }
    $uri = [Uri]$Matches[1]
    $null = $process.StandardOutput.ReadToEndAsync()
    [pscustomobject]@{ Process = $process; BaseUri = $uri }
}
function Stop-Server($Server) {
    $Server.Process.StandardInput.Close()
    if (-not $Server.Process.WaitForExit(10000)) { $Server.Process.Kill() }
}
$emulator = Start-Server "`"$emulatorDll`" --urls http://127.0.0.1:0" 'KIMI_EMULATOR_BASEURI'
$base = $emulator.BaseUri
# The emulator renders each chunk as it sends it (tens of ms for 10,000): the stream row reads pre-built bytes instead.
# It keeps each connection open for the next request, as the API does: the module pools its connections, so a new
# TCP connection for every stream (0.4 ms of the 8 ms the floor takes) would measure the benchmark's server.
$sse = Start-Server "`"$benchmarksDll`" --serve-sse $Chunks --keep-alive" 'KIMI_SSE_BASEURI'
function Invoke-Control([string] $Path, [hashtable] $Body = @{}) {
    $null = Invoke-RestMethod -Method Post -Uri ([Uri]::new($base, "/_emulator/$Path")) -Body ($Body | ConvertTo-Json -Depth 5) -ContentType 'application/json'
}

$rows = [Collections.Generic.List[object]]::new()
function Add-Row($Measure, $KimiPS, $Peer, $Ratio, $Target, $Result) {
    $rows.Add([pscustomobject]@{ Measure = $Measure; KimiPS = $KimiPS; Peer = $Peer; Ratio = $Ratio; Target = $Target; Result = $Result })
}
function Format-Ms([double] $Ms) { if ($Ms -ge 100) { '{0:N0} ms' -f $Ms } else { '{0:N2} ms' -f $Ms } }

try {
    Import-Module $manifest
    $secure = ConvertTo-SecureString $key -AsPlainText -Force
    Connect-Kimi -BaseUri $base -ApiKey $secure

    # --- import -------------------------------------------------------------------------------
    if (Test-Row Import) {
        $importCommand = "`$c = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$manifest'; `$c.Elapsed.TotalMilliseconds"
        $emptyCommand = "`$c = [Diagnostics.Stopwatch]::StartNew(); `$c.Elapsed.TotalMilliseconds"
        $withImport = Measure-FreshProcess $importCommand
        $without = Measure-FreshProcess $emptyCommand
        $import = $withImport - $without
        Add-Row 'Import-Module in a fresh pwsh (minus an empty command)' (Format-Ms $import) '-' '-' '< 300 ms' $(if ($import -lt 300) { 'pass' } else { 'miss' })
    }

    # --- first call and per call ----------------------------------------------------------------
    if (Test-Row Calls) {
        $body = @{ model = 'kimi-k2.6'; messages = @(@{ role = 'user'; content = 'hello' }) } | ConvertTo-Json -Depth 5
        $chatUri = [Uri]::new($base, 'chat/completions')
        $firstKimi = Measure-FreshProcess ("Import-Module '$manifest'; Connect-Kimi -SkipValidation -BaseUri '$base' -ApiKey (ConvertTo-SecureString '$key' -AsPlainText -Force); " +
            "`$c = [Diagnostics.Stopwatch]::StartNew(); `$null = Invoke-KimiChat 'hello' -Model kimi-k2.6; `$c.Elapsed.TotalMilliseconds")
        $firstRest = Measure-FreshProcess ("`$h = @{ Authorization = 'Bearer $key' }; `$b = '$($body -replace "'", "''" -replace '\s+', ' ')'; " +
            "`$c = [Diagnostics.Stopwatch]::StartNew(); `$null = Invoke-RestMethod -Method Post -Uri '$chatUri' -Headers `$h -Body `$b -ContentType 'application/json'; `$c.Elapsed.TotalMilliseconds")
        Add-Row 'First call in a fresh pwsh (Invoke-KimiChat vs Invoke-RestMethod)' (Format-Ms $firstKimi) (Format-Ms $firstRest) ('{0:N2}x' -f ($firstRest / $firstKimi)) '-' '-'

        $headers = @{ Authorization = "Bearer $key" }
        for ($w = 0; $w -lt $CallWarmup; $w += $Calls) {
            for ($i = 0; $i -lt $Calls; $i++) { $null = Invoke-KimiChat 'warm up' -Model kimi-k2.6 }
            for ($i = 0; $i -lt $Calls; $i++) { $null = Invoke-RestMethod -Method Post -Uri $chatUri -Headers $headers -Body $body -ContentType 'application/json' }
        }
        $kimiCalls = [double[]]::new($Reps); $restCalls = [double[]]::new($Reps)
        for ($r = 0; $r -lt $Reps; $r++) {   # alternating, so drift of the machine hits both sides alike
            $kimiCalls[$r] = (Measure-Ms { for ($i = 0; $i -lt $Calls; $i++) { $null = Invoke-KimiChat 'hello' -Model kimi-k2.6 } }) / $Calls
            $restCalls[$r] = (Measure-Ms { for ($i = 0; $i -lt $Calls; $i++) { $null = Invoke-RestMethod -Method Post -Uri $chatUri -Headers $headers -Body $body -ContentType 'application/json' } }) / $Calls
        }
        $perKimi = Get-Median $kimiCalls; $perRest = Get-Median $restCalls
        Add-Row "Per call, $Calls sequential (Invoke-KimiChat vs Invoke-RestMethod)" (Format-Ms $perKimi) (Format-Ms $perRest) ('{0:N2}x faster' -f ($perRest / $perKimi)) '>= 2x faster' $(if ($perRest / $perKimi -ge 2) { 'pass' } else { 'miss' })
        # What the per-call figures share: the same request through KimiClient.Chat from C#, with no PowerShell around it
        # (the emulator's round trip plus the core's own work), so the rows above can be read as that plus each side's cost.
        $coreAssembly = [KimiPS.Core.KimiClient].Assembly
        Add-Type -ReferencedAssemblies $coreAssembly.Location, 'netstandard', 'System.Runtime', 'System.Private.Uri', 'System.Collections' -TypeDefinition @'
public static class KimiBenchCoreCalls
{
    public static double MsPerCall(string baseUri, string key, int calls)
    {
        var client = new KimiPS.Core.KimiClient(new KimiPS.Core.KimiClientOptions { BaseUri = new System.Uri(baseUri), ApiKey = key });
        client.Chat(new KimiPS.Core.ChatRequest("kimi-k2.6", KimiPS.Core.ChatMessage.User("warm up")));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < calls; i++) client.Chat(new KimiPS.Core.ChatRequest("kimi-k2.6", KimiPS.Core.ChatMessage.User("hello")));
        return clock.Elapsed.TotalMilliseconds / calls;
    }
}
'@
        $perCore = Get-Median @(1..$Reps | ForEach-Object { [KimiBenchCoreCalls]::MsPerCall($base.ToString(), $key, $Calls) })
        Add-Row "Per call, the shared part: KimiClient.Chat from C#, no PowerShell (emulator round trip + core)" (Format-Ms $perCore) '-' '-' '-' '-'
    }

    # --- a stream through the pipeline, beside the floor ------------------------------------------
    if (Test-Row Stream) {
        $sseConnection = Connect-Kimi -BaseUri $sse.BaseUri -ApiKey $secure -SkipValidation -PassThru
        Connect-Kimi -BaseUri $base -ApiKey $secure   # -PassThru also made it the session's
        $ready = @(Invoke-KimiChat 'stream' -Stream -Connection $sseConnection)
        if ($ready.Count -lt $Chunks) { throw "The stream gave $($ready.Count) chunks, expected at least $Chunks." }
        # The floor: a compiled cmdlet that writes the same ready-made ChatChunk objects, one WriteObject each. It writes
        # the ChatChunk itself, not the PSObject that collecting it into $ready wrapped it in: a cmdlet's output is new
        # objects, and a pre-wrapped one would spare the consumer's binding an allocation per object.
        Add-Type -TypeDefinition @'
using System.Management.Automation;
[Cmdlet(VerbsCommunications.Write, "KimiFloor")]
public sealed class WriteKimiFloorCommand : PSCmdlet
{
    [Parameter(Mandatory = true)] public object[] Item { get; set; }
    protected override void EndProcessing() { foreach (var item in Item) WriteObject(item is PSObject wrapped ? wrapped.BaseObject : item); }
}
'@ -PassThru | ForEach-Object { $_.Assembly } | Select-Object -First 1 | ForEach-Object { Import-Module -Assembly $_ }
        for ($w = 0; $w -lt $Warmup; $w++) {
            $m = Invoke-KimiChat 'stream' -Stream -Connection $sseConnection | Measure-Object
            $m = Write-KimiFloor -Item $ready | Measure-Object
        }
        $kimiStream = [double[]]::new($StreamReps); $floor = [double[]]::new($StreamReps)
        for ($r = 0; $r -lt $StreamReps; $r++) {
            $kimiStream[$r] = Measure-Ms { $m = Invoke-KimiChat 'stream' -Stream -Connection $sseConnection | Measure-Object }
            $floor[$r] = Measure-Ms { $m = Write-KimiFloor -Item $ready | Measure-Object }
        }
        $streamMs = Get-Median $kimiStream; $floorMs = Get-Median $floor
        Add-Row "Stream of $($ready.Count) chunks | Measure-Object (vs a cmdlet writing ready-made chunks)" (Format-Ms $streamMs) (Format-Ms $floorMs) ('{0:N2}x the floor' -f ($streamMs / $floorMs)) '<= 1.3x' $(if ($streamMs / $floorMs -le 1.3) { 'pass' } else { 'miss' })
    }

    # --- the document pipeline at -ThrottleLimit 1 and 8 -------------------------------------------
    if (Test-Row Documents) {
        $folder = Join-Path ([IO.Path]::GetTempPath()) ("kimips-bench-" + [Guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $folder
        1..$Documents | ForEach-Object { Set-Content -Path (Join-Path $folder "doc$_.txt") -Value "Document $_ for the pipeline." }
        Invoke-Control 'reset'
        Invoke-Control 'limits' @{ latencyMs = 100 }
        $pipeline = {
            param([int] $Limit)
            $throttle = @{ ThrottleLimit = $Limit }
            $contentThrottle = if ((Get-Command Get-KimiFileContent).Parameters.ContainsKey('ThrottleLimit')) { $throttle } else { @{} }
            $answers = @(Get-ChildItem -Path $folder -Filter *.txt | Send-KimiFile @throttle | Get-KimiFileContent @contentThrottle | Invoke-KimiChat 'Summarize' @throttle)
            if ($answers.Count -ne $Documents) { throw "The document pipeline gave $($answers.Count) answers for $Documents documents." }
        }
        $sequential = Measure-Median $DocumentReps { & $pipeline 1 }
        $parallel = Measure-Median $DocumentReps { & $pipeline 8 }
        Invoke-Control 'limits' @{ latencyMs = 0 }
        Remove-Item -Recurse -Force $folder
        Add-Row "$Documents documents: Send-KimiFile | Get-KimiFileContent | Invoke-KimiChat, 100 ms server (ThrottleLimit 8 vs 1)" (Format-Ms $parallel) (Format-Ms $sequential) ('{0:N1}x faster' -f ($sequential / $parallel)) '>= 6x' $(if ($sequential / $parallel -ge 6) { 'pass' } else { 'miss' })
    }

    # --- memory ------------------------------------------------------------------------------------
    if (Test-Row Memory) {
        $self = [Diagnostics.Process]::GetCurrentProcess()
        function Get-Growth([scriptblock] $Script) {
            [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
            $self.Refresh(); $ws = $self.WorkingSet64; $managed = [GC]::GetTotalMemory($true)
            $null = & $Script
            $self.Refresh()
            # Retained managed memory (after a full collection): what the work kept, not the garbage it left.
            [pscustomobject]@{ WorkingSetMB = ($self.WorkingSet64 - $ws) / 1MB; ManagedMB = ([GC]::GetTotalMemory($true) - $managed) / 1MB }
        }
        $big = Join-Path ([IO.Path]::GetTempPath()) ("kimips-bench-100mb-" + [Guid]::NewGuid().ToString('N') + '.bin')
        $stream = [IO.File]::OpenWrite($big); $stream.SetLength(100MB); $stream.Dispose()
        Invoke-Control 'reset'
        $upload = Get-Growth { $f = Send-KimiFile -Path $big; $f | Remove-KimiFile -Confirm:$false }
        Add-Row 'Memory growth, 100 MB upload (working set / managed heap retained)' ('{0:N1} MB / {1:N1} MB' -f $upload.WorkingSetMB, $upload.ManagedMB) '-' '-' '< 32 MB' $(if ($upload.WorkingSetMB -lt 32 -and $upload.ManagedMB -lt 32) { 'pass' } else { 'miss' })

        # The peak, in a fresh pwsh (after a 1 MB warm-up upload): how far the upload lifts the process's peak
        # working set above every earlier peak, and all managed bytes allocated during it (a bound on managed growth).
        $small = Join-Path ([IO.Path]::GetTempPath()) ("kimips-bench-1mb-" + [Guid]::NewGuid().ToString('N') + '.bin')
        [IO.File]::WriteAllBytes($small, [byte[]]::new(1MB))
        $peakCommand = "Import-Module '$manifest'; Connect-Kimi -SkipValidation -BaseUri '$base' -ApiKey (ConvertTo-SecureString '$key' -AsPlainText -Force); " +
            "Send-KimiFile -Path '$small' | Remove-KimiFile -Confirm:`$false; `$p = [Diagnostics.Process]::GetCurrentProcess(); [GC]::Collect(); `$p.Refresh(); " +
            "`$peak = `$p.PeakWorkingSet64; `$alloc = [GC]::GetTotalAllocatedBytes(`$true); Send-KimiFile -Path '$big' | Remove-KimiFile -Confirm:`$false; `$p.Refresh(); " +
            "'{0} {1}' -f ([Math]::Max(0, `$p.PeakWorkingSet64 - `$peak) / 1MB), (([GC]::GetTotalAllocatedBytes(`$true) - `$alloc) / 1MB)"
        $peaks = @(1..3 | ForEach-Object {
            $out = & $pwshHost @pwshPrefix -NoLogo -NoProfile -NonInteractive -Command $peakCommand
            if ($LASTEXITCODE -ne 0) { throw "A fresh pwsh failed: $out" }
            $parts = ($out | Select-Object -Last 1).Split(' ')
            [pscustomobject]@{ PeakMB = [double]$parts[0]; AllocatedMB = [double]$parts[1] }
        })
        Remove-Item $big, $small
        $peakMB = Get-Median $peaks.PeakMB; $allocatedMB = Get-Median $peaks.AllocatedMB
        Add-Row 'Memory peak, 100 MB upload in a fresh pwsh (peak working set rise / managed bytes allocated)' ('{0:N1} MB / {1:N1} MB' -f $peakMB, $allocatedMB) '-' '-' '< 32 MB' $(if ($peakMB -lt 32 -and $allocatedMB -lt 32) { 'pass' } else { 'miss' })

        $growth = foreach ($n in 10000, 100000) {
            Invoke-Control 'reset'
            Invoke-Control 'enqueue' @{ chat = @{ content = ('abcd' * $n); chunkChars = 4 }; times = 1; pathContains = 'chat'; writeSize = 65536 }
            Get-Growth { Invoke-KimiChat 'long stream' -Stream | Measure-Object }
        }
        $flat = $growth[1].ManagedMB - $growth[0].ManagedMB
        Add-Row 'Memory retained, stream of 10,000 vs 100,000 chunks | Measure-Object (managed heap; working set)' ('{0:N1} MB vs {1:N1} MB; {2:N1} MB vs {3:N1} MB' -f $growth[0].ManagedMB, $growth[1].ManagedMB, $growth[0].WorkingSetMB, $growth[1].WorkingSetMB) '-' '-' 'flat' $(if ([Math]::Abs($flat) -lt 2) { 'pass' } else { 'miss' })
    }
}
finally {
    Stop-Server $emulator
    Stop-Server $sse
}

$load = if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0..2] -join ' / ' } else { 'n/a' }
"PowerShell $($PSVersionTable.PSVersion) on $([Runtime.InteropServices.RuntimeInformation]::OSDescription), $([Environment]::ProcessorCount) cores, $([Runtime.InteropServices.RuntimeInformation]::FrameworkDescription); load average at the end: $load; medians of $Reps runs ($ProcessReps fresh processes, $DocumentReps document pipelines; the per-call row after $CallWarmup warm-up calls a side; the stream row: $StreamReps runs after $Warmup warm-up streams a side)."
''
$columns = 'Measure', 'KimiPS', 'Peer', 'Ratio', 'Target', 'Result'
$headers = 'Measure', 'KimiPS', 'Peer (Invoke-RestMethod / floor / sequential)', 'Ratio', 'Target', 'Result'
foreach ($row in $rows) { $row.Measure = $row.Measure -replace '\|', '\|' }   # a pipe inside a markdown cell
$widths = 0..5 | ForEach-Object { $i = $_; [Math]::Max($headers[$i].Length, ($rows | ForEach-Object { "$($_.($columns[$i]))".Length } | Measure-Object -Maximum).Maximum) }
$format = { param($cells) '| ' + ((0..5 | ForEach-Object { "$($cells[$_])".PadRight($widths[$_]) }) -join ' | ') + ' |' }
& $format $headers
'|' + ((0..5 | ForEach-Object { '-' * ($widths[$_] + 2) }) -join '|') + '|'
foreach ($row in $rows) { & $format @($row.Measure, $row.KimiPS, $row.Peer, $row.Ratio, $row.Target, $row.Result) }

if (-not $SkipCore) {
    ''
    # Its progress lines go to stderr; the table to stdout.
    & dotnet $benchmarksDll --compare
    if ($LASTEXITCODE -ne 0) { throw "The core comparison failed (exit code $LASTEXITCODE)." }
}
