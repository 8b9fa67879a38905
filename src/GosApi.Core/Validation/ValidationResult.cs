using System;
using System.Collections.Generic;

namespace GosApi.Validation
{
    /// <summary>
    /// Collects every problem of a record so that all of them are reported at once:
    /// <code>
    /// new ValidationResult()
    ///     .Add(Inn.Validate(org.Inn, "Organization.Inn", InnKind.LegalEntity))
    ///     .Add(Kpp.Validate(org.Kpp, "Organization.Kpp"))
    ///     .AddIfPresent(org.Ogrn, v => Ogrn.Validate(v, "Organization.Ogrn"))
    ///     .ThrowIfInvalid();
    /// </code>
    /// </summary>
    public sealed class ValidationResult
    {
        private readonly List<ValidationError> _errors = new List<ValidationError>();

        /// <summary>The errors found so far, in the order added.</summary>
        public IReadOnlyList<ValidationError> Errors => _errors;

        public bool IsValid => _errors.Count == 0;

        /// <summary>Adds an error; a null (a check that passed) is ignored.</summary>
        public ValidationResult Add(ValidationError? error)
        {
            if (error is not null) _errors.Add(error);
            return this;
        }

        /// <summary>Adds a rule of the caller's own, e.g. ("PassportNumber", null, "must be given together with PassportSeries").</summary>
        public ValidationResult Add(string field, string? value, string rule) => Add(new ValidationError(field, value, rule));

        /// <summary>Adds every error of another result, e.g. of a nested record.</summary>
        public ValidationResult Add(ValidationResult other)
        {
            if (other is null) throw new ArgumentNullException(nameof(other));
            if (!ReferenceEquals(other, this)) _errors.AddRange(other._errors);
            return this;
        }

        /// <summary>Runs <paramref name="check"/> only when the optional value is given (not null, empty or blank).</summary>
        public ValidationResult AddIfPresent(string? value, Func<string, ValidationError?> check)
        {
            if (check is null) throw new ArgumentNullException(nameof(check));
            return Rules.IsBlank(value) ? this : Add(check(value!));
        }

        /// <summary>Throws an <see cref="InputValidationException"/> carrying every error, if there is any.</summary>
        public void ThrowIfInvalid()
        {
            if (_errors.Count > 0) throw new InputValidationException(_errors);
        }

        /// <summary>The error messages joined by "; ", or "valid".</summary>
        public override string ToString() => IsValid ? "valid" : string.Join("; ", _errors);
    }
}
