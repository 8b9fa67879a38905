using System;
using System.Linq;
using System.Management.Automation;
using GosApi.PowerShell.Infrastructure;
using GosApi.Uc.Models;

namespace GosApi.PowerShell.Uc
{
    /// <summary>
    /// New-, Set- and Submit-UcRequest: the "info" fields of a request as parameters that also bind from objects
    /// with the spec's names (e.g. Import-Csv rows with lastName, passportSerial, snils…).
    /// </summary>
    public abstract class UcRequestInfoCmdlet : UcCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("Person", "Entrepreneur", "LegalEntity", "1", "2", "3")]
        public string? Type { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)] public string? LastName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? FirstName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? MiddleName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Gender { get; set; }
        /// <summary>A date: DateTime, or text as dd.MM.yyyy (the spec's form) or yyyy-MM-dd.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)] public object? BirthDate { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? PassportSerial { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? PassportNumber { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public object? PassportDate { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? PassportCode { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? PassportDivision { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Snils { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Inn { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? PersonInn { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Ogrn { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Ogrnip { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Kpp { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Email { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Phone { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? CompanyPhone { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public int? Region { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? City { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Address { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)][Alias("Index")] public string? PostalCode { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public int? RegionLaw { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? CityLaw { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? AddressLaw { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Company { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? CompanyFull { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Position { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Department { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? HeadLastName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? HeadFirstName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? HeadMiddleName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? HeadPosition { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? BasisOfActs { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)][Alias("Products")] public int[]? Product { get; set; }
        // Switches do not bind from objects: a CSV cell "false" would turn them on.
        [Parameter] public SwitchParameter OfferJoining { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("Personal", "RemoteWithQualifiedSignature", "0", "1")]
        public string? IdentificationKind { get; set; }

        [Parameter] public SwitchParameter ForInfoSys { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public long? IdSmevSnils { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public long? IdSmevInnFl { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public long? IdSmevMvd { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public long? IdSmevEgrip { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public long? IdSmevEgrul { get; set; }

        private static readonly string[] InfoParameters = typeof(UcRequestInfoCmdlet)
            .GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Select(p => p.Name).ToArray();

        /// <summary>The request fields given in this call (to refuse them where they do not apply).</summary>
        protected string[] GivenInfoParameters => InfoParameters.Where(MyInvocation.BoundParameters.ContainsKey).ToArray();

        protected UcRequestInfo BuildInfo()
        {
            var info = new UcRequestInfo
            {
                BirthDate = Day("BirthDate", BirthDate), PassportDate = Day("PassportDate", PassportDate),
                Type = Type switch { "Entrepreneur" or "2" => UcApplicantType.Entrepreneur, "LegalEntity" or "3" => UcApplicantType.LegalEntity, _ => UcApplicantType.Person },
                LastName = LastName, FirstName = FirstName, MiddleName = MiddleName, Gender = Gender,
                PassportSerial = PassportSerial, PassportNumber = PassportNumber, PassportCode = PassportCode, PassportDivision = PassportDivision,
                Snils = Snils, Inn = Inn, PersonInn = PersonInn, Ogrn = Ogrn, Ogrnip = Ogrnip, Kpp = Kpp, Email = Email, Phone = Phone, CompanyPhone = CompanyPhone,
                Region = Region, City = City, Address = Address, Index = PostalCode, RegionLaw = RegionLaw, CityLaw = CityLaw, AddressLaw = AddressLaw,
                Company = Company, CompanyFull = CompanyFull, Position = Position, Department = Department,
                HeadLastName = HeadLastName, HeadFirstName = HeadFirstName, HeadMiddleName = HeadMiddleName, HeadPosition = HeadPosition, BasisOfActs = BasisOfActs,
                OfferJoining = OfferJoining, IdentificationKind = IdentificationKind == "RemoteWithQualifiedSignature" || IdentificationKind == "1" ? 1 : 0,
                ForInfoSys = ForInfoSys ? true : (bool?)null,
                IdSmevSnils = IdSmevSnils, IdSmevInnFl = IdSmevInnFl, IdSmevMvd = IdSmevMvd, IdSmevEgrip = IdSmevEgrip, IdSmevEgrul = IdSmevEgrul,
            };
            if (Product != null) info.Products.AddRange(Product);
            return info;
        }

        private static DateTime? Day(string field, object? value)
        {
            value = value is PSObject ps ? ps.BaseObject : value;
            switch (value)
            {
                case null: return null;
                case DateTime date: return date.Date;
                case DateTimeOffset offset: return offset.Date;
            }
            var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!.Trim();
            if (text.Length == 0) return null;
            if (DateTime.TryParseExact(text, new[] { "dd.MM.yyyy", "yyyy-MM-dd", "d.M.yyyy" }, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)) return day;
            throw new ArgumentException($"{field} {text}: must be a date as dd.MM.yyyy (20.02.2011) or yyyy-MM-dd.", field);
        }
    }
}
