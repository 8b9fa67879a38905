using System;
using GosApi.Epgu;

namespace GosApi.Esia
{
    /// <summary>The ESIA host that issues tokens for each EPGU contour (FIELD-NOTES: test esia-portal1.test.gosuslugi.ru, production esia.gosuslugi.ru).</summary>
    public static class EsiaEnvironments
    {
        public static Uri BaseUriFor(EpguEnvironment environment, Uri epguBaseUri)
        {
            switch (environment)
            {
                case EpguEnvironment.Test:
                case EpguEnvironment.GostTest:
                    return new Uri("https://esia-portal1.test.gosuslugi.ru/");
                case EpguEnvironment.Production:
                    return new Uri("https://esia.gosuslugi.ru/");
                default:
                    // The bundled sandbox serves the ESIA route itself.
                    return epguBaseUri;
            }
        }
    }
}
