# The operations kit of issue 9 as a sysadmin's integration check against the sandbox that build.ps1 started
# ($env:GOSAPI_SANDBOX_URI): request XML per XSD, the order number put into it, sign and pack, a request log of the
# whole flow, statistics that count a 429, and an incident report made from an injected 500.
BeforeAll {
    $manifest = if ($env:GOSAPI_MODULE_MANIFEST) { $env:GOSAPI_MODULE_MANIFEST } else { Join-Path $PSScriptRoot '../../out/GosApi/GosApi.psd1' }
    Import-Module $manifest -Force
    $script:baseUri = if ($env:GOSAPI_SANDBOX_URI) { $env:GOSAPI_SANDBOX_URI } else { 'http://127.0.0.1:5080/' }

    $script:work = Join-Path ([System.IO.Path]::GetTempPath()) "gosapi-pester-ops-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    New-Item -ItemType Directory -Path $script:work | Out-Null

    # A token of our own per test: its client_id/org_oid show up in the report, and the sandbox's recorded
    # requests can be told apart by it from those of the other suites.
    function New-SandboxToken([string] $ClientId = 'OPSCHECK', [string] $OrgOid = '1000299353') {
        $body = @{ clientId = $ClientId; orgOid = $OrgOid } | ConvertTo-Json
        (Invoke-RestMethod -Method Post -Uri "$($script:baseUri)sandbox/token" -ContentType 'application/json' -Body $body).access_token
    }
    function Connect-Sandbox([string] $Token, [hashtable] $Extra = @{}) {
        Connect-Epgu -BaseUri $script:baseUri -AccessToken (ConvertTo-SecureString $Token -AsPlainText -Force) -RetryDelay ([timespan]::FromMilliseconds(50)) @Extra
    }
    function Add-SandboxFault([hashtable] $Rule) {
        Invoke-RestMethod -Method Post -Uri "$($script:baseUri)sandbox/faults" -ContentType 'application/json' -Body ($Rule | ConvertTo-Json) | Out-Null
    }
    function Get-SandboxRequest([string] $Token) {
        @(Invoke-RestMethod -Method Get -Uri "$($script:baseUri)sandbox/requests") |
            ForEach-Object { $_ } |
            Where-Object { $_.headers.PSObject.Properties['Authorization'] -and $_.headers.Authorization -eq "Bearer $Token" }
    }
    function Read-RequestLog([string] $Path) {
        @(Get-Content -LiteralPath $Path -Encoding utf8 | Where-Object { $_.Trim() } | ForEach-Object { $_ | ConvertFrom-Json })
    }

    # The service's XSD set, as operators ship it: a main schema that includes a file of types.
    $script:ns = 'urn://x-artefacts-gosapi-test/request/1.0.0'
    $script:xsd = Join-Path $script:work 'request.xsd'
    @"
<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="$($script:ns)" targetNamespace="$($script:ns)" elementFormDefault="qualified">
  <xs:include schemaLocation="types.xsd"/>
  <xs:element name="Request">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="OrderId" type="xs:long"/>
        <xs:element name="Snils" type="t:SnilsType"/>
        <xs:element name="Inn" type="t:InnType"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
"@ | Set-Content -Path $script:xsd -Encoding utf8
    @"
<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="$($script:ns)" elementFormDefault="qualified">
  <xs:simpleType name="SnilsType"><xs:restriction base="xs:string"><xs:pattern value="\d{11}"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="InnType"><xs:restriction base="xs:string"><xs:pattern value="\d{10}|\d{12}"/></xs:restriction></xs:simpleType>
</xs:schema>
"@ | Set-Content -Path (Join-Path $script:work 'types.xsd') -Encoding utf8

    function New-RequestXml([string] $Path, [string] $Snils = '11223344595', [string] $Inn = '7707083893', [string] $OrderId = '0') {
        @"
<?xml version="1.0" encoding="UTF-8"?>
<Request xmlns="$($script:ns)">
  <OrderId>$OrderId</OrderId>
  <Snils>$Snils</Snils>
  <Inn>$Inn</Inn>
</Request>
"@ | Set-Content -Path $Path -Encoding utf8
        $Path
    }

    # The organisation's signing certificate from the sandbox's test CA (services 10000001020/21 check it).
    $pfxPassword = [guid]::NewGuid().ToString()
    $issued = Invoke-RestMethod -Method Post -Uri "$($script:baseUri)sandbox/esia/certificates" -ContentType 'application/json; charset=utf-8' `
        -Body ([System.Text.Encoding]::UTF8.GetBytes((@{ password = $pfxPassword; commonName = 'ООО «Ромашка»'; organization = 'ООО «Ромашка»' } | ConvertTo-Json)))
    $pfx = Join-Path $script:work 'organisation.pfx'
    [System.IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($issued.pkcs12))
    $script:signer = Import-GostCertificate -Path $pfx -Password (ConvertTo-SecureString $pfxPassword -AsPlainText -Force)

    # Order number in req.xml and a valid signature for every file.
    $script:signedService = @{ ServiceCode = '10000001021'; TargetCode = '-10000001021'; Region = '45000000000' }
    $script:plainService = @{ ServiceCode = '10000000113'; TargetCode = '-10000000113'; Region = '45000000000' }
}

AfterAll {
    Remove-Item -Recurse -Force $script:work -ErrorAction SilentlyContinue
    Invoke-RestMethod -Method Delete -Uri "$($script:baseUri)sandbox/faults" | Out-Null
}

Describe 'Request XML per the service''s XSD' {
    It 'accepts a good request and reports each error of a bad one with its line' {
        $good = New-RequestXml (Join-Path $script:work 'good.xml')
        $result = Test-EpguRequestXml -Path $good -SchemaPath $script:xsd
        $result.IsValid | Should -BeTrue
        $result.Errors.Count | Should -Be 0

        $bad = New-RequestXml (Join-Path $script:work 'bad.xml') -Snils '112-233-445 95' -Inn '77'
        $result = Test-EpguRequestXml -Path $bad -SchemaPath $script:xsd -ErrorAction SilentlyContinue -ErrorVariable invalid
        $result.IsValid | Should -BeFalse
        $result.Errors.Count | Should -Be 2
        ($result.Errors | ForEach-Object Line) | Should -Be @(4, 5)
        $invalid[0].FullyQualifiedErrorId | Should -BeLike 'Epgu.InvalidRequestXml*'
        Test-EpguRequestXml -Path $bad -SchemaPath $script:xsd -Quiet -ErrorAction SilentlyContinue | Should -BeFalse
    }

    It 'puts the order number where the XPath points, keeps the declaration, and refuses a missing node' {
        $xml = New-RequestXml (Join-Path $script:work 'update.xml')
        $update = Update-EpguRequestXml -Path $xml -OrderId 764255248 -XPath '/r:Request/r:OrderId' -Namespace @{ r = $script:ns } -PassThru
        $update.Nodes | Should -Be 1
        $update.Changed | Should -BeTrue
        $text = Get-Content -LiteralPath $xml -Raw
        $text | Should -BeLike '<?xml version="1.0" encoding="UTF-8"?>*'
        ([xml]$text).Request.OrderId | Should -Be '764255248'
        Test-EpguRequestXml -Path $xml -SchemaPath $script:xsd -Quiet | Should -BeTrue

        { Update-EpguRequestXml -Path $xml -OrderId 764255248 -XPath '//r:OrderNumber' -Namespace @{ r = $script:ns } -ErrorAction Stop } |
            Should -Throw -ErrorId 'Epgu.XPathNotFound*'
    }

    It 'refuses to pack a request that breaks the schema' {
        $bad = New-RequestXml (Join-Path $script:work 'unpacked.xml') -Inn 'ИНН'
        { New-EpguPackage -Path $bad -Destination (Join-Path $script:work 'never.zip') -SchemaPath $script:xsd -ErrorAction Stop } | Should -Throw
        Test-Path (Join-Path $script:work 'never.zip') | Should -BeFalse
    }
}

Describe 'Request log of a full flow' {
    BeforeAll {
        $script:token = New-SandboxToken
        $script:log = Join-Path $script:work 'requests.jsonl'
        $script:session = Connect-Sandbox $script:token @{ LogPath = $script:log }

        $order = New-EpguOrder @script:signedService
        $folder = New-Item -ItemType Directory -Path (Join-Path $script:work 'flow') -Force
        $xml = New-RequestXml (Join-Path $folder 'req.xml')
        Update-EpguRequestXml -Path $xml -OrderId $order.OrderId -XPath '/r:Request/r:OrderId' -Namespace @{ r = $script:ns }
        $scan = Join-Path $folder 'scan.bin'
        [System.IO.File]::WriteAllBytes($scan, [byte[]]::new(6MB))
        $package = New-EpguPackage -Path $xml, $scan -Destination (Join-Path $script:work 'flow.zip') -SchemaPath $script:xsd -SignWith $script:signer -CompressionLevel 0 -Force
        $script:package = $package
        $script:final = $order | Send-EpguPackage -Path $package.Path -Chunked | Wait-EpguOrder -Timeout 120 -PollIntervalSec 0.2
        $script:saved = $script:final | Save-EpguOrderFile -Destination (Join-Path $script:work 'flow-out') -Force
        $script:order = $order
    }

    It 'signs, sends and gets the result the sandbox accepted' {
        $script:package.Files | Should -Contain 'req.xml.sig'
        $script:final.StatusId | Should -Be 3
        @($script:saved).Count | Should -BeGreaterThan 0
    }

    It 'has one line per request the sandbox recorded, in the documented form' {
        $recorded = @(Get-SandboxRequest $script:token)
        $lines = Read-RequestLog $script:log
        $recorded.Count | Should -BeGreaterThan 4
        $lines.Count | Should -Be $recorded.Count
        foreach ($line in $lines) {
            $line.service | Should -Be 'Epgu'
            $line.method | Should -BeIn 'GET', 'POST'
            $line.url | Should -BeLike "$($script:baseUri)*"
            $line.time | Should -BeOfType datetime
            $line.status | Should -BeIn 200, 206
            $line.retries | Should -Be 0
            $line.PSObject.Properties.Name | Should -Contain 'durationMs'
            $line.PSObject.Properties.Name | Should -Contain 'operation'
        }
        # Times in UTC to the millisecond, as written (ConvertFrom-Json made them DateTime above).
        Get-Content -LiteralPath $script:log | ForEach-Object { $_ | Should -Match '^\{"time":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z",' }
        # Every path the sandbox saw is in the log as often as it saw it.
        $sent = $recorded | ForEach-Object { "$($_.method) $($_.path)" } | Sort-Object
        $logged = $lines | ForEach-Object { "$($_.method) $(([uri]$_.url).AbsolutePath)" } | Sort-Object
        $logged | Should -Be $sent
        # The order a line concerns, from the answer of create order on.
        ($lines | Where-Object operation -EQ 'create order').entityId | Should -Be "order $($script:order.OrderId)"
        ($lines | Where-Object operation -Like 'send chunk*').entityId | Sort-Object -Unique | Should -Be "order $($script:order.OrderId)"
    }

    It 'holds no token and no header or body' {
        $text = Get-Content -LiteralPath $script:log -Raw
        $text.Contains($script:token) | Should -BeFalse
        $text | Should -Not -Match 'Bearer|Authorization|eyJ'
        $text | Should -Not -Match 'OrderId>|<Request'
    }

    It 'is summarised by Get-GosApiStatistics -LogPath like the session' {
        $fromLog = Get-GosApiStatistics -LogPath $script:log
        $fromSession = Get-GosApiStatistics -Session $script:session
        $fromLog.Service | Should -Be 'Epgu'
        $fromLog.Source | Should -Be (Resolve-Path $script:log).ProviderPath
        $fromLog.Requests | Should -Be (Read-RequestLog $script:log).Count
        $fromLog.Requests | Should -Be $fromSession.Requests
        $fromLog.Throttled | Should -Be 0
        ($fromLog.Quotas | Where-Object Quota -EQ 'requests per minute').Limit | Should -Be 2000
        ($fromLog.Quotas | Where-Object Quota -EQ 'requests per day').Limit | Should -Be 2880000
    }

    It 'takes the log file from $GosApiLogPath when -LogPath is not given' {
        # A plain string; see the next test for the value of a command.
        $GosApiLogPath = [System.IO.Path]::Combine($script:work, 'preference.jsonl')
        $token = New-SandboxToken -ClientId 'OPSPREF'
        $session = Connect-Sandbox $token
        Get-EpguOrderStatus -OrderId 1 -Session $session | Out-Null
        (Read-RequestLog $GosApiLogPath).Count | Should -Be @(Get-SandboxRequest $token).Count
    }

    It 'takes $GosApiLogPath set from the output of a command' {
        $GosApiLogPath = Join-Path -Path $script:work -ChildPath 'preference-wrapped.jsonl'
        $session = Connect-Sandbox (New-SandboxToken -ClientId 'OPSPREF2')
        Get-EpguOrderStatus -OrderId 1 -Session $session | Out-Null
        Test-Path $GosApiLogPath | Should -BeTrue
    }
}

Describe 'Statistics and quotas' {
    It 'counts an injected 429 that the pipeline rode out' {
        $log = Join-Path $script:work 'throttled.jsonl'
        $session = Connect-Sandbox (New-SandboxToken -ClientId 'OPS429') @{ LogPath = $log }
        Add-SandboxFault @{ kind = 'TooManyRequests'; pathPrefix = '/api/gusmev/order'; count = 1; retryAfterSeconds = 1 }
        $order = New-EpguOrder @script:plainService -Session $session
        $order.OrderId | Should -BeGreaterThan 0

        $summary = Get-GosApiStatistics -Session $session
        $summary.Service | Should -Be 'Epgu'
        $summary.Requests | Should -Be 2
        $summary.Throttled | Should -Be 1
        $summary.Retries | Should -Be 1
        $summary.Failures | Should -Be 0
        $summary.ErrorsByCode['429'] | Should -Be 1

        $lines = Read-RequestLog $log
        ($lines | ForEach-Object status) | Should -Be @(429, 200)
        ($lines | ForEach-Object retries) | Should -Be @(0, 1)
        $fromLog = Get-GosApiStatistics -LogPath $log
        $fromLog.Throttled | Should -Be 1
        $fromLog.Retries | Should -Be 1
        $fromLog.ErrorsByCode['429'] | Should -Be 1
    }

    It 'sums the logs of several scheduled scripts, each file and service on its own' {
        $a = Join-Path $script:work 'task-a.jsonl'
        $b = Join-Path $script:work 'task-b.jsonl'
        $first = Connect-Sandbox (New-SandboxToken -ClientId 'OPSA') @{ LogPath = $a }
        $second = Connect-Sandbox (New-SandboxToken -ClientId 'OPSB') @{ LogPath = $b }
        Get-EpguOrderStatus -OrderId 1 -Session $first | Out-Null
        Get-EpguOrderStatus -OrderId 1, 2 -Session $second | Out-Null
        $summaries = Get-GosApiStatistics -LogPath (Join-Path $script:work 'task-*.jsonl')
        $summaries.Count | Should -Be 2
        ($summaries | Measure-Object Requests -Sum).Sum | Should -Be ((Read-RequestLog $a).Count + (Read-RequestLog $b).Count)
    }

    It 'warns at 90% of a quota and shows the session''s own limits' {
        $session = Connect-Sandbox (New-SandboxToken -ClientId 'OPSQUOTA')
        $session.Options.OrdersPerTenMinutes = 2
        $session.Options.RequestsPerHour = 1000
        New-EpguOrder @script:plainService -Session $session -WarningVariable first -WarningAction SilentlyContinue | Out-Null
        $first | Should -BeNullOrEmpty
        New-EpguOrder @script:plainService -Session $session -WarningVariable second -WarningAction SilentlyContinue | Out-Null
        "$second" | Should -BeLike '*2 of 2 orders of service 10000000113 per 10 minutes*'

        $summary = Get-GosApiStatistics -Session $session -WarningVariable near -WarningAction SilentlyContinue
        ($summary.Quotas | Where-Object Quota -EQ 'requests per hour').Limit | Should -Be 1000
        $orders = $summary.Quotas | Where-Object Quota -Like 'orders of service 10000000113*'
        $orders.Used | Should -Be 2
        $orders.Limit | Should -Be 2
        $orders.IsNearLimit | Should -BeTrue
        $summary.NearLimit.Quota | Should -Contain $orders.Quota
        "$near" | Should -BeLike '*orders of service 10000000113*'
    }
}

Describe 'Incident report from an injected 500' {
    BeforeAll {
        $script:incidentToken = New-SandboxToken -ClientId 'OPSIR' -OrgOid '1000477001'
        $script:incidentSession = Connect-Sandbox $script:incidentToken
        Add-SandboxFault @{ kind = 'Status'; statusCode = 500; pathPrefix = '/api/gusmev/order'; method = 'POST'; count = 1 }
        $script:failure = $null
        try { New-EpguOrder @script:plainService -Session $script:incidentSession -ErrorAction Stop }
        catch { $script:failure = $_ }
        $script:description = 'Плановая отправка. Заявитель Иванов Иван Иванович, СНИЛС 112-233-445 95, телефон +7 (912) 345-67-89, паспорт 45 06 123456.'
        $script:reportPath = Join-Path $script:work 'incident.txt'
        $script:file = New-EpguIncidentReport -ErrorRecord $script:failure -Mnemonic 'OPSIR' -Description $script:description `
            -Analysis 'Повтор через минуту дал ту же ошибку; маркер действителен.' -Environment PROD -Path $script:reportPath
        $script:text = [System.IO.File]::ReadAllText($script:reportPath, [System.Text.Encoding]::UTF8)
    }

    It 'came from the failed create order' {
        $script:failure | Should -Not -BeNullOrEmpty
        $script:failure.FullyQualifiedErrorId | Should -BeLike 'Epgu.*'
        $script:file | Should -BeOfType System.IO.FileInfo
        $script:file.FullName | Should -Be $script:reportPath
    }

    It 'is UTF-8 text with the subject line and all eight items' {
        $bytes = [System.IO.File]::ReadAllBytes($script:reportPath)
        [System.Text.UTF8Encoding]::new($false, $true).GetString($bytes) | Should -Be $script:text
        $script:text | Should -Match '(?m)^Кому: sd@sc\.digital\.gov\.ru$'
        $script:text | Should -Match '(?m)^Тема: OPSIR #API-ЕПГУ #Ошибка 500 при получении orderId$'
        foreach ($n in 1..8) { $script:text | Should -Match "(?m)^$n\. \S" }
        $script:text | Should -Match 'client_id\): OPSIR'
        $script:text | Should -Match 'org_oid\): 1000477001'
        $script:text | Should -Match 'PROD'
        $script:text | Should -Match 'HTTP-метод: POST'
        $script:text | Should -Match '/api/gusmev/order'
        $script:text | Should -Match 'Повтор через минуту'
    }

    It 'holds no token and masks personal data' {
        $script:text.Contains($script:incidentToken) | Should -BeFalse
        $script:text | Should -Match 'Authorization: Bearer \*\*\*'
        $script:text | Should -Not -Match 'eyJ'
        $script:text | Should -Not -Match '112-233-445 95'
        $script:text | Should -Not -Match '912\) 345-67-89'
        $script:text | Should -Not -Match '45 06 123456'
        $script:text | Should -Match 'СНИЛС \*\*\*'
    }

    It 'keeps an existing file without -Force and gives the object with -AsObject' {
        { New-EpguIncidentReport -ErrorRecord $script:failure -Mnemonic 'OPSIR' -Description 'x' -Path $script:reportPath -ErrorAction Stop } | Should -Throw
        $report = New-EpguIncidentReport -ErrorRecord $script:failure -Mnemonic 'OPSIR' -Description 'x' -Environment SVCDEV -AsObject
        $report.Subject | Should -Be 'OPSIR #API-ЕПГУ #Ошибка 500 при получении orderId'
        $report.Recipient | Should -Be 'sd@sc.digital.gov.ru'
        $report.Environment | Should -Be 'SVCDEV'
        $report.Items.Count | Should -Be 8
        $report.Path | Should -BeNullOrEmpty
    }

    It 'reports the session''s last failure without -ErrorRecord' {
        $text = New-EpguIncidentReport -Session $script:incidentSession -Mnemonic 'OPSIR' -Description 'Последняя ошибка сессии' -Summary 'Ошибка 500 при создании заявления'
        $text | Should -BeOfType string
        $text | Should -Match '(?m)^Тема: OPSIR #API-ЕПГУ #Ошибка 500 при создании заявления$'
    }
}
