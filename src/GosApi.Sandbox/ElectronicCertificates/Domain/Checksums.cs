namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>Check digits of СНИЛС and of a legal entity's ИНН (inputs are already digits of the right length).</summary>
internal static class Checksums
{
    /// <summary>СНИЛС: Σ d[i]·(9−i) over the first 9 digits, mod 101 (100 → 00); numbers up to 001-001-998 are not checked.</summary>
    public static int? SnilsExpected(string snils)
    {
        var number = long.Parse(snils.AsSpan(0, 9), System.Globalization.CultureInfo.InvariantCulture);
        if (number <= 1_001_998) return null;
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (snils[i] - '0') * (9 - i);
        var check = sum % 101;
        return check == 100 ? 0 : check;
    }

    public static bool SnilsValid(string snils) =>
        SnilsExpected(snils) is not { } expected || expected == int.Parse(snils.AsSpan(9, 2), System.Globalization.CultureInfo.InvariantCulture);

    private static readonly int[] InnWeights = [2, 4, 10, 3, 5, 9, 4, 6, 8];

    public static int InnLegalEntityExpected(string inn)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (inn[i] - '0') * InnWeights[i];
        return sum % 11 % 10;
    }

    public static bool InnLegalEntityValid(string inn) => InnLegalEntityExpected(inn) == inn[9] - '0';
}
