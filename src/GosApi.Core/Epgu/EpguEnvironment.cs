using System;

namespace GosApi.Epgu
{
    /// <summary>Known EPGU contours (001 §1.2, 000).</summary>
    public enum EpguEnvironment
    {
        /// <summary>The bundled emulator started with <c>dotnet run --project src/GosApi.Sandbox</c>.</summary>
        Sandbox,
        /// <summary>Test contour without GOST TLS: svcdev-beta.test.gosuslugi.ru.</summary>
        Test,
        /// <summary>Test contour with GOST TLS (cipher suite 0xff85): svcdev-gostapi.test.gosuslugi.ru.</summary>
        GostTest,
        /// <summary>Production, GOST TLS only: www.gosuslugi.ru.</summary>
        Production,
        /// <summary>Any other base URI given by the user.</summary>
        Custom,
    }

    public static class EpguEnvironments
    {
        public static Uri BaseUriOf(EpguEnvironment environment)
        {
            switch (environment)
            {
                case EpguEnvironment.Sandbox: return new Uri("http://127.0.0.1:5080/");
                case EpguEnvironment.Test: return new Uri("https://svcdev-beta.test.gosuslugi.ru/");
                case EpguEnvironment.GostTest: return new Uri("https://svcdev-gostapi.test.gosuslugi.ru/");
                case EpguEnvironment.Production: return new Uri("https://www.gosuslugi.ru/");
                default: throw new ArgumentOutOfRangeException(nameof(environment), environment, "A custom environment needs an explicit base URI.");
            }
        }

        /// <summary>The name 001 Appendix 2 wants in an incident report: PROD or SVCDEV.</summary>
        public static string IncidentName(EpguEnvironment environment) => environment == EpguEnvironment.Production ? "PROD" : "SVCDEV";
    }
}
