using System.Collections.Generic;
using GosApi.Errors;

namespace GosApi.Epgu
{
    /// <summary>001 Appendix 4: every EPGU error code with its meaning, what to do, and its kind.</summary>
    public static class EpguErrorCatalog
    {
        public sealed class Entry
        {
            public Entry(GosApiErrorKind kind, string meaning, string hint) { Kind = kind; Meaning = meaning; Hint = hint; }
            public GosApiErrorKind Kind { get; }
            public string Meaning { get; }
            public string Hint { get; }
        }

        private const string Regulation = "see Appendix 4.3 of the API connection regulation (partners.gosuslugi.ru/catalog/api_for_gu)";

        public static readonly IReadOnlyDictionary<string, Entry> Codes = new Dictionary<string, Entry>(System.StringComparer.OrdinalIgnoreCase)
        {
            ["access_denied_person_permissions"] = new Entry(GosApiErrorKind.PermissionDenied,
                "The user has not consented to this operation: the token's permissions claim lacks APIPGU",
                "Request the access token with the APIPGU permission (section 4 of the Digital Profile REST API guidelines)."),
            ["access_denied_service"] = new Entry(GosApiErrorKind.PermissionDenied,
                "The information system has no access to this service",
                "Check that an access request for this service was filed and approved; " + Regulation + "."),
            ["access_denied_system"] = new Entry(GosApiErrorKind.PermissionDenied,
                "Access denied for the calling information system",
                "If the service requires GOST TLS, connect over GOST TLS (001 §1.2.1); otherwise check the system's access to EPGU services; " + Regulation + "."),
            ["access_denied_user"] = new Entry(GosApiErrorKind.PermissionDenied,
                "The service does not accept orders from this type of user (legal entity / entrepreneur / person)",
                "Check in the service specification which user types may apply and get the token for such a user."),
            ["access_denied_user_legal"] = new Entry(GosApiErrorKind.PermissionDenied,
                "The token belongs to an organisation that does not own the calling system, but access was requested as 'system owner is the consumer'",
                "Check that parameter of the access request and file a corrected request if it was wrong."),
            ["bad_delegation"] = new Entry(GosApiErrorKind.PermissionDenied,
                "No delegated authority to create the order",
                "Check that the employee acting for the organisation has the authority to create and send orders (regulation §3.2–3.3)."),
            ["bad_request"] = new Entry(GosApiErrorKind.InvalidRequest,
                "Invalid request parameters",
                "Check the request against the method's specification; the message usually names the wrong parameter."),
            ["cancel_not_allowed"] = new Entry(GosApiErrorKind.NotAllowedInCurrentState,
                "The order cannot be cancelled in its current status",
                "Wait for a status that allows cancellation (cancelAllowed) or for the final status."),
            ["config_delegation"] = new Entry(GosApiErrorKind.PermissionDenied,
                "No authority exists for creating orders of this service",
                "Ask api@digital.gov.ru to create an authority for the service."),
            ["internal_error"] = new Entry(GosApiErrorKind.ServerError,
                "The portal failed to process the order",
                "Send an incident report to the support centre (001 Appendix 2)."),
            ["limitation_exception"] = new Entry(GosApiErrorKind.LimitExceeded,
                "A limit of 001 Appendix 3 was exceeded",
                "Wait until the current limit period ends or request higher limits (001 Appendix 3)."),
            ["not_found"] = new Entry(GosApiErrorKind.NotFound,
                "Order not found",
                "Check the orderId: it must be the one returned when the order was created."),
            ["order_access"] = new Entry(GosApiErrorKind.PermissionDenied,
                "The user has no rights to this order",
                "Use an access token issued to this order's applicant that has not expired."),
            ["push_denied"] = new Entry(GosApiErrorKind.PermissionDenied,
                "No rights to send the order: only the head of the organisation or an employee with a power of attorney may",
                "Use a token of the head of the organisation or of an employee with authority to send orders (regulation §3.2–3.3)."),
            ["service_not_found"] = new Entry(GosApiErrorKind.InvalidRequest,
                "No service with this serviceCode",
                "Check serviceCode against the service's specification."),
        };

        /// <summary>Meaning and advice for statuses that come without a JSON body (001 Appendix 4, first table; cancel example).</summary>
        public static Entry ForStatus(int status, string? operation = null)
        {
            switch (status)
            {
                case 204: return new Entry(GosApiErrorKind.NotFound, "Order not found", "Check the orderId: it must be the one returned when the order was created.");
                case 400: return new Entry(GosApiErrorKind.InvalidRequest, "Invalid request parameters", "Check the request against the method's specification.");
                case 401: return new Entry(GosApiErrorKind.Authentication, "Access denied: the access token is missing, invalid or expired", "Get a new access token (Connect-Epgu) and repeat the request.");
                case 403: return new Entry(GosApiErrorKind.PermissionDenied, "The user has no rights for this action", "Use a token of a user who may work with this order.");
                case 404: return new Entry(GosApiErrorKind.NotFound, operation == "cancel order" ? "Order not found" : "Not found", "Check the identifiers in the request.");
                case 405: return new Entry(GosApiErrorKind.NotAllowedInCurrentState, "The order cannot be cancelled now", "Wait for a status that allows cancellation (cancelAllowed) or for the final status.");
                case 409: return new Entry(GosApiErrorKind.Conflict, "The request cannot be processed", "Check the order's state and the request.");
                case 429: return new Entry(GosApiErrorKind.LimitExceeded, "Too many requests", "Check the current limits (001 Appendix 3) and lower the request rate, or request higher limits.");
                case 502: return new Entry(GosApiErrorKind.ServiceUnavailable, "Bad gateway", "Repeat later; if it persists, send an incident report to sd@sc.digital.gov.ru (001 Appendix 2).");
                case 503: return new Entry(GosApiErrorKind.ServiceUnavailable, "Service unavailable", "Repeat later; if it persists, send an incident report to sd@sc.digital.gov.ru (001 Appendix 2).");
                case 504: return new Entry(GosApiErrorKind.ServiceUnavailable, "Gateway timeout", "Repeat later; if it persists, send an incident report to sd@sc.digital.gov.ru (001 Appendix 2).");
                default:
                    return status >= 500
                        ? new Entry(GosApiErrorKind.ServerError, "Internal error of the service", "Send an incident report to sd@sc.digital.gov.ru (001 Appendix 2).")
                        : new Entry(GosApiErrorKind.Unknown, "Unexpected answer", "Send an incident report to sd@sc.digital.gov.ru (001 Appendix 2).");
            }
        }
    }
}
