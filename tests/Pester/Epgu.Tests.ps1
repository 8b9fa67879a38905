# What a user's integration check looks like: import the staged module, connect to the sandbox that
# build.ps1 started ($env:GOSAPI_SANDBOX_URI), run the flow and assert on the objects.
BeforeAll {
    $manifest = if ($env:GOSAPI_MODULE_MANIFEST) { $env:GOSAPI_MODULE_MANIFEST } else { Join-Path $PSScriptRoot '../../out/GosApi/GosApi.psd1' }
    Import-Module $manifest -Force
    $script:baseUri = if ($env:GOSAPI_SANDBOX_URI) { $env:GOSAPI_SANDBOX_URI } else { 'http://127.0.0.1:5080/' }

    function New-SandboxToken {
        (Invoke-RestMethod -Method Post -Uri "$($script:baseUri)sandbox/token" -ContentType 'application/json' -Body '{}').access_token
    }

    $script:work = Join-Path ([System.IO.Path]::GetTempPath()) "gosapi-pester-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    New-Item -ItemType Directory -Path $script:work | Out-Null
    $script:service = @{ ServiceCode = '10000092161'; TargetCode = '-1959599598'; Region = '45000000000' }
}

AfterAll {
    Remove-Item -Recurse -Force $script:work -ErrorAction SilentlyContinue
    Invoke-RestMethod -Method Delete -Uri "$($script:baseUri)sandbox/faults" | Out-Null
}

Describe 'EPGU flow against the sandbox' {
    BeforeAll {
        $script:token = New-SandboxToken
        $script:session = Connect-Epgu -BaseUri $script:baseUri -AccessToken (ConvertTo-SecureString $script:token -AsPlainText -Force) -RetryDelay ([timespan]::FromMilliseconds(50))
    }

    It 'returns a session without the token in any property' {
        $script:session.BaseUri | Should -Be ([uri]$script:baseUri)
        $shown = ($script:session | Format-List * -Force | Out-String) + $script:session.ToString() + ($script:session | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue)
        $shown.Contains($script:token) | Should -BeFalse
    }

    It 'creates an order, sends a chunked package, waits and saves the result' {
        $order = New-EpguOrder @script:service
        $order.OrderId | Should -BeGreaterThan 0

        $xml = Join-Path $script:work 'req.xml'
        "<Request><OrderId>$($order.OrderId)</OrderId></Request>" | Set-Content -Path $xml -Encoding utf8
        $blob = Join-Path $script:work 'scan.bin'
        [System.IO.File]::WriteAllBytes($blob, [byte[]]::new(6MB))
        $package = New-EpguPackage -Path $xml, $blob -Destination (Join-Path $script:work 'order.zip') -CompressionLevel 0 -Force

        $upload = $order | Send-EpguPackage -Path $package.Path -Chunked
        $upload.OrderId | Should -Be $order.OrderId
        $upload.Method | Should -Be 'Chunked'
        $upload.Chunks | Should -Be 2

        $final = $upload | Wait-EpguOrder -Timeout 120 -PollIntervalSec 0.2
        $final.IsFinal | Should -BeTrue
        $final.StatusId | Should -Be 3
        $final.ResponseFiles.Count | Should -BeGreaterThan 0

        $saved = $final | Save-EpguOrderFile -Destination (Join-Path $script:work 'out') -Force
        $saved | ForEach-Object { Test-Path $_.Path | Should -BeTrue }
    }

    It 'sends a small archive with one /push and gets a new order' {
        $xml = Join-Path $script:work 'small-req.xml'
        '<Request/>' | Set-Content -Path $xml -Encoding utf8
        $package = New-EpguPackage -Path $xml -Destination (Join-Path $script:work 'small.zip') -Force
        $upload = Send-EpguPackage -Path $package.Path -ServiceCode '10000000113' -TargetCode '-10000000113' -Region '45000000000'
        $upload.Method | Should -Be 'Push'
        (Get-EpguOrder -OrderId $upload.OrderId).OrderId | Should -Be $upload.OrderId
    }

    It 'reports unknown orders as not found instead of dropping them' {
        $statuses = Get-EpguOrderStatus -OrderId 1, 2
        $statuses.Count | Should -Be 2
        $statuses | ForEach-Object { $_.Found | Should -BeFalse }
    }

    It 'reads an NSI dictionary page by page' {
        $items = Get-EpguDictionary -Code BIC
        $items.Count | Should -BeGreaterThan 100
        (Get-EpguDictionary -Code BIC -First 3).Count | Should -Be 3
    }

    It 'rejects a bad region before sending anything' {
        { New-EpguOrder -ServiceCode 10000092161 -TargetCode -1959599598 -Region 36 -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*Region 36*11 digits*'
    }

    It 'survives injected 503s on chunks' {
        $rule = @{ pathPrefix = '/api/gusmev/push/chunked'; kind = 'Status'; statusCode = 503; count = 2 } | ConvertTo-Json
        Invoke-RestMethod -Method Post -Uri "$($script:baseUri)sandbox/faults" -ContentType 'application/json' -Body $rule | Out-Null
        $order = New-EpguOrder @script:service
        $xml = Join-Path $script:work 'req2.xml'
        "<Request><OrderId>$($order.OrderId)</OrderId></Request>" | Set-Content -Path $xml -Encoding utf8
        $package = New-EpguPackage -Path $xml -Destination (Join-Path $script:work 'retry.zip') -Force
        $upload = $order | Send-EpguPackage -Path $package.Path -Chunked
        $upload.Retries | Should -BeGreaterOrEqual 2
    }

    It 'turns an API error into an ErrorRecord with the spec code' {
        $err = $null
        Stop-EpguOrder -OrderId 999999999 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err | Should -Not -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Epgu.*'
    }
}
