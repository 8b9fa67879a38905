namespace GosApi.PowerShell.Tests.ElectronicCertificate;

/// <summary>PowerShell snippets shared by the ИС ЭС tests.</summary>
internal static class EcScripts
{
    public const string Connect = @"
        Connect-ElectronicCertificateService -BaseUri $ecUri -ApiKey (ConvertTo-SecureString $ecKey -AsPlainText -Force) `
            -SharedSecret (ConvertTo-SecureString $ecSecret -AsPlainText -Force) -RetryDelay 00:00:00.05";

    /// <summary>
    /// New-Row [-Type ЕСТР000n]: one CSV-like row with the spec's column names and valid values for the type.
    /// Rows of ЕСТР0001 carry maxAmount and quantity in a JSON goods cell.
    /// </summary>
    public const string Helpers = @"
        function New-Row([string] $Type = 'ЕСТР0001', [string] $Snils = '112-233-445 95') {
            $row = [ordered]@{
                pid = $Snils; phoneNumber = '9104560011'; rid = '12345678'; fullname = 'ГКУ Центр социальной защиты'
                account = '03123456789'; INN = '7707083893'; KPP = '773601001'; mspCode = '0001'; lmspCode = ''
                budgetaryClassificationCode = '00010030000000000000'; startDate = '2026-12-01T00:00:00+03:00'; endDate = '2027-11-30T00:00:00+03:00'
                nationalPaymentInstrument = '2200123456789010'; certificateType = $Type; program = 'ЕСРРАССТ'
                certificateAmount = ''; certificateQuantity = ''; goodsWorksServices = ''
            }
            switch ($Type) {
                'ЕСТР0001' { $row.goodsWorksServices = '[{""code"":""32.50.22.190-00001"",""name"":""Кресло-коляска"",""maxAmount"":1500000,""quantity"":1}]' }
                'ЕСТР0002' { $row.certificateAmount = '3000000'; $row.goodsWorksServices = '[{""code"":""32.50.22.190-00001"",""name"":""Кресло-коляска""}]' }
                'ЕСТР0003' { $row.certificateAmount = '3000000'; $row.certificateQuantity = '2'; $row.goodsWorksServices = '[{""code"":""32.50.22.190-00001"",""name"":""Кресло-коляска"",""maxAmount"":1500000}]' }
                'ЕСТР0004' { $row.certificateAmount = '3000000'; $row.goodsWorksServices = '[{""code"":""32.50.22.190-00001"",""name"":""Кресло-коляска"",""quantity"":2}]' }
            }
            [pscustomobject]$row
        }
    ";
}
