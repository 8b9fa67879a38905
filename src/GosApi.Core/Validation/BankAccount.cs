namespace GosApi.Validation
{
    /// <summary>
    /// 20-digit bank account with its control key (9th digit), checked against the bank's BIK by the
    /// Bank of Russia rule ("Порядок расчета контрольного ключа в номере лицевого счета", 08.09.1997 N 515):
    /// 3 digits from the BIK + the 20 account digits, weights 7,1,3 repeated; Σ (digit·weight mod 10)
    /// must end in 0. The 3 BIK digits are the 7th-9th for an account in a credit institution
    /// (<see cref="Validate"/>) and "0" + the 5th-6th for an account in a Bank of Russia division:
    /// a bank's correspondent account, or a treasury single account (ЕКС 40102…) (<see cref="ValidateCorrespondent"/>).
    /// Treasury accounts (03…) carry no control key and are not checked here.
    /// </summary>
    public static class BankAccount
    {
        public const string DefaultField = "Account";
        public const string DefaultCorrespondentField = "CorrespondentAccount";

        private static readonly int[] Weights = { 7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1 };

        public static bool IsValid(string? account, string? bik) => Validate(account, bik) is null;

        /// <summary>
        /// An account in a credit institution (e.g. a settlement account 40702…).
        /// Null when valid; otherwise e.g. "Account 40702810938000000000: control key is 9, expected 6 for BIK 044525225".
        /// </summary>
        public static ValidationError? Validate(string? account, string? bik, string field = DefaultField) =>
            Check(account, bik, field, correspondent: false);

        public static bool IsValidCorrespondent(string? account, string? bik) => ValidateCorrespondent(account, bik) is null;

        /// <summary>
        /// An account in a Bank of Russia division: a bank's correspondent account (30101…, the к/с of its BIK)
        /// or a treasury single account. Null when valid; otherwise e.g.
        /// "CorrespondentAccount 30101810500000000225: control key is 5, expected 4 for BIK 044525225".
        /// </summary>
        public static ValidationError? ValidateCorrespondent(string? account, string? bik, string field = DefaultCorrespondentField) =>
            Check(account, bik, field, correspondent: true);

        private static ValidationError? Check(string? account, string? bik, string field, bool correspondent)
        {
            var error = Rules.Digits(account, field, new[] { 20 });
            if (error is not null) return error;
            var number = account!;
            if (Rules.IsBlank(bik)) return new ValidationError(field, number, "cannot check the control key: BIK is empty");
            if (bik!.Length != 9 || !Rules.IsDigits(bik))
            {
                return new ValidationError(field, number, "cannot check the control key: BIK " + ValidationError.Show(bik) + " is not 9 digits");
            }

            var prefix = correspondent ? "0" + bik.Substring(4, 2) : bik.Substring(6, 3);
            var expected = Key(prefix, number);
            var actual = Rules.Digit(number, 8);
            return actual == expected
                ? null
                : new ValidationError(field, number, "control key is " + Rules.Number(actual) + ", expected " + Rules.Number(expected) + " for BIK " + bik);
        }

        /// <summary>The key digit that makes the weighted sum end in 0.</summary>
        private static int Key(string prefix, string account)
        {
            var digits = prefix + account.Substring(0, 8) + "0" + account.Substring(9);
            var sum = 0;
            for (var i = 0; i < Weights.Length; i++) sum += Rules.Digit(digits, i) * Weights[i] % 10;
            return sum % 10 * 3 % 10;
        }
    }
}
