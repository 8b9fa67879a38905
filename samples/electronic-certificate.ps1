<#
.SYNOPSIS
    ИС «Электронный сертификат» from PowerShell (seed 002): issue certificates for a CSV of assignments, follow the
    task, read the results and a statement, change a phone number and block a certificate.

.DESCRIPTION
    Runs against the bundled sandbox by default:
        dotnet run --project src/GosApi.Sandbox                       # in one terminal (http://127.0.0.1:5080/)
        dotnet pwsh ./samples/electronic-certificate.ps1              # in another
    `./build.ps1 -Task Demo` does both. Against a real ИС ЭС instance pass -BaseUri, -ApiKey and -SharedSecret.

.PARAMETER BaseUri
    The ИС ЭС API address, e.g. http://localhost:8080/api/1.2.1-У/ес/. Against the sandbox: its address plus that path.

.PARAMETER ApiKey
    x-api-key issued for the АРМ. Against the sandbox a client is registered when omitted.

.PARAMETER SharedSecret
    The shared secret of the x-jws-signature (HMAC-SHA-512).

.PARAMETER Count
    How many assignments the generated CSV holds; more than 100 go out in several requests.
#>
[CmdletBinding()]
param(
    [uri] $SandboxUri = 'http://127.0.0.1:5080/',
    [uri] $BaseUri,
    [securestring] $ApiKey,
    [securestring] $SharedSecret,
    [ValidateRange(1, 100000)]
    [int] $Count = 150,
    [string] $WorkDirectory = (Join-Path ([System.IO.Path]::GetTempPath()) "gosapi-ec-demo-$([guid]::NewGuid().ToString('N').Substring(0, 8))")
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module GosApi)) {
    Import-Module (Join-Path $PSScriptRoot '../out/GosApi/GosApi.psd1')
}

New-Item -ItemType Directory -Path $WorkDirectory -Force | Out-Null
try {
    if (-not $ApiKey -or -not $SharedSecret) {
        Write-Host "Registering an ИС ЭС client with the sandbox at $SandboxUri"
        $client = Invoke-RestMethod -Method Post -Uri ([uri]::new($SandboxUri, 'sandbox/ec/clients')) -ContentType 'application/json' -Body '{}'
        $ApiKey = ConvertTo-SecureString $client.apiKey -AsPlainText -Force
        $SharedSecret = ConvertTo-SecureString $client.sharedSecret -AsPlainText -Force
        $client = $null
    }
    if (-not $BaseUri) { $BaseUri = [uri]::new($SandboxUri, 'api/1.2.1-У/ес/') }
    $session = Connect-ElectronicCertificateService -BaseUri $BaseUri -ApiKey $ApiKey -SharedSecret $SharedSecret -PassThru
    Write-Host "Connected: $session"

    # A CSV as an ОИВ's system would export it: the spec's field names as columns, goods as a JSON cell.
    $csv = Join-Path $WorkDirectory 'assignments.csv'
    1..$Count | ForEach-Object {
        [pscustomobject]@{
            pid = '112-233-445 95'; phoneNumber = '+7 910 456-00-11'
            rid = '12345678'; fullname = 'ГКУ «Центр социальной защиты населения»'; account = '03123456789'
            INN = '7707083893'; KPP = '773601001'
            mspCode = '0001'; budgetaryClassificationCode = '00010030000000000000'
            startDate = '2026-12-01T00:00:00+03:00'; endDate = '2027-11-30T00:00:00+03:00'
            nationalPaymentInstrument = '2200 1234 5678 9010'
            certificateType = 'ЕСТР0001'; program = 'ЕСРРАССТ'
            goodsWorksServices = '[{"code":"32.50.22.190-00001","name":"Кресло-коляска с ручным приводом","maxAmount":1500000,"quantity":1}]'
        }
    } | Export-Csv -Path $csv -Encoding utf8 -NoTypeInformation
    Write-Host "Wrote $Count assignments to $csv"

    $sent = Import-Csv -Path $csv | New-ElectronicCertificate
    $sent | Group-Object Batch | ForEach-Object { Write-Host ("Request {0}: {1} records → task {2}" -f $_.Name, $_.Count, $_.Group[0].TaskId) }

    $tasks = $sent | Wait-ElectronicCertificateTask -PollingIntervalSec 1 -TimeoutSec 300
    $tasks | Format-Table -AutoSize | Out-Host

    $results = $tasks | Receive-ElectronicCertificateTaskResult
    $issued = @($results | Where-Object IsProcessedSuccessfully)
    Write-Host "$($issued.Count) of $($results.Count) certificates issued"
    $results | Where-Object { -not $_.IsProcessedSuccessfully } | Format-Table TaskId, RecordId, MessageText -AutoSize | Out-Host

    $first = Get-ElectronicCertificate -CertificateNumber $issued[0].CertificateNumber
    $first | Format-List CertificateNumber, Status, UsageStatus, Program, StartDate, EndDate, Balance | Out-Host

    # The citizen changed the phone number; then the support is cancelled.
    $first | Set-ElectronicCertificate -PhoneNumber '9160000000' | Wait-ElectronicCertificateTask -PollingIntervalSec 1 |
        Receive-ElectronicCertificateTaskResult | Format-Table TaskType, RecordId, IsProcessedSuccessfully -AutoSize | Out-Host
    $first | Block-ElectronicCertificate -BlockReason 'ECBR0001' -Confirm:$false | Wait-ElectronicCertificateTask -PollingIntervalSec 1 | Out-Null
    $blocked = Get-ElectronicCertificate -CertificateNumber $first.CertificateNumber
    Write-Host "Certificate $($blocked.CertificateNumber): $($blocked.Status) — $($blocked.StatusReason)"
}
finally {
    Remove-Item -Recurse -Force $WorkDirectory -ErrorAction SilentlyContinue
}
