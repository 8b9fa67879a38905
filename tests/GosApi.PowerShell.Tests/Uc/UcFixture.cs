using GosApi.PowerShell.Tests.Infrastructure;
using GosApi.Sandbox;
using GosApi.Sandbox.Esia;
using GosApi.Sandbox.Uc;

namespace GosApi.PowerShell.Tests.Uc;

/// <summary>A sandbox with an УЦ manager, a УЦ operator's PFX from the test CA, and an engine connected (fast clock).</summary>
public class UcFixture : SandboxFixture
{
    public const string PfxPassword = "Operator-Pfx-9";
    public UcManager Manager { get; private set; } = null!;
    public TestFiles Files { get; } = new();
    public string OperatorPfx => Path.Combine(Files.Root, "operator.pfx");
    public Uri ApiUri => new(Sandbox.BaseUri, "api/external/v2/");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Manager = Sandbox.RegisterUcManager();
        var operatorCertificate = Sandbox.IssueTestCertificate(new TestCertificateRequest { CommonName = "Оператор УЦ Основание", Password = PfxPassword });
        File.WriteAllBytes(OperatorPfx, operatorCertificate.Pkcs12!);
        ConnectUc();
    }

    public void ConnectUc(string? password = null) =>
        Engine.Invoke(UcScripts.Connect + " | Out-Null", new Dictionary<string, object>
        {
            ["u"] = ApiUri, ["user"] = Manager.Login, ["pass"] = password ?? Manager.Password,
        }).AssertSuccess();

    public int ApiRequests => Sandbox.Requests.Count(r => r.Path.StartsWith("/api/external/v2/", StringComparison.Ordinal));

    public override async ValueTask DisposeAsync()
    {
        Files.Dispose();
        await base.DisposeAsync();
    }
}

internal static class UcScripts
{
    public const string Connect = "Connect-UcService -BaseUri $u -Credential (New-Object pscredential($user, (ConvertTo-SecureString $pass -AsPlainText -Force))) -RetryDelay 00:00:00.05";

    /// <summary>$person: a valid ФЛ request (splat it); New-Scans $dir [-Skip Паспорт]: five scans.</summary>
    public const string Helpers = @"
        $person = @{
            Type = 'Person'; LastName = 'Петров'; FirstName = 'Акакий'; MiddleName = 'Валентинович'; Gender = 'M'
            BirthDate = [datetime]'1990-09-02'; PassportSerial = '2210'; PassportNumber = '123123'; PassportDate = [datetime]'2011-02-20'
            PassportCode = '520000'; PassportDivision = 'ОВД 1'; Snils = '112-233-445 95'; Inn = '500100732259'
            Email = 'petrov@example.ru'; Phone = '9202923333'; Region = 52; City = 'Нижний Новгород'; Address = 'Минина 26-111'
            Product = 224; OfferJoining = $true
        }
        function New-Scans([string] $Folder, [string[]] $Skip = @()) {
            New-Item -ItemType Directory -Path $Folder -Force | Out-Null
            foreach ($name in 'Заявление на выпуск.pdf', 'Паспорт.pdf', 'СНИЛС.pdf', 'Фото.jpg', 'Application_signed.pdf') {
                if ($Skip | Where-Object { $name.StartsWith($_) }) { continue }
                [System.IO.File]::WriteAllText((Join-Path $Folder $name), ""scan of $name $(New-Guid)"")
            }
            Get-ChildItem -Path $Folder -File | ForEach-Object FullName
        }
        $operator = Import-GostCertificate -Path $pfx -Password (ConvertTo-SecureString $pfxPassword -AsPlainText -Force)
        $keyPassword = ConvertTo-SecureString 'Key-Pass-2026' -AsPlainText -Force
    ";
}
