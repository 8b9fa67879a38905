using System.Text;
using GosApi.Crypto.Hashing;
using Xunit;

namespace GosApi.Core.Tests.Crypto.Hashing;

/// <summary>
/// Published examples of GOST R 34.11-2012 (appendix A; RFC 6986 §10).
/// The standard prints messages and digests as big-endian numbers; implementations (openssl's gost
/// engine, BouncyCastle, CryptoPro) hash the message as a byte string and print the digest bytes in
/// order, which is the same value byte-reversed. Each example is checked in both notations.
/// </summary>
public class StreebogVectorTests
{
    // M1: the 63 ASCII digits "0123…9012". The standard prints it as 0x323130…3130.
    private const string M1 = "012345678901234567890123456789012345678901234567890123456789012";

    private const string M1StandardHex =
        "323130393837363534333231303938373635343332313039383736353433323130393837363534333231303938373635343332313039383736353433323130";

    // M2: "Се ветри, Стрибожи внуци, веютъ с моря стрелами на храбрыя плъкы Игоревы" in Windows-1251, 72 bytes.
    private const string M2Hex =
        "d1e520e2e5f2f0e82c20d1f2f0e8e1eee6e820e2edf3f6e82c20e2e5fef2fa20f120eceef0ff20f1f2f0e5ebe0ece820ede020f5f0e0e1f0fbff20efebfaeafb20c8e3eef0e5e2fb";

    private const string M2StandardHex =
        "fbe2e5f0eee3c820fbeafaebef20fffbf0e1e0f0f520e0ed20e8ece0ebe5f0f2f120fff0eeec20f120faf2fee5e2202ce8f6f3ede220e8e6eee1e8f0f2d1202ce8f0f2e5e220e5d1";

    public static TheoryData<string, string, int, string, string> Examples => new()
    {
        // message (hex, byte order), name, bits, digest as openssl prints it, digest as the standard prints it
        {
            Hex(Encoding.ASCII.GetBytes(M1)), "M1", 512,
            "1b54d01a4af5b9d5cc3d86d68d285462b19abc2475222f35c085122be4ba1ffa00ad30f8767b3a82384c6574f024c311e2a481332b08ef7f41797891c1646f48",
            "486f64c1917879417fef082b3381a4e211c324f074654c38823a7b76f830ad00fa1fbae42b1285c0352f227524bc9ab16254288dd6863dccd5b9f54a1ad0541b"
        },
        {
            Hex(Encoding.ASCII.GetBytes(M1)), "M1", 256,
            "9d151eefd8590b89daa6ba6cb74af9275dd051026bb149a452fd84e5e57b5500",
            "00557be5e584fd52a449b16b0251d05d27f94ab76cbaa6da890b59d8ef1e159d"
        },
        {
            M2Hex, "M2", 512,
            "1e88e62226bfca6f9994f1f2d51569e0daf8475a3b0fe61a5300eee46d961376035fe83549ada2b8620fcd7c496ce5b33f0cb9dddc2b6460143b03dabac9fb28",
            "28fbc9bada033b1460642bdcddb90c3fb3e56c497ccd0f62b8a2ad4935e85f037613966de4ee00531ae60f3b5a47f8dae06915d5f2f194996fcabf2622e6881e"
        },
        {
            M2Hex, "M2", 256,
            "9dd2fe4e90409e5da87f53976d7405b0c0cac628fc669a741d50063c557e8f50",
            "508f7e553c06501d749a66fc28c6cac0b005746d97537fa85d9e40904efed29d"
        },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Standard_examples(string messageHex, string name, int bits, string expected, string expectedAsStandardPrintsIt)
    {
        var message = GostHash.FromHex(messageHex);

        var digest = Streebog.HashData(message, bits);

        Assert.True(expected == GostHash.ToHex(digest), $"{name}, {bits} bit");
        Assert.Equal(expectedAsStandardPrintsIt, GostHash.ToStandardHex(digest));
        Assert.Equal(bits / 8, digest.Length);
    }

    [Fact]
    public void The_messages_are_the_standards_numbers_byte_reversed()
    {
        Assert.Equal(M1StandardHex, GostHash.ToStandardHex(Encoding.ASCII.GetBytes(M1)));
        Assert.Equal(M2StandardHex, GostHash.ToStandardHex(GostHash.FromHex(M2Hex)));
        Assert.Equal(
            "Се ветри, Стрибожи внуци, веютъ с моря стрелами на храбрыя плъкы Игоревы",
            Cp1251Cyrillic(GostHash.FromHex(M2Hex)));
    }

    [Theory]
    [InlineData(256, "3f539a213e97c802cc229d474c6aa32a825a360b2a933a949fd925208d9ce1bb")]
    [InlineData(512, "8e945da209aa869f0455928529bcae4679e9873ab707b55315f56ceb98bef0a7362f715528356ee83cda5f2aac4c6ad2ba3a715c1bcd81cb8e9f90bf4c1c1a8a")]
    public void Empty_message(int bits, string expected)
    {
        Assert.Equal(expected, GostHash.ToHex(Streebog.HashData(ReadOnlySpan<byte>.Empty, bits)));
        using var hash = new Streebog(bits);
        Assert.Equal(expected, GostHash.ToHex(hash.ComputeHash(Array.Empty<byte>())));
    }

    [Theory]
    // One whole block of zero bytes: stage 2 runs once, then stage 3 hashes a block that is only padding.
    [InlineData(256, "df1fda9ce83191390537358031db2ecaa6aa54cd0eda241dc107105e13636b95")]
    [InlineData(512, "b0fd29ac1b0df441769ff3fdb8dc564df67721d6ac06fb28ceffb7bbaa7948c6c014ac999235b58cb26fb60fb112a145d7b4ade9ae566bf2611402c552d20db7")]
    public void One_block_of_zeros(int bits, string expected)
    {
        Assert.Equal(expected, GostHash.ToHex(Streebog.HashData(new byte[64], bits)));
    }

    private static string Hex(byte[] bytes) => GostHash.ToHex(bytes);

    // Windows-1251 maps 0xC0–0xFF to А–я; the rest of M2 is ASCII. (No code-page provider needed.)
    private static string Cp1251Cyrillic(byte[] bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++) chars[i] = bytes[i] >= 0xC0 ? (char)('А' + bytes[i] - 0xC0) : (char)bytes[i];
        return new string(chars);
    }
}
