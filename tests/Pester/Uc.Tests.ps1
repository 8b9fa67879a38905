# УЦ «Основание» as a user's integration check: a manager registered with the sandbox that build.ps1 started
# ($env:GOSAPI_SANDBOX_URI), a request taken from nothing to an issued certificate with Submit-UcRequest.
BeforeAll {
    $manifest = if ($env:GOSAPI_MODULE_MANIFEST) { $env:GOSAPI_MODULE_MANIFEST } else { Join-Path $PSScriptRoot '../../out/GosApi/GosApi.psd1' }
    Import-Module $manifest -Force
    $script:sandboxUri = if ($env:GOSAPI_SANDBOX_URI) { $env:GOSAPI_SANDBOX_URI } else { 'http://127.0.0.1:5080/' }
    $script:manager = Invoke-RestMethod -Method Post -Uri "$($script:sandboxUri)sandbox/uc/managers" -ContentType 'application/json' -Body '{}'
    $script:work = Join-Path ([System.IO.Path]::GetTempPath()) "gosapi-pester-uc-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    New-Item -ItemType Directory -Path $script:work | Out-Null

    # The УЦ operator's certificate from the sandbox's test CA.
    $pfxPassword = [guid]::NewGuid().ToString()
    $issued = Invoke-RestMethod -Method Post -Uri "$($script:sandboxUri)sandbox/esia/certificates" -ContentType 'application/json; charset=utf-8' `
        -Body ([System.Text.Encoding]::UTF8.GetBytes((@{ password = $pfxPassword; commonName = 'Оператор УЦ' } | ConvertTo-Json)))
    $pfx = Join-Path $script:work 'operator.pfx'
    [System.IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($issued.pkcs12))
    $script:operator = Import-GostCertificate -Path $pfx -Password (ConvertTo-SecureString $pfxPassword -AsPlainText -Force)

    $script:person = @{
        Type = 'Person'; LastName = 'Петров'; FirstName = 'Акакий'; MiddleName = 'Валентинович'; Gender = 'M'
        PassportSerial = '2210'; PassportNumber = '123123'; PassportDate = [datetime]'2011-02-20'; PassportCode = '520-000'
        PassportDivision = 'ОВД 1'; Snils = '11223344595'; Inn = '500100732259'; Phone = '9202923333'; Region = 52; City = 'Нижний Новгород'
        Address = 'Минина 26-111'; OfferJoining = $true
    }
    function New-Scans([string] $Folder, [string[]] $Names) {
        New-Item -ItemType Directory -Path $Folder -Force | Out-Null
        foreach ($name in $Names) { "scan of $name" | Set-Content -Path (Join-Path $Folder $name) -Encoding utf8 }
        Get-ChildItem -Path $Folder -File | ForEach-Object FullName
    }
}

AfterAll {
    Remove-Item -Recurse -Force $script:work -ErrorAction SilentlyContinue
}

Describe 'УЦ «Основание» against the sandbox' {
    BeforeAll {
        $credential = [pscredential]::new($script:manager.login, (ConvertTo-SecureString $script:manager.password -AsPlainText -Force))
        $script:session = Connect-UcService -BaseUri "$($script:sandboxUri)api/external/v2/" -Credential $credential -RetryDelay ([timespan]::FromMilliseconds(50)) -PassThru
    }

    It 'shows no password in the session' {
        $shown = ($script:session | Format-List * -Force | Out-String) + $script:session.ToString() + ($script:session | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue)
        $shown.Contains($script:manager.password) | Should -BeFalse
    }

    It 'lists the products' {
        (Get-UcProduct).Count | Should -BeGreaterThan 0
    }

    It 'takes a request from nothing to a certificate that carries the generated key' {
        $scans = New-Scans (Join-Path $script:work 'scans') 'Заявление.pdf', 'Паспорт.pdf', 'СНИЛС.pdf', 'Фото.jpg', 'Application-2.pdf'
        $result = Submit-UcRequest @script:person -ScanPath $scans -Operator $script:operator -KeyPath (Join-Path $script:work 'applicant.key') `
            -KeyPassword (ConvertTo-SecureString 'Key-Pass-1' -AsPlainText -Force) -Destination (Join-Path $script:work 'issued') -PollingIntervalSec 1
        $result.Status | Should -Be 'Ready'
        $result.KeyMatchesCertificate | Should -BeTrue
        Test-Path $result.CertificatePath | Should -BeTrue
        (Get-UcRequestStatus -RequestId $result.RequestId).Status | Should -Be 'Ready'
    }

    It 'refuses an archive without the passport scan before sending anything' {
        $scans = New-Scans (Join-Path $script:work 'incomplete') 'Заявление.pdf', 'СНИЛС.pdf', 'Фото.jpg', 'Application-2.pdf', 'Application-3.pdf'
        { Submit-UcRequest @script:person -ScanPath $scans -Operator $script:operator -KeyPath (Join-Path $script:work 'x.key') `
            -KeyPassword (ConvertTo-SecureString 'Key-Pass-1' -AsPlainText -Force) -ErrorAction Stop } | Should -Throw -ErrorId 'Uc.InvalidArgument*'
    }
}
