using GosApi.Crypto.Pki;
using Xunit;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities.Encoders;

namespace GosApi.Core.Tests.Crypto;

/// <summary>The signature examples of GOST R 34.10-2012 appendix A (also RFC 7091 §7), with the standard's fixed k.</summary>
public class GostSignatureVectorTests
{
    /// <summary>Returns the given bytes as "random" k, the way the standard's example fixes it.</summary>
    private sealed class FixedRandom(byte[] value) : SecureRandom
    {
        public override void NextBytes(byte[] buffer) => NextBytes(buffer, 0, buffer.Length);

        public override void NextBytes(byte[] buffer, int start, int length)
        {
            Assert.Equal(value.Length, length);
            Array.Copy(value, 0, buffer, start, length);
        }

        public override void NextBytes(Span<byte> buffer)
        {
            Assert.Equal(value.Length, buffer.Length);
            value.CopyTo(buffer);
        }
    }

    public static IEnumerable<object[]> Examples => new List<object[]>
    {
        new object[]
        {
            // A.1, 256-bit
            "8000000000000000000000000000000000000000000000000000000000000431", "7",
            "5FBFF498AA938CE739B8E022FBAFEF40563F6E6A3472FC2A514C0CE9DAE23B7E",
            "8000000000000000000000000000000150FE8A1892976154C59CFC193ACCF5B3",
            "2", "08E2A8A0E65147D4BD6316030E16D19C85C97F0A9CA267122B96ABBCEA7E8FC8",
            "7A929ADE789BB9BE10ED359DD39A72C11B60961F49397EEE1D19CE9891EC3B28",
            "7F2B49E270DB6D90D8595BEC458B50C58585BA1D4E9B788F6689DBD8E56FD80B",
            "26F1B489D6701DD185C8413A977B3CBBAF64D1C593D26627DFFB101A87FF77DA",
            "2DFBC1B372D89A1188C09C52E0EEC61FCE52032AB1022E8E67ECE6672B043EE5",
            "77105C9B20BCD3122823C8CF6FCC7B956DE33814E95B7FE64FED924594DCEAB3",
            "41AA28D2F1AB148280CD9ED56FEDA41974053554A42767B83AD043FD39DC0493",
            "01456C64BA4642A1653C235A98A60249BCD6D3F746B631DF928014F6C5BF9C40",
            32
        },
        new object[]
        {
            // A.2, 512-bit
            "4531ACD1FE0023C7550D267B6B2FEE80922B14B2FFB90F04D4EB7C09B5D2D15DF1D852741AF4704A0458047E80E4546D35B8336FAC224DD81664BBF528BE6373", "7",
            "1CFF0806A31116DA29D8CFA54E57EB748BC5F377E49400FDD788B649ECA1AC4361834013B2AD7322480A89CA58E0CF74BC9E540C2ADD6897FAD0A3084F302ADC",
            "4531ACD1FE0023C7550D267B6B2FEE80922B14B2FFB90F04D4EB7C09B5D2D15DA82F2D7ECB1DBAC719905C5EECC423F1D86E25EDBE23C595D644AAF187E6E6DF",
            "24D19CC64572EE30F396BF6EBBFD7A6C5213B3B3D7057CC825F91093A68CD762FD60611262CD838DC6B60AA7EEE804E28BC849977FAC33B4B530F1B120248A9A",
            "2BB312A43BD2CE6E0D020613C857ACDDCFBF061E91E5F2C3F32447C259F39B2C83AB156D77F1496BF7EB3351E1EE4E43DC1A18B91B24640B6DBB92CB1ADD371E",
            "0BA6048AADAE241BA40936D47756D7C93091A0E8514669700EE7508E508B102072E8123B2200A0563322DAD2827E2714A2636B7BFD18AADFC62967821FA18DD4",
            "115DC5BC96760C7B48598D8AB9E740D4C4A85A65BE33C1815B5C320C854621DD5A515856D13314AF69BC5B924C8B4DDFF75C45415C1D9DD9DD33612CD530EFE1",
            "37C7C90CD40B0F5621DC3AC1B751CFA0E2634FA0503B3D52639F5D7FB72AFD61EA199441D943FFE7F0C70A2759A3CDB84C114E1F9339FDF27F35ECA93677BEEC",
            "3754F3CFACC9E0615C4F4A7C4D8DAB531B09B6F9C170C533A71D147035B0C5917184EE536593F4414339976C647C5D5A407ADEDB1D560C4FC6777D2972075B8C",
            "0359E7F4B1410FEACC570456C6801496946312120B39D019D455986E364F365886748ED7A44B3E794434006011842286212273A6D14CF70EA3AF71BB1AE679F1",
            "2F86FA60A081091A23DD795E1E3C689EE512A3C82EE0DCC2643C78EEA8FCACD35492558486B20F1C9EC197C90699850260C93BCBCD9C5C3317E19344E173AE36",
            "1081B394696FFE8E6585E7A9362D26B6325F56778AADBC081C0BFBE933D52FF5823CE288E8C4F362526080DF7F70CE406A6EEB1F56919CB92A9853BDE73E5B4A",
            64
        },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Standard_example_signs_and_verifies(string p, string a, string b, string q, string px, string py, string d, string qx, string qy, string e, string k, string r, string s, int size)
    {
        var curve = new FpCurve(Big(p), Big(a), Big(b), Big(q), BigInteger.One);
        var domain = new ECDomainParameters(curve, curve.CreatePoint(Big(px), Big(py)), Big(q));
        var key = Big(d);

        // Q = dP
        var publicPoint = domain.G.Multiply(key).Normalize();
        Assert.Equal(Big(qx), publicPoint.AffineXCoord.ToBigInteger());
        Assert.Equal(Big(qy), publicPoint.AffineYCoord.ToBigInteger());

        // The signer reads the digest as a little-endian number; the example gives e as a number.
        var hash = Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(size, Big(e));
        Array.Reverse(hash);
        var kBytes = Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray((Big(q).BitLength + 7) / 8, Big(k));

        var signature = GostAlgorithms.SignHash(domain, size, key, hash, new FixedRandom(kBytes));

        Assert.Equal((s + r).ToUpperInvariant(), Hex.ToHexString(signature).ToUpperInvariant().PadLeft(4 * size, '0'));
        Assert.True(GostAlgorithms.VerifyHash(domain, size, publicPoint, hash, signature));

        var tamperedHash = (byte[])hash.Clone();
        tamperedHash[0] ^= 1;
        Assert.False(GostAlgorithms.VerifyHash(domain, size, publicPoint, tamperedHash, signature));
        var tamperedSignature = (byte[])signature.Clone();
        tamperedSignature[size + 3] ^= 0x10;
        Assert.False(GostAlgorithms.VerifyHash(domain, size, publicPoint, hash, tamperedSignature));
    }

    private static BigInteger Big(string hex) => new(hex, 16);
}
