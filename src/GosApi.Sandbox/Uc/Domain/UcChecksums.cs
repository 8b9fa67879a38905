namespace GosApi.Sandbox.Uc.Domain;

/// <summary>Control digits of СНИЛС, ИНН (10 and 12), ОГРН and ОГРНИП.</summary>
internal static class UcChecksums
{
    public static bool Digits(string? value, int length) => value is not null && value.Length == length && value.All(char.IsAsciiDigit);

    public static bool Snils(string? value)
    {
        if (!Digits(value, 11)) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (value![i] - '0') * (9 - i);
        var check = sum < 100 ? sum : sum is 100 or 101 ? 0 : sum % 101;
        if (check == 100) check = 0;
        return check == int.Parse(value![9..]);
    }

    public static bool Inn10(string? value) =>
        Digits(value, 10) && Weighted(value!, [2, 4, 10, 3, 5, 9, 4, 6, 8]) == value![9] - '0';

    public static bool Inn12(string? value) =>
        Digits(value, 12)
        && Weighted(value!, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == value![10] - '0'
        && Weighted(value!, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == value![11] - '0';

    public static bool Ogrn(string? value) => Digits(value, 13) && long.Parse(value![..12]) % 11 % 10 == value[12] - '0';

    public static bool Ogrnip(string? value) => Digits(value, 15) && long.Parse(value![..14]) % 13 % 10 == value[14] - '0';

    private static int Weighted(string value, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++) sum += (value[i] - '0') * weights[i];
        return sum % 11 % 10;
    }
}
