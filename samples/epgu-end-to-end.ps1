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
    ESIA access token for the organisation. When omitted and BaseUri is a sandbox, one is requested from the
    sandbox's /sandbox/token endpoint.

.PARAMETER AttachmentMiB
    Size of the generated attachment; 12 MiB makes the archive go out in three chunks.
#>
[CmdletBinding()]
param(
    [uri] $BaseUri = 'http://127.0.0.1:5080/',
    [securestring] $AccessToken,
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

if (-not $AccessToken) {
    Write-Host "Requesting a sandbox token from $BaseUri"
    $issued = Invoke-RestMethod -Method Post -Uri ([uri]::new($BaseUri, 'sandbox/token')) -ContentType 'application/json' -Body '{}'
    $AccessToken = ConvertTo-SecureString $issued.access_token -AsPlainText -Force
}

New-Item -ItemType Directory -Path $WorkDirectory -Force | Out-Null
try {
    $session = Connect-Epgu -BaseUri $BaseUri -AccessToken $AccessToken
    Write-Host "Connected: $session"

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

    $package = New-EpguPackage -Path $requestXml, $attachment -Destination (Join-Path $WorkDirectory 'order.zip')
    Write-Host "Package $($package.Path): $([math]::Round($package.Bytes / 1MB, 1)) MiB"

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
