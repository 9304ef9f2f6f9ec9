# Installed as users get it: the staged out/KimiPS is published to a local PSResourceGet repository,
# installed with Install-PSResource, and imported by name in a fresh pwsh. Every step runs in a child
# pwsh whose HOME (and XDG folders) point into the test's scratch folder, so PSResourceGet's per-user
# repository list and the CurrentUser module folder are the scratch ones: the user's own are untouched.

BeforeDiscovery {
    # PSResourceGet ships with pwsh 7.4+; Windows PowerShell 5.1 (build.ps1 in CI) has only PowerShellGet 1.
    $script:HasPSResourceGet = [bool](Get-Command Publish-PSResource -ErrorAction SilentlyContinue)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'KimiPS.TestHelpers.ps1')
    $script:Stage = Join-Path $script:RepoRoot 'out/KimiPS'
    $script:Manifest = Import-PowerShellDataFile (Join-Path $script:Stage 'KimiPS.psd1')
}

Describe 'The staged package' {
    It 'carries the MIT LICENSE of the repository' {
        $staged = Join-Path $script:Stage 'LICENSE'
        Test-Path -LiteralPath $staged | Should -BeTrue
        (Get-Content -Raw -LiteralPath $staged) | Should -Be (Get-Content -Raw -LiteralPath (Join-Path $script:RepoRoot 'LICENSE'))
    }

    It 'publishes no made-up address: LicenseUri and ProjectUri only when real' {
        $psData = $script:Manifest.PrivateData.PSData
        # The project has no public home yet; a placeholder would send Gallery users nowhere.
        $psData.Keys | Should -Not -Contain 'LicenseUri'
        $psData.Keys | Should -Not -Contain 'ProjectUri'
        $psData.Tags | Should -Contain 'PSEdition_Core'
        $psData.ReleaseNotes | Should -Not -BeNullOrEmpty
    }
}

