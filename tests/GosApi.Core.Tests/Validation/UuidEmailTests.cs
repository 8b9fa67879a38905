using GosApi.Validation;
using Xunit;

namespace GosApi.Core.Tests.Validation;

public class UuidEmailTests
{
    [Theory]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData("3F2504E0-4F89-41D3-BA0C-0305E82C3301")]
    [InlineData("00000000-0000-4000-8000-000000000000")]
    public void Valid_uuid_v4(string value)
    {
        Assert.True(Uuid.IsValid(value));
        Assert.Null(Uuid.Validate(value, "TaskId"));
    }

    [Fact]
    public void New_guids_are_valid()
    {
        Assert.True(Uuid.IsValid(Guid.NewGuid().ToString()));
    }

    [Theory]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "TaskId 3f2504e0-4f89-11d3-9a0c-0305e82c3301: must be a version 4 UUID, got version 1")]
    [InlineData("3f2504e0-4f89-31d3-9a0c-0305e82c3301", "TaskId 3f2504e0-4f89-31d3-9a0c-0305e82c3301: must be a version 4 UUID, got version 3")]
    [InlineData("3f2504e0-4f89-41d3-ca0c-0305e82c3301", "TaskId 3f2504e0-4f89-41d3-ca0c-0305e82c3301: must be an RFC 4122 UUID: character 20 must be 8, 9, a or b, got c")]
    [InlineData("3f2504e0-4f89-41d3-7a0c-0305e82c3301", "TaskId 3f2504e0-4f89-41d3-7a0c-0305e82c3301: must be an RFC 4122 UUID: character 20 must be 8, 9, a or b, got 7")]
    [InlineData("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}", "TaskId {3f2504e0-4f89-41d3-9a0c-0305e82c3301}: must be a UUID like 3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData("3f2504e04f8941d39a0c0305e82c3301", "TaskId 3f2504e04f8941d39a0c0305e82c3301: must be a UUID like 3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c330g", "TaskId 3f2504e0-4f89-41d3-9a0c-0305e82c330g: must be a UUID like 3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData("3f2504e0_4f89-41d3-9a0c-0305e82c3301", "TaskId 3f2504e0_4f89-41d3-9a0c-0305e82c3301: must be a UUID like 3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData("3f2504e-04f89-41d3-9a0c-0305e82c3301", "TaskId 3f2504e-04f89-41d3-9a0c-0305e82c3301: must be a UUID like 3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData(null, "TaskId: must not be empty")]
    public void Invalid_uuid(string? value, string message)
    {
        Assert.False(Uuid.IsValid(value));
        Assert.Equal(message, Uuid.Validate(value, "TaskId")!.Message);
    }

    [Theory]
    [InlineData("foster06@bk.ru")]         // seed 004 example
    [InlineData("v.kosolapov@mail.ru")]    // seed 004 example
    [InlineData("user+tag@sub.example.com")]
    [InlineData("o'neil@example.org")]
    [InlineData("admin@почта.рф")]
    [InlineData("a@b-c.ru")]
    public void Valid_email(string value)
    {
        Assert.True(Email.IsValid(value));
        Assert.Null(Email.Validate(value, "Email"));
    }

    [Theory]
    [InlineData("foster06bk.ru")]
    [InlineData("@bk.ru")]
    [InlineData("foster06@")]
    [InlineData("foster06@bk")]
    [InlineData("a@@bk.ru")]
    [InlineData("a@b@bk.ru")]
    [InlineData("a b@bk.ru")]
    [InlineData(" a@bk.ru")]
    [InlineData("a@bk.ru ")]
    [InlineData(".a@bk.ru")]
    [InlineData("a.@bk.ru")]
    [InlineData("a..b@bk.ru")]
    [InlineData("a@.bk.ru")]
    [InlineData("a@bk..ru")]
    [InlineData("a@bk.ru.")]
    [InlineData("a@-bk.ru")]
    [InlineData("a@bk-.ru")]
    [InlineData("a@b_k.ru")]
    [InlineData("Petrov <a@bk.ru>")]
    [InlineData("a,b@bk.ru")]
    public void Invalid_email(string value)
    {
        var error = Email.Validate(value, "Email");

        Assert.NotNull(error);
        Assert.Equal("must be an e-mail address like name@example.ru", error.Rule);
        Assert.False(Email.IsValid(value));
    }

    [Fact]
    public void Email_messages_and_limits()
    {
        Assert.Equal("Email foster06bk.ru: must be an e-mail address like name@example.ru", Email.Validate("foster06bk.ru")!.Message);
        Assert.Equal("Email: must not be empty", Email.Validate("")!.Message);

        var longLocal = new string('a', 65) + "@bk.ru";
        Assert.False(Email.IsValid(longLocal));
        Assert.True(Email.IsValid(new string('a', 64) + "@bk.ru"));

        var longDomain = "a@" + string.Join(".", Enumerable.Repeat(new string('b', 60), 5)) + ".ru";
        Assert.Equal("must be at most 254 characters, got " + longDomain.Length, Email.Validate(longDomain)!.Rule);
        Assert.True(Email.IsValid("a@" + new string('b', 63) + ".ru"));
        Assert.False(Email.IsValid("a@" + new string('b', 64) + ".ru"));
    }
}
