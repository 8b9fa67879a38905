using System;
using System.IO;
using System.Management.Automation;
using GosApi.Diagnostics;
using GosApi.Errors;
using GosApi.Validation;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>Turns Core exceptions into ErrorRecords: ErrorId &lt;Service&gt;.&lt;code&gt; and a fitting category.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(Exception exception, GosApiService service, object? target)
        {
            switch (exception)
            {
                case GosApiException api:
                    return WithDetails(new ErrorRecord(api, api.ErrorId, CategoryOf(api.Kind), target), api.Message, api.Hint);
                case GosApi.Crypto.Pki.GostCryptoException crypto:
                    return WithDetails(new ErrorRecord(crypto, service + ".CryptoError", ErrorCategory.InvalidData, target), crypto.Message, null);
                case InputValidationException invalid:
                    return WithDetails(new ErrorRecord(invalid, service + ".InvalidArgument", ErrorCategory.InvalidArgument, target), invalid.Message, null);
                case ArgumentException argument:
                    return WithDetails(new ErrorRecord(argument, service + ".InvalidArgument", ErrorCategory.InvalidArgument, target), argument.Message, null);
                case FileNotFoundException missing:
                    return new ErrorRecord(missing, service + ".FileNotFound", ErrorCategory.ObjectNotFound, target);
                case UnauthorizedAccessException denied:
                    return new ErrorRecord(denied, service + ".AccessDenied", ErrorCategory.PermissionDenied, target);
                case IOException io:
                    return new ErrorRecord(io, service + ".IOError", ErrorCategory.WriteError, target);
                default:
                    return new ErrorRecord(exception, service + ".Unexpected", ErrorCategory.NotSpecified, target);
            }
        }

        private static ErrorRecord WithDetails(ErrorRecord record, string message, string? hint)
        {
            record.ErrorDetails = new ErrorDetails(SecretScrubber.Scrub(message)) { RecommendedAction = hint == null ? null : SecretScrubber.Scrub(hint) };
            return record;
        }

        public static ErrorCategory CategoryOf(GosApiErrorKind kind)
        {
            switch (kind)
            {
                case GosApiErrorKind.InvalidRequest: return ErrorCategory.InvalidArgument;
                case GosApiErrorKind.Authentication: return ErrorCategory.AuthenticationError;
                case GosApiErrorKind.PermissionDenied: return ErrorCategory.PermissionDenied;
                case GosApiErrorKind.NotFound: return ErrorCategory.ObjectNotFound;
                case GosApiErrorKind.Conflict: return ErrorCategory.ResourceExists;
                case GosApiErrorKind.NotAllowedInCurrentState: return ErrorCategory.InvalidOperation;
                case GosApiErrorKind.LimitExceeded: return ErrorCategory.LimitsExceeded;
                case GosApiErrorKind.ServiceUnavailable: return ErrorCategory.ResourceUnavailable;
                case GosApiErrorKind.ServerError: return ErrorCategory.InvalidResult;
                case GosApiErrorKind.Transport: return ErrorCategory.ConnectionError;
                case GosApiErrorKind.Timeout: return ErrorCategory.OperationTimeout;
                case GosApiErrorKind.InvalidResponse: return ErrorCategory.InvalidData;
                case GosApiErrorKind.Security: return ErrorCategory.SecurityError;
                default: return ErrorCategory.NotSpecified;
            }
        }
    }
}
