using GosApi.Errors;
using RestSharp;

namespace GosApi.Http
{
    /// <summary>Turns an unsuccessful response of one service into a <see cref="GosApiException"/>.</summary>
    internal interface IApiErrorTranslator
    {
        GosApiException Translate(RestResponse response, RequestTraits traits, string method, string redactedUrl);
    }
}
