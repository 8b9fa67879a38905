# ИС «Электронный сертификат» as a user's integration check: a client registered with the sandbox that build.ps1
# started ($env:GOSAPI_SANDBOX_URI), certificates issued from a CSV, followed, read back, blocked; tampering refused.
BeforeAll {
    $manifest = if ($env:GOSAPI_MODULE_MANIFEST) { $env:GOSAPI_MODULE_MANIFEST } else { Join-Path $PSScriptRoot '../../out/GosApi/GosApi.psd1' }
    Import-Module $manifest -Force
    $script:sandboxUri = if ($env:GOSAPI_SANDBOX_URI) { $env:GOSAPI_SANDBOX_URI } else { 'http://127.0.0.1:5080/' }
    $script:baseUri = [uri]::new([uri]$script:sandboxUri, 'api/1.2.1-У/ес/')
    $script:client = Invoke-RestMethod -Method Post -Uri "$($script:sandboxUri)sandbox/ec/clients" -ContentType 'application/json' -Body '{}'

    function Connect-Sandbox([string] $Secret = $script:client.sharedSecret) {
        Connect-ElectronicCertificateService -BaseUri $script:baseUri -ApiKey (ConvertTo-SecureString $script:client.apiKey -AsPlainText -Force) `
            -SharedSecret (ConvertTo-SecureString $Secret -AsPlainText -Force) -RetryDelay ([timespan]::FromMilliseconds(50)) -PassThru
    }

    function New-Assignment([string] $Type = 'ЕСТР0002') {
        [pscustomobject]@{
            pid = '11223344595'; phoneNumber = '9104560011'; rid = '12345678'; fullname = 'ГКУ ЦСЗН'; account = '03123456789'
            INN = '7707083893'; KPP = '773601001'; mspCode = '0001'; budgetaryClassificationCode = '00010030000000000000'
            startDate = '2026-12-01'; endDate = '2027-11-30'; nationalPaymentInstrument = '2200123456789010'
            certificateType = $Type; program = 'ЕСРРАССС'; certificateAmount = '2500000'
            goodsWorksServices = '[{"code":"86.90.19.190-00001","name":"Курс реабилитации"}]'
        }
    }

    $script:work = Join-Path ([System.IO.Path]::GetTempPath()) "gosapi-pester-ec-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    New-Item -ItemType Directory -Path $script:work | Out-Null
}

AfterAll {
    Remove-Item -Recurse -Force $script:work -ErrorAction SilentlyContinue
    Invoke-RestMethod -Method Delete -Uri "$($script:sandboxUri)sandbox/faults" | Out-Null
}

Describe 'ИС «Электронный сертификат» against the sandbox' {
    BeforeAll { $script:session = Connect-Sandbox }

    It 'shows neither the API key nor the shared secret in the session' {
        $shown = ($script:session | Format-List * -Force | Out-String) + $script:session.ToString() + ($script:session | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue)
        $shown.Contains($script:client.apiKey) | Should -BeFalse
        $shown.Contains($script:client.sharedSecret) | Should -BeFalse
        $script:session.BaseUri.AbsoluteUri | Should -BeLike '*/api/1.2.1-%D0%A3/%D0%B5%D1%81/'
    }

    It 'issues certificates for 120 CSV rows in two requests and reads one back' {
        $csv = Join-Path $script:work 'assignments.csv'
        1..120 | ForEach-Object { New-Assignment } | Export-Csv -Path $csv -Encoding utf8 -NoTypeInformation
        $sent = Import-Csv -Path $csv | New-ElectronicCertificate
        $sent.Count | Should -Be 120
        ($sent.Batch | Sort-Object -Unique) | Should -Be @(1, 2)
        ($sent.TaskId | Sort-Object -Unique).Count | Should -Be 2

        $tasks = $sent | Wait-ElectronicCertificateTask -PollingIntervalSec 1 -TimeoutSec 120
        $tasks.Status | Should -Be @('taskIsExecuted', 'taskIsExecuted')

        $results = $tasks | Receive-ElectronicCertificateTaskResult
        $results.Count | Should -Be 120
        $results | ForEach-Object { $_.IsProcessedSuccessfully | Should -BeTrue }

        $certificate = Get-ElectronicCertificate -CertificateNumber $results[0].CertificateNumber
        $certificate.Status.Code | Should -Be 'ECSTACTV'
        $certificate.Program.Code | Should -Be 'ЕСРРАССС'
        $certificate.CertificateAmount | Should -Be 2500000
        $script:issued = $certificate
    }

    It 'blocks a certificate after confirmation was waived' {
        $script:issued | Block-ElectronicCertificate -BlockReason 'ECBR0005' -Confirm:$false | Wait-ElectronicCertificateTask -PollingIntervalSec 1 | Out-Null
        $blocked = Get-ElectronicCertificate -CertificateNumber $script:issued.CertificateNumber
        $blocked.Status.Code | Should -Be 'ECSTBLKD'
        $blocked.StatusReason.Code | Should -Be 'ECSR0005'
    }

    It 'rejects a bad record before sending anything' {
        $bad = New-Assignment
        $bad.INN = '7707083894'
        { $bad | New-ElectronicCertificate -ErrorAction Stop } | Should -Throw -ErrorId 'ElectronicCertificate.InvalidRecord*'
    }

    It 'refuses a tampered answer' {
        $rule = @{ pathPrefix = '/api/1.2.1-У/ес/ec-create'; kind = 'TamperBody'; count = 1 } | ConvertTo-Json
        Invoke-RestMethod -Method Post -Uri "$($script:sandboxUri)sandbox/faults" -ContentType 'application/json; charset=utf-8' -Body ([System.Text.Encoding]::UTF8.GetBytes($rule)) | Out-Null
        { New-Assignment | New-ElectronicCertificate -ErrorAction Stop } | Should -Throw -ErrorId 'ElectronicCertificate.InvalidResponseSignature*'
    }

    It 'cannot verify anything with a wrong shared secret' {
        Connect-Sandbox -Secret 'a-wrong-shared-secret' | Out-Null
        try {
            { Get-ElectronicCertificateTask -ErrorAction Stop } | Should -Throw -ErrorId 'ElectronicCertificate.InvalidResponseSignature*'
        }
        finally {
            Connect-Sandbox | Out-Null
        }
    }
}
