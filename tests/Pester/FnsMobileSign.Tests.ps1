# ФНС «Мобильная подпись» as a user's integration check: a partner registered with the sandbox that build.ps1 started
# ($env:GOSAPI_SANDBOX_URI), a signing-ready client, documents signed and their .p7s verified, retries that stay single.
BeforeAll {
    $manifest = if ($env:GOSAPI_MODULE_MANIFEST) { $env:GOSAPI_MODULE_MANIFEST } else { Join-Path $PSScriptRoot '../../out/GosApi/GosApi.psd1' }
    Import-Module $manifest -Force
    $script:sandboxUri = if ($env:GOSAPI_SANDBOX_URI) { $env:GOSAPI_SANDBOX_URI } else { 'http://127.0.0.1:5080/' }
    $script:partner = Invoke-RestMethod -Method Post -Uri "$($script:sandboxUri)sandbox/fns/partners" -ContentType 'application/json' -Body '{}'
    $body = @{ partner = $script:partner.username } | ConvertTo-Json
    $script:signer = Invoke-RestMethod -Method Post -Uri "$($script:sandboxUri)sandbox/fns/consumers" -ContentType 'application/json' -Body $body

    $script:work = Join-Path ([System.IO.Path]::GetTempPath()) "gosapi-pester-fns-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    New-Item -ItemType Directory -Path $script:work | Out-Null
    $ca = Invoke-RestMethod -Uri "$($script:sandboxUri)sandbox/esia/ca"
    $script:caFile = Join-Path $script:work 'sandbox-ca.pem'
    Set-Content -Path $script:caFile -Value $ca -Encoding ascii
}

AfterAll {
    Remove-Item -Recurse -Force $script:work -ErrorAction SilentlyContinue
    Invoke-RestMethod -Method Delete -Uri "$($script:sandboxUri)sandbox/faults" | Out-Null
}

Describe 'ФНС «Мобильная подпись» against the sandbox' {
    BeforeAll {
        $credential = [pscredential]::new($script:partner.username, (ConvertTo-SecureString $script:partner.password -AsPlainText -Force))
        $script:session = Connect-FnsMobileSign -BaseUri $script:sandboxUri -Credential $credential -RetryDelay ([timespan]::FromMilliseconds(50)) -PassThru
    }

    It 'shows no password in the session' {
        $shown = ($script:session | Format-List * -Force | Out-String) + $script:session.ToString() + ($script:session | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue)
        $shown.Contains($script:partner.password) | Should -BeFalse
    }

    It 'signs two files and the downloaded .p7s verify against the test CA' {
        $a = Join-Path $script:work 'Заявление.txt'; 'Прошу зарегистрировать' | Set-Content -Path $a -Encoding utf8
        $b = Join-Path $script:work 'usn.txt'; 'Уведомление о переходе на УСН' | Set-Content -Path $b -Encoding utf8
        $signed = Invoke-FnsSigning -Path $a, $b -ConsumerId $script:signer.id -Wait -PollingIntervalSec 1 -Destination (Join-Path $script:work 'signed')
        $signed.Count | Should -Be 2
        $signed | ForEach-Object { $_.IsSigned | Should -BeTrue; Test-Path $_.SignaturePath | Should -BeTrue }
        $root = Import-GostCertificate -Path $script:caFile
        $signed | Test-GostSignature -TrustedRoot $root | ForEach-Object { $_.IsValid | Should -BeTrue }
    }

    It 'makes one workflow when the answer to a create is lost and the create is retried' {
        $rule = @{ pathPrefix = '/api/rb/workflow'; method = 'POST'; kind = 'LoseResponse'; count = 1 } | ConvertTo-Json
        Invoke-RestMethod -Method Post -Uri "$($script:sandboxUri)sandbox/faults" -ContentType 'application/json' -Body $rule | Out-Null
        $doc = Join-Path $script:work 'once.txt'; 'once' | Set-Content -Path $doc
        $externalId = [guid]::NewGuid().ToString()
        $workflow = New-FnsWorkflow -Type DocumentSigning -ConsumerId $script:signer.id -Path $doc -ExternalId $externalId
        $workflow.IsExisting | Should -BeTrue
        @(Get-FnsWorkflow -ConsumerId $script:signer.id -Type DocumentSigning | Where-Object ExternalId -eq $externalId).Count | Should -Be 1
    }

    It 'rejects a bad SNILS before sending anything' {
        { New-FnsWorkflow -Type Identification -LastName Иванов -FirstName Иван -MiddleName Иванович -Gender M -Birthed 1990-01-01 `
            -Snils '112-233-445 96' -Inn 500100732259 -Phone 79005863454 -Region 18 -City Ижевск `
            -PassportSeries 1234 -PassportNumber 567890 -PassportIssueCode 362-391 -PassportIssuedBy ОВД -PassportIssued 2015-03-12 -ErrorAction Stop } |
            Should -Throw -ErrorId 'FnsMobileSign.InvalidArgument*'
    }
}
