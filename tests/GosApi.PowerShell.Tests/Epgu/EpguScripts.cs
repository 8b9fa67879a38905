namespace GosApi.PowerShell.Tests.Epgu;

/// <summary>Values and script fragments the EPGU tests share.</summary>
internal static class EpguScripts
{
    public const string Service = "10000092161";
    public const string Target = "-1959599598";
    public const string Region = "45000000000";
    public const string PushService = "10000000113";
    public const string PushTarget = "-10000000113";

    public const string OrderTypeName = "GosApi.Epgu.Models.EpguOrder";
    public const string UploadTypeName = "GosApi.Epgu.Models.EpguUploadResult";
    public const string DetailsTypeName = "GosApi.Epgu.Models.EpguOrderDetails";
    public const string StatusTypeName = "GosApi.Epgu.Models.EpguOrderStatus";

    /// <summary>Defines New-TestPackage: req.xml carrying the order number plus an attachment of the given size, zipped without compression.</summary>
    public const string Helpers = @"
        function New-TestPackage([long] $OrderId, [long] $Bytes, [string] $Dir, [string] $Name = 'order.zip') {
            $xml = Join-Path $Dir ""req-$OrderId.xml""
            ""<Request><OrderId>$OrderId</OrderId></Request>"" | Set-Content -Path $xml -Encoding utf8
            $files = @($xml)
            if ($Bytes -gt 0) {
                $blob = Join-Path $Dir ""blob-$OrderId.bin""
                $data = [byte[]]::new($Bytes); [System.Random]::new(7).NextBytes($data)
                [System.IO.File]::WriteAllBytes($blob, $data)
                $files += $blob
            }
            # The service reads the transport XML as req.xml.
            $req = Join-Path $Dir 'req.xml'
            Copy-Item $xml $req -Force
            $files[0] = $req
            (New-EpguPackage -Path $files -Destination (Join-Path $Dir $Name) -CompressionLevel 0 -Force).Path
        }
    ";
}
