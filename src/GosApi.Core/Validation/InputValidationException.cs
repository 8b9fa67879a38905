using System;
using System.Collections.Generic;
using System.Linq;

namespace GosApi.Validation
{
    /// <summary>
    /// Bad input, rejected before any network call. <see cref="ArgumentException.ParamName"/> is the
    /// field of the first error; <see cref="Message"/> is the error messages joined by "; "
    /// (without the " (Parameter '…')" suffix that ArgumentException would add).
    /// </summary>
    public class InputValidationException : ArgumentException
    {
        private readonly string _message;

        public InputValidationException(ValidationError error)
            : this(new[] { error ?? throw new ArgumentNullException(nameof(error)) })
        {
        }

        public InputValidationException(IEnumerable<ValidationError> errors)
            : this(Freeze(errors))
        {
        }

        private InputValidationException(ValidationError[] errors)
            : base(Join(errors), errors[0].Field)
        {
            Errors = errors;
            _message = Join(errors);
        }

        /// <summary>Every broken rule, in the order found; never empty.</summary>
        public IReadOnlyList<ValidationError> Errors { get; }

        public override string Message => _message;

        private static ValidationError[] Freeze(IEnumerable<ValidationError> errors)
        {
            if (errors is null) throw new ArgumentNullException(nameof(errors));
            var list = errors.ToArray();
            if (list.Length == 0) throw new ArgumentException("At least one validation error is required.", nameof(errors));
            if (list.Any(e => e is null)) throw new ArgumentException("Validation errors must not be null.", nameof(errors));
            return list;
        }

        private static string Join(ValidationError[] errors) => string.Join("; ", errors.Select(e => e.Message));
    }
}