Describe 'Install from a local PSResourceGet repository' -Skip:(-not $script:HasPSResourceGet) {
    BeforeAll {
    $script:Scratch = Join-Path $TestDrive 'install'
    $script:ScratchHome = Join-Path $script:Scratch 'home'
    $script:Repository = Join-Path $script:Scratch 'repository'
    $null = New-Item -ItemType Directory -Force -Path $script:ScratchHome, $script:Repository

    # The same pwsh as this one: the .NET tool runs as `dotnet pwsh.dll`, an installed pwsh as itself.
    $script:Exe = (Get-Process -Id $PID).Path
    $script:ExeArguments = @()
    if ([IO.Path]::GetFileNameWithoutExtension($script:Exe) -eq 'dotnet') { $script:ExeArguments = @(Join-Path $PSHOME 'pwsh.dll') }

    function Invoke-ScratchPwsh([string] $Script) {
        # Runs a script in a fresh pwsh with the scratch HOME; returns its output lines and exit code.
        $file = Join-Path $script:Scratch ("step-{0}.ps1" -f [guid]::NewGuid().ToString('n'))
        Set-Content -LiteralPath $file -Value $Script -Encoding UTF8
        $saved = @{}
        $environment = @{
            HOME = $script:ScratchHome; USERPROFILE = $script:ScratchHome
            XDG_CONFIG_HOME = Join-Path $script:ScratchHome '.config'; XDG_DATA_HOME = Join-Path $script:ScratchHome '.local/share'
            XDG_CACHE_HOME = Join-Path $script:ScratchHome '.cache'; LOCALAPPDATA = Join-Path $script:ScratchHome 'AppData/Local'
            # Only the scratch CurrentUser folder and the shell's own modules: nothing from the developer's machine.
            PSModulePath = $null; POWERSHELL_TELEMETRY_OPTOUT = '1'; POWERSHELL_UPDATECHECK = 'Off'
        }
        # .NET gives "" for a special folder that does not exist, and PSResourceGet and NuGet then write
        # relative to the working directory: make the folders, and work in the scratch folder.
        foreach ($name in 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'LOCALAPPDATA') {
            $null = New-Item -ItemType Directory -Force -Path $environment[$name]
        }
        $null = New-Item -ItemType Directory -Force -Path (Join-Path $script:ScratchHome 'AppData/Roaming'), (Join-Path $script:ScratchHome 'Documents')
        $environment['APPDATA'] = Join-Path $script:ScratchHome 'AppData/Roaming'
        foreach ($name in $environment.Keys) {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $environment[$name])
        }
        Push-Location -LiteralPath $script:Scratch
        try {
            $output = & $script:Exe @script:ExeArguments -NoLogo -NoProfile -NonInteractive -File $file 2>&1 | ForEach-Object { "$_" }
            [pscustomobject]@{ Output = ($output -join "`n"); ExitCode = $LASTEXITCODE }
        }
        finally {
            Pop-Location
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }

    $script:Install = Invoke-ScratchPwsh @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name KimiPSLocal -Uri '$($script:Repository)' -Trusted
Publish-PSResource -Path '$($script:Stage)' -Repository KimiPSLocal
Install-PSResource -Name KimiPS -Repository KimiPSLocal -Scope CurrentUser -TrustRepository
'INSTALLED:' + (Get-InstalledPSResource -Name KimiPS -Scope CurrentUser).InstalledLocation
'REPOSITORIES:' + ((Get-PSResourceRepository).Name -join ',')
"@

    $script:Imported = Invoke-ScratchPwsh @'
$ErrorActionPreference = 'Stop'
if ($PSVersionTable.PSVersion.Major -ge 7) { $PSStyle.OutputRendering = 'PlainText' }
Import-Module KimiPS
$module = Get-Module KimiPS
$result = [ordered]@{
    ModuleBase = $module.ModuleBase
    Version    = "$($module.Version)"
    Cmdlets    = @($module.ExportedCmdlets.Keys | Sort-Object)
    Synopsis   = @($module.ExportedCmdlets.Keys | Sort-Object | ForEach-Object { '{0}={1}' -f $_, (Get-Help $_).Synopsis })
    Examples   = @($module.ExportedCmdlets.Keys | Where-Object { @((Get-Help $_ -Full).examples.example).Count -eq 0 })
    Views      = @(Get-FormatData -TypeName KimiPS.Core.KimiModel, KimiPS.Core.KimiFile, KimiPS.Core.ChatCompletion | ForEach-Object TypeNames)
    ModelTable = (([KimiPS.Core.KimiModel]::new()) | Out-String)
    Files      = @(Get-ChildItem -LiteralPath $module.ModuleBase -Recurse -File | ForEach-Object { $_.FullName.Substring($module.ModuleBase.Length + 1).Replace('\', '/') })
}
'RESULT:' + ($result | ConvertTo-Json -Compress -Depth 4)
'@
    $line = @($script:Imported.Output -split "`n" | Where-Object { $_ -like 'RESULT:*' })
    $script:Result = if ($line) { $line[0].Substring(7) | ConvertFrom-Json } else { $null }
    }

    It 'publishes and installs with PSResourceGet, in the scratch CurrentUser scope' {
        $script:Install.ExitCode | Should -Be 0 -Because $script:Install.Output
        $installed = @($script:Install.Output -split "`n" | Where-Object { $_ -like 'INSTALLED:*' })[0].Substring(10)
        $installed | Should -BeLike "$($script:ScratchHome)*"
        @(Get-ChildItem -LiteralPath $script:Repository -Filter 'KimiPS.*.nupkg').Count | Should -Be 1
    }

    It 'keeps the repository list in the scratch HOME, not the user''s' {
        # Nothing landed in the repository or the working folder either.
        foreach ($stray in 'PSResourceGet', 'NuGet') {
            Test-Path -LiteralPath (Join-Path $script:RepoRoot $stray) | Should -BeFalse
            Test-Path -LiteralPath (Join-Path $script:Scratch $stray) | Should -BeFalse
        }
        @($script:Install.Output -split "`n" | Where-Object { $_ -like 'REPOSITORIES:*' })[0] | Should -Match 'KimiPSLocal'
        @(Get-ChildItem -LiteralPath $script:ScratchHome -Recurse -Force -Filter 'PSResourceRepository.xml').Count | Should -Be 1
        # The real per-user list (read as a file: Get-PSResourceRepository would create it) never heard of it.
        $real = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet/PSResourceRepository.xml'
        if (Test-Path -LiteralPath $real) { Get-Content -Raw -LiteralPath $real | Should -Not -Match 'KimiPSLocal' }
    }

    It 'imports by name in a fresh pwsh from the installed folder' {
        $script:Imported.ExitCode | Should -Be 0 -Because $script:Imported.Output
        $script:Result.ModuleBase | Should -BeLike "$($script:ScratchHome)*"
        $script:Result.Version | Should -Be $script:Manifest.ModuleVersion
    }

    It 'exports every cmdlet of the manifest' {
        (@($script:Result.Cmdlets) -join ',') | Should -Be (@($script:Manifest.CmdletsToExport | Sort-Object) -join ',')
    }

    It 'brings its help: a synopsis and examples for every cmdlet' {
        foreach ($entry in $script:Result.Synopsis) {
            $name, $synopsis = $entry -split '=', 2
            $synopsis | Should -Not -BeNullOrEmpty
            $synopsis | Should -Not -Match ('^\s*' + [regex]::Escape($name) + '\s+\[') -Because "$name's help must come from the MAML, not the generated stub"
        }
        @($script:Result.Examples) | Should -BeNullOrEmpty
    }

    It 'brings its format views' {
        @($script:Result.Views) | Should -Contain 'KimiPS.Core.KimiModel'
        @($script:Result.Views) | Should -Contain 'KimiPS.Core.ChatCompletion'
        $script:Result.ModelTable | Should -Match 'ContextLength|Context'
    }

    It 'ships the MIT LICENSE, the help file and the 5.1 dependency closure' {
        @($script:Result.Files) | Should -Contain 'LICENSE'
        @($script:Result.Files) | Should -Contain 'en-US/KimiPS.dll-Help.xml'
        @($script:Result.Files) | Should -Contain 'KimiPS.format.ps1xml'
        @($script:Result.Files | Where-Object { $_ -like 'dependencies/*.dll' }).Count | Should -BeGreaterThan 0
        $license = Get-Content -Raw -LiteralPath (Join-Path $script:Result.ModuleBase 'LICENSE')
        $license | Should -Match 'MIT License'
        $license | Should -Match 'Copyright \(c\) 2026 KimiPS contributors'
    }
}
