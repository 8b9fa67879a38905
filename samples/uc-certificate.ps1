<#
.SYNOPSIS
    УЦ «Основание» from PowerShell (seed 004): a qualified certificate from nothing — request, scans archive and its
    signature, a new key with its PKCS#10, the request signed by the УЦ operator, the issued certificate.

.DESCRIPTION
    Runs against the bundled sandbox by default:
        dotnet run --project src/GosApi.Sandbox                       # in one terminal (http://127.0.0.1:5080/)
        dotnet pwsh ./samples/uc-certificate.ps1                      # in another
    `./build.ps1 -Task Demo` does both. Against the real service pass -BaseUri, -Credential and -Operator.

.PARAMETER SandboxUri
    The sandbox (used to register a manager and an operator certificate when -Credential/-Operator are omitted).

.PARAMETER Credential
    The УЦ partner manager's login and password.

.PARAMETER Operator
    The УЦ operator's certificate with its key (Import-GostCertificate), which signs the archive and the request.
#>
[CmdletBinding()]
param(
    [uri] $SandboxUri = 'http://127.0.0.1:5080/',
    [uri] $BaseUri,
    [pscredential] $Credential,
    [object] $Operator,
    [string] $WorkDirectory = (Join-Path ([System.IO.Path]::GetTempPath()) "gosapi-uc-demo-$([guid]::NewGuid().ToString('N').Substring(0, 8))")
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module GosApi)) {
    Import-Module (Join-Path $PSScriptRoot '../out/GosApi/GosApi.psd1')
}

New-Item -ItemType Directory -Path $WorkDirectory -Force | Out-Null
try {
    if (-not $Credential) {
        Write-Host "Registering an УЦ manager with the sandbox at $SandboxUri"
        $manager = Invoke-RestMethod -Method Post -Uri ([uri]::new($SandboxUri, 'sandbox/uc/managers')) -ContentType 'application/json' -Body '{}'
        $Credential = [pscredential]::new($manager.login, (ConvertTo-SecureString $manager.password -AsPlainText -Force))
        $manager = $null
    }
    if (-not $Operator) {
        $pfxPassword = [guid]::NewGuid().ToString()
        $issued = Invoke-RestMethod -Method Post -Uri ([uri]::new($SandboxUri, 'sandbox/esia/certificates')) -ContentType 'application/json; charset=utf-8' `
            -Body ([System.Text.Encoding]::UTF8.GetBytes((@{ password = $pfxPassword; commonName = 'Оператор УЦ «Основание»' } | ConvertTo-Json)))
        $pfx = Join-Path $WorkDirectory 'operator.pfx'
        [System.IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($issued.pkcs12))
        $Operator = Import-GostCertificate -Path $pfx -Password (ConvertTo-SecureString $pfxPassword -AsPlainText -Force)
    }
    if (-not $BaseUri) { $BaseUri = [uri]::new($SandboxUri, 'api/external/v2/') }
    $session = Connect-UcService -BaseUri $BaseUri -Credential $Credential -PassThru
    Write-Host "Connected: $session"
    Get-UcProduct | Format-Table Id, Name -AutoSize | Out-Host

    # The scans an applicant brings: the file names tell the УЦ what each one is.
    $scans = Join-Path $WorkDirectory 'scans'
    New-Item -ItemType Directory -Path $scans | Out-Null
    foreach ($name in 'Заявление на выпуск.pdf', 'Паспорт.pdf', 'СНИЛС.pdf', 'Фото.jpg', 'Application (signed).pdf') {
        "scan: $name" | Set-Content -Path (Join-Path $scans $name) -Encoding utf8
    }

    $applicant = @{
        Type = 'Person'; LastName = 'Петров'; FirstName = 'Акакий'; MiddleName = 'Валентинович'; Gender = 'M'
        BirthDate = [datetime]'1990-09-02'; PassportSerial = '2210'; PassportNumber = '123123'; PassportDate = [datetime]'2011-02-20'
        PassportCode = '520-000'; PassportDivision = 'ОВД 1'; Snils = '112-233-445 95'; Inn = '500100732259'
        Email = 'petrov@example.ru'; Phone = '9202923333'; Region = 52; City = 'Нижний Новгород'; Address = 'Минина 26-111'; OfferJoining = $true
    }
    $keyPassword = ConvertTo-SecureString ([guid]::NewGuid().ToString()) -AsPlainText -Force
    $result = Submit-UcRequest @applicant -ScanPath (Join-Path $scans '*') -Operator $Operator `
        -KeyPath (Join-Path $WorkDirectory 'keys/applicant.key') -KeyPassword $keyPassword `
        -Destination (Join-Path $WorkDirectory 'issued') -PollingIntervalSec 1 -Verbose
    $result | Format-List RequestId, StatusMeaning, KeyMatchesCertificate, CertificatePath, SavedFiles | Out-Host
    Import-GostCertificate -Path $result.CertificatePath | Format-List Subject, Issuer, NotAfter | Out-Host
}
finally {
    Remove-Item -Recurse -Force $WorkDirectory -ErrorAction SilentlyContinue
}
