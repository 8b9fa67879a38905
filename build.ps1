<#
.SYNOPSIS
    Builds, tests, documents, packages and demonstrates the GosApi module.

.DESCRIPTION
    Runs in the repository's pinned PowerShell (`dotnet tool restore; dotnet pwsh ./build.ps1`) and in any
    PowerShell 7 or Windows PowerShell 5.1 with the .NET SDK on PATH.

      Build    dotnet build of Cmdlets.sln; MSBuild stages the module in out/GosApi (with compiled help).
      Test     Build, dotnet test, then the Pester suites in tests/Pester against the staged module and a
               sandbox started for them. Prints "Total: N passed, N failed" and exits non-zero on failure.
      Docs     Refreshes docs/GosApi from the cmdlets with PlatyPS when it is installed, then compiles the help.
      Package  Release build, then out/GosApi-<version>.zip of the staged module.
      Demo     Build, start the sandbox, run samples/epgu-end-to-end.ps1, samples/electronic-certificate.ps1,
               samples/fns-mobile-sign.ps1 and samples/uc-certificate.ps1 against it, stop the sandbox.

.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package', 'Demo')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:POWERSHELL_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

$root = $PSScriptRoot
$staged = Join-Path $root 'out/GosApi'
$sandboxProject = Join-Path $root 'src/GosApi.Sandbox/GosApi.Sandbox.csproj'

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    # Out-Host: dotnet's output must not become the return value of the functions that call this.
    & dotnet @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $root 'Cmdlets.sln') -c $Configuration
    if (-not (Test-Path (Join-Path $staged 'GosApi.psd1'))) { throw "The build did not stage the module in $staged." }
}

function Get-FreeTcpPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

