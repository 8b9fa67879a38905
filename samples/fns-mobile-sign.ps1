<#
.SYNOPSIS
    ФНС «Мобильная подпись» from PowerShell (seed 003): send documents to a client for signature, wait for the
    signature, save the signed files with their .p7s and check the signatures.

.DESCRIPTION
    Runs against the bundled sandbox by default:
        dotnet run --project src/GosApi.Sandbox                       # in one terminal (http://127.0.0.1:5080/)
        dotnet pwsh ./samples/fns-mobile-sign.ps1                     # in another
    `./build.ps1 -Task Demo` does both. Against the real service pass -BaseUri, -Credential and -ConsumerId.

.PARAMETER BaseUri
    The partner API's address.

.PARAMETER Credential
    The partner account. Against the sandbox one is registered when omitted.

.PARAMETER ConsumerId
    The client who signs. Against the sandbox a signing-ready client is registered when omitted.
#>
[CmdletBinding()]
param(
    [uri] $BaseUri = 'http://127.0.0.1:5080/',
    [pscredential] $Credential,
    [string] $ConsumerId,
    [string] $WorkDirectory = (Join-Path ([System.IO.Path]::GetTempPath()) "gosapi-fns-demo-$([guid]::NewGuid().ToString('N').Substring(0, 8))")
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module GosApi)) {
    Import-Module (Join-Path $PSScriptRoot '../out/GosApi/GosApi.psd1')
}

New-Item -ItemType Directory -Path $WorkDirectory -Force | Out-Null
try {
    $trustedRoot = $null
    if (-not $Credential) {
        Write-Host "Registering a partner and a signing-ready client with the sandbox at $BaseUri"
        $partner = Invoke-RestMethod -Method Post -Uri ([uri]::new($BaseUri, 'sandbox/fns/partners')) -ContentType 'application/json' -Body '{}'
        $Credential = [pscredential]::new($partner.username, (ConvertTo-SecureString $partner.password -AsPlainText -Force))
        $client = Invoke-RestMethod -Method Post -Uri ([uri]::new($BaseUri, 'sandbox/fns/consumers')) -ContentType 'application/json' `
            -Body (@{ partner = $partner.username } | ConvertTo-Json)
        $ConsumerId = $client.id
        $partner = $null
        $caFile = Join-Path $WorkDirectory 'sandbox-ca.pem'
        Invoke-RestMethod -Uri ([uri]::new($BaseUri, 'sandbox/esia/ca')) | Set-Content -Path $caFile -Encoding ascii
        $trustedRoot = Import-GostCertificate -Path $caFile
    }
    $session = Connect-FnsMobileSign -BaseUri $BaseUri -Credential $Credential -PassThru
    Write-Host "Connected: $session"

    $documents = Join-Path $WorkDirectory 'to-sign'
    New-Item -ItemType Directory -Path $documents | Out-Null
    'Заявление о государственной регистрации ИП' | Set-Content -Path (Join-Path $documents 'Заявление Р21001.txt') -Encoding utf8
    'Уведомление о переходе на УСН' | Set-Content -Path (Join-Path $documents 'Уведомление 26.2-1.txt') -Encoding utf8

    # One workflow for all files; the external_id makes a re-run of this line safe (no second workflow).
    $externalId = [guid]::NewGuid().ToString()
    $signed = Get-ChildItem -Path $documents | Invoke-FnsSigning -ConsumerId $ConsumerId -ExternalId $externalId `
        -Wait -PollingIntervalSec 1 -Destination (Join-Path $WorkDirectory 'signed')
    $signed | Format-Table WorkflowId, State, Title, IsSigned, SignaturePath -AutoSize | Out-Host
    Write-Host "Open it in the app: $($signed[0].DeepLink)"

    if ($trustedRoot) {
        $signed | Test-GostSignature -TrustedRoot $trustedRoot | Format-Table IsValid, SignerCertificate, SigningTime -AutoSize | Out-Host
    }
}
finally {
    Remove-Item -Recurse -Force $WorkDirectory -ErrorAction SilentlyContinue
}
