<#
.SYNOPSIS
    The whole EPGU "ИП онлайн" flow (seed 000) from PowerShell: connect, create an order, build the archive
    with the order number in the request XML, send it chunked, wait for the final status, save the results.

.DESCRIPTION
    Runs against the bundled sandbox by default:
        dotnet run --project src/GosApi.Sandbox          # in one terminal (http://127.0.0.1:5080/)
        dotnet pwsh ./samples/epgu-end-to-end.ps1         # in another
    `./build.ps1 -Task Demo` does both. Against a real contour pass -BaseUri/-Environment and -AccessToken.

.PARAMETER BaseUri
    EPGU base URI; the sandbox's default address when omitted.

.PARAMETER AccessToken
    ESIA access token for the organisation. When omitted, the script connects the way production does: with the
    information system's API key, signed with the organisation's GOST certificate (-ApiKey, -Credential). Against
    the sandbox it registers an API key and gets a test certificate from the sandbox's test CA.

.PARAMETER ApiKey
    The information system's API key (ESIA "идентификационный ключ").

.PARAMETER Credential
    The organisation's GOST certificate with its key (Import-GostCertificate); it signs the API key and every file of
    the package.

.PARAMETER AttachmentMiB
    Size of the generated attachment; 12 MiB makes the archive go out in three chunks.
#>
[CmdletBinding()]
param(
    [uri] $BaseUri = 'http://127.0.0.1:5080/',
    [securestring] $AccessToken,
    [securestring] $ApiKey,
    [object] $Credential,
    [string] $ServiceCode = '10000092161',
    [string] $TargetCode = '-1959599598',
    [string] $Region = '45000000000',
    [ValidateRange(1, 1024)]
    [int] $AttachmentMiB = 12,
    [string] $WorkDirectory = (Join-Path ([System.IO.Path]::GetTempPath()) "gosapi-demo-$([guid]::NewGuid().ToString('N').Substring(0, 8))")
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module GosApi)) {
    Import-Module (Join-Path $PSScriptRoot '../out/GosApi/GosApi.psd1')
}

New-Item -ItemType Directory -Path $WorkDirectory -Force | Out-Null
try {
    if (-not $AccessToken -and -not ($ApiKey -and $Credential)) {
        # The sandbox plays ESIA and the УЦ: an API key for the system and a test certificate for the organisation.
        Write-Host "Registering an API key and getting a test certificate from the sandbox at $BaseUri"
        $registered = Invoke-RestMethod -Method Post -Uri ([uri]::new($BaseUri, 'sandbox/esia/apikeys')) -ContentType 'application/json' -Body '{}'
        $ApiKey = ConvertTo-SecureString $registered.apiKey -AsPlainText -Force
        $pfxPassword = [guid]::NewGuid().ToString()
        $issued = Invoke-RestMethod -Method Post -Uri ([uri]::new($BaseUri, 'sandbox/esia/certificates')) -ContentType 'application/json' `
            -Body (@{ password = $pfxPassword; commonName = 'ООО «Ромашка»'; organization = 'ООО «Ромашка»' } | ConvertTo-Json)
        $pfx = Join-Path $WorkDirectory 'organisation.pfx'
        [System.IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($issued.pkcs12))
        $Credential = Import-GostCertificate $pfx -Password (ConvertTo-SecureString $pfxPassword -AsPlainText -Force)
        Write-Host "Organisation certificate: $($Credential.Certificate.Subject)"
    }

    $session = if ($AccessToken) { Connect-Epgu -BaseUri $BaseUri -AccessToken $AccessToken }
               else { Connect-Epgu -BaseUri $BaseUri -ApiKey $ApiKey -SignWith $Credential }
    Write-Host "Connected: $session ($($session.AuthenticationMethod))"

    # 1. The service wants the EPGU order number inside req.xml, so the order comes first (001 §3.3).
    $order = New-EpguOrder -ServiceCode $ServiceCode -TargetCode $TargetCode -Region $Region
    Write-Host "Created order $($order.OrderId)"

    # 2. Request XML carrying the order number, plus a large attachment.
    $requestXml = Join-Path $WorkDirectory 'req.xml'
    @"
<?xml version="1.0" encoding="UTF-8"?>
<Request>
  <OrderId>$($order.OrderId)</OrderId>
  <Debtor><Name>ООО «Ромашка»</Name><Inn>7707083893</Inn></Debtor>
</Request>
"@ | Set-Content -Path $requestXml -Encoding utf8
    $attachment = Join-Path $WorkDirectory 'attachment.bin'
    $random = [System.Security.Cryptography.RandomNumberGenerator]::Create()
    $buffer = [byte[]]::new(1MB)
    $stream = [System.IO.File]::Create($attachment)
    try { for ($i = 0; $i -lt $AttachmentMiB; $i++) { $random.GetBytes($buffer); $stream.Write($buffer, 0, $buffer.Length) } }
    finally { $stream.Dispose() }

    # Every file gets its detached GOST signature (req.xml.sig, …) when a certificate is at hand.
    $signing = if ($Credential) { @{ SignWith = $Credential } } else { @{} }
    $package = New-EpguPackage -Path $requestXml, $attachment -Destination (Join-Path $WorkDirectory 'order.zip') @signing
    Write-Host "Package $($package.Path): $([math]::Round($package.Bytes / 1MB, 1)) MiB, files: $($package.Files -join ', ')"
    if ($Credential) {
        $check = Test-EpguPackage -LiteralPath $package.Path -RequireSignatures
        Write-Host "Signatures: $(@($check.Signatures | Where-Object IsValid).Count) of $($check.Signatures.Count) valid"
    }

    # 3. Chunked upload (progress bar), wait for the final status, save the agency's files.
    $results = $order |
        Send-EpguPackage -Path $package.Path -Chunked |
        Tee-Object -Variable upload |
        Wait-EpguOrder -Timeout 300 -PollIntervalSec 1 |
        Tee-Object -Variable final |
        Save-EpguOrderFile -Destination (Join-Path $WorkDirectory 'result') -Force

    $upload | Format-Table -AutoSize | Out-Host
    $final | Format-List OrderId, ProcessingCode, StatusId, StatusTitle, IsFinal, ServiceName | Out-Host
    $final.Statuses | Format-Table StatusId, Title, Date -AutoSize | Out-Host
    $results | Format-Table -AutoSize | Out-Host
    Write-Host "Files saved in $(Join-Path $WorkDirectory 'result')"
}
finally {
    if ($PSBoundParameters.ContainsKey('WorkDirectory') -eq $false) {
        Write-Host "Work directory: $WorkDirectory"
    }
}