# Starts the emulator in its own process on a free loopback port and waits until it answers.
function Start-Sandbox {
    $port = Get-FreeTcpPort
    $uri = "http://127.0.0.1:$port/"
    $dll = Join-Path $root "src/GosApi.Sandbox/bin/$Configuration/net10.0/GosApi.Sandbox.dll"
    if (-not (Test-Path $dll)) { Invoke-Dotnet build $sandboxProject -c $Configuration }
    $log = Join-Path ([System.IO.Path]::GetTempPath()) "gosapi-sandbox-$port.log"
    $start = @{
        FilePath               = 'dotnet'
        ArgumentList           = @("`"$dll`"", '--urls', $uri)
        PassThru               = $true
        RedirectStandardOutput = $log
        RedirectStandardError  = "$log.err"
    }
    if ($PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows) { $start.WindowStyle = 'Hidden' }
    $process = Start-Process @start
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ([DateTime]::UtcNow -lt $deadline) {
        if ($process.HasExited) { throw "The sandbox exited with code $($process.ExitCode); see $log." }
        try {
            Invoke-RestMethod -Uri "${uri}sandbox/health" -TimeoutSec 2 | Out-Null
            Write-Host "Sandbox listening on $uri (log: $log)" -ForegroundColor Cyan
            return [pscustomobject]@{ Process = $process; Uri = $uri; Log = $log }
        }
        catch { Start-Sleep -Milliseconds 250 }
    }
    Stop-Sandbox ([pscustomobject]@{ Process = $process })
    throw "The sandbox did not answer on $uri within 60 s; see $log."
}

function Stop-Sandbox($sandbox) {
    if ($sandbox -and $sandbox.Process -and -not $sandbox.Process.HasExited) {
        Stop-Process -Id $sandbox.Process.Id -Force -ErrorAction SilentlyContinue
        $sandbox.Process.WaitForExit(10000) | Out-Null
    }
}

function Import-Pester {
    $installed = Get-Module -ListAvailable Pester | Where-Object Version -ge ([version]'5.0') | Sort-Object Version -Descending | Select-Object -First 1
    if ($installed) { Import-Module $installed -Force; return }
    # No Pester 5 here and maybe no PowerShell Gallery: restore it from the NuGet feed.
    Invoke-Dotnet restore (Join-Path $root 'tests/Pester/Pester.proj')
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $manifest = Get-ChildItem (Join-Path $packages 'pester') -Directory | Sort-Object { [version]($_.Name -replace '-.*$') } -Descending |
        ForEach-Object { Join-Path $_.FullName 'tools/Pester.psd1' } | Where-Object { Test-Path $_ } | Select-Object -First 1
    if (-not $manifest) { throw "Pester 5 is neither installed nor restorable into $packages." }
    Import-Module $manifest -Force
}

function Invoke-DotnetTest {
    Write-Host "dotnet test" -ForegroundColor Cyan
    $passed = 0; $failed = 0
    & dotnet test (Join-Path $root 'Cmdlets.sln') -c $Configuration --no-build 2>&1 | ForEach-Object {
        $line = "$_"
        Write-Host $line
        if ($line -match 'Failed:\s+(\d+),\s+Passed:\s+(\d+)') { $failed += [int]$Matches[1]; $passed += [int]$Matches[2] }
    }
    $exit = $LASTEXITCODE
    if ($exit -ne 0 -and $failed -eq 0) { $failed = 1 }
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

function Invoke-PesterSuites {
    Import-Pester
    $sandbox = Start-Sandbox
    try {
        $env:GOSAPI_SANDBOX_URI = $sandbox.Uri
        $env:GOSAPI_MODULE_MANIFEST = Join-Path $staged 'GosApi.psd1'
        $config = New-PesterConfiguration
        $config.Run.Path = Join-Path $root 'tests/Pester'
        $config.Run.PassThru = $true
        $config.Output.Verbosity = 'Detailed'
        $result = Invoke-Pester -Configuration $config
        $failed = $result.FailedCount
        foreach ($extra in 'FailedBlocksCount', 'FailedContainersCount') {
            if ($result.PSObject.Properties[$extra]) { $failed += $result.$extra }
        }
        [pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed }
    }
    finally {
        Stop-Sandbox $sandbox
        Remove-Item Env:GOSAPI_SANDBOX_URI -ErrorAction SilentlyContinue
    }
}

function Invoke-Test {
    Invoke-Build
    $dotnet = Invoke-DotnetTest
    $pester = Invoke-PesterSuites
    $passed = $dotnet.Passed + $pester.Passed
    $failed = $dotnet.Failed + $pester.Failed
    Write-Host "xunit: $($dotnet.Passed) passed, $($dotnet.Failed) failed; Pester: $($pester.Passed) passed, $($pester.Failed) failed"
    Write-Host "Total: $passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Docs {
    Invoke-Build
    if (Get-Module -ListAvailable platyPS) {
        Import-Module platyPS
        Import-Module (Join-Path $staged 'GosApi.psd1') -Force
        Update-MarkdownHelp -Path (Join-Path $root 'docs/GosApi') -AlphabeticParamsOrder | Out-Null
        Invoke-Build
    }
    else {
        Write-Host 'PlatyPS is not installed: docs/GosApi is the source as is; the build compiled it into MAML.' -ForegroundColor Yellow
    }
}

function Invoke-Package {
    $script:Configuration = 'Release'
    Invoke-Build
    $version = (Import-PowerShellDataFile (Join-Path $staged 'GosApi.psd1')).ModuleVersion
    $zip = Join-Path $root "out/GosApi-$version.zip"
    if (Test-Path $zip) { Remove-Item $zip }
    Compress-Archive -Path $staged -DestinationPath $zip
    Write-Host "Packaged $zip"
}

function Invoke-Demo {
    Invoke-Build
    $sandbox = Start-Sandbox
    try {
        & (Join-Path $root 'samples/epgu-end-to-end.ps1') -BaseUri $sandbox.Uri
        & (Join-Path $root 'samples/electronic-certificate.ps1') -SandboxUri $sandbox.Uri
        & (Join-Path $root 'samples/fns-mobile-sign.ps1') -BaseUri $sandbox.Uri
        & (Join-Path $root 'samples/uc-certificate.ps1') -SandboxUri $sandbox.Uri
    }
    finally {
        Stop-Sandbox $sandbox
    }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Docs' { Invoke-Docs }
    'Package' { Invoke-Package }
    'Demo' { Invoke-Demo }
}
