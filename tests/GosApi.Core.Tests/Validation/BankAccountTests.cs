using GosApi.Validation;
using Xunit;

namespace GosApi.Core.Tests.Validation;

public class BankAccountTests
{
    [Theory]
    [InlineData("40602810700000000025", "049805746")] // Bank of Russia N 515, example 3 (account in a credit institution)
    [InlineData("40702810638000000000", "044525225")] // settlement account at Сбербанк, key computed by hand: 6
    [InlineData("40702810938000000001", "044525225")]
    public void Valid_accounts_in_a_credit_institution(string account, string bik)
    {
        Assert.True(BankAccount.IsValid(account, bik));
        Assert.Null(BankAccount.Validate(account, bik, "Account"));
    }

    [Theory]
    [InlineData("30101810800000000746", "049805000")] // Bank of Russia N 515, example 1 (correspondent account)
    [InlineData("30101810400000000225", "044525225")] // Сбербанк's correspondent account
    [InlineData("40102810545370000003", "004525988")] // treasury single account, УФК по г. Москве
    [InlineData("40102810445370000059", "017003983")] // treasury single account, УФК по Тульской области
    public void Valid_accounts_in_a_Bank_of_Russia_division(string account, string bik)
    {
        Assert.True(BankAccount.IsValidCorrespondent(account, bik));
        Assert.Null(BankAccount.ValidateCorrespondent(account, bik, "CorrespondentAccount"));
    }

    [Fact]
    public void The_two_kinds_use_different_bik_digits()
    {
        Assert.Equal(
            "Account 30101810400000000225: control key is 4, expected 6 for BIK 044525225",
            BankAccount.Validate("30101810400000000225", "044525225")!.Message);
        Assert.Equal(
            "CorrespondentAccount 40702810638000000000: control key is 6, expected 4 for BIK 044525225",
            BankAccount.ValidateCorrespondent("40702810638000000000", "044525225")!.Message);
    }

    [Fact]
    public void Wrong_key_names_the_expected_key_and_the_bik()
    {
        Assert.Equal(
            "Account 40702810938000000000: control key is 9, expected 6 for BIK 044525225",
            BankAccount.Validate("40702810938000000000", "044525225")!.Message);
        Assert.Equal(
            "Supplier.Account 40602810700000000025: control key is 7, expected 6 for BIK 049805747",
            BankAccount.Validate("40602810700000000025", "049805747", "Supplier.Account")!.Message);
        Assert.Equal(
            "CorrespondentAccount 30101810500000000225: control key is 5, expected 4 for BIK 044525225",
            BankAccount.ValidateCorrespondent("30101810500000000225", "044525225")!.Message);
    }

    [Fact]
    public void Every_single_digit_change_of_an_account_is_detected()
    {
        const string account = "40702810638000000000";
        Assert.True(BankAccount.IsValid(account, "044525225"));
        for (var position = 0; position < account.Length; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (account[position] == digit) continue;
                var changed = account.Substring(0, position) + digit + account.Substring(position + 1);
                Assert.False(BankAccount.IsValid(changed, "044525225"), changed);
            }
        }
    }

    [Theory]
    [InlineData("4070281063800000000", "044525225", "Account 4070281063800000000: must be 20 digits, got 19")]
    [InlineData("407028106380000000000", "044525225", "Account 407028106380000000000: must be 20 digits, got 21")]
    [InlineData("40702 810638000000000", "044525225", "Account 40702 810638000000000: must contain digits only")]
    [InlineData(null, "044525225", "Account: must not be empty")]
    [InlineData("40702810638000000000", null, "Account 40702810638000000000: cannot check the control key: BIK is empty")]
    [InlineData("40702810638000000000", "", "Account 40702810638000000000: cannot check the control key: BIK is empty")]
    [InlineData("40702810638000000000", "04452522", "Account 40702810638000000000: cannot check the control key: BIK 04452522 is not 9 digits")]
    [InlineData("40702810638000000000", "04452522x", "Account 40702810638000000000: cannot check the control key: BIK 04452522x is not 9 digits")]
    public void Malformed_account_or_bik(string? account, string? bik, string message)
    {
        Assert.False(BankAccount.IsValid(account, bik));
        Assert.Equal(message, BankAccount.Validate(account, bik)!.Message);
    }

    [Fact]
    public void Correspondent_default_field_name()
    {
        Assert.Equal("CorrespondentAccount: must not be empty", BankAccount.ValidateCorrespondent("", "044525225")!.Message);
    }
}
