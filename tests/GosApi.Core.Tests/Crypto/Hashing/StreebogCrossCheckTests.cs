using System.Security.Cryptography;
using GosApi.Crypto.Hashing;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Xunit;

namespace GosApi.Core.Tests.Crypto.Hashing;

/// <summary>
/// Streebog against BouncyCastle's GOST3411_2012 digests, an independent implementation, on every
/// message length around the block boundaries and on a few megabytes; and the HashAlgorithm plumbing
/// (incremental input, reuse, CryptoStream).
/// </summary>
public class StreebogCrossCheckTests
{
    private static byte[] Bouncy(byte[] data, int offset, int count, int bits)
    {
        IDigest digest = bits == 256 ? new Gost3411_2012_256Digest() : new Gost3411_2012_512Digest();
        digest.BlockUpdate(data, offset, count);
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result, 0);
        return result;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Theory]
    [InlineData(256)]
    [InlineData(512)]
    public void Every_length_from_0_to_200_bytes_matches_BouncyCastle(int bits)
    {
        var data = RandomBytes(200, 4);
        for (var length = 0; length <= 200; length++)
        {
            var expected = GostHash.ToHex(Bouncy(data, 0, length, bits));
            var actual = GostHash.ToHex(Streebog.HashData(data.AsSpan(0, length), bits));
            Assert.True(expected == actual, $"length {length}: BouncyCastle {expected}, ours {actual}");
        }
    }

    [Theory]
    [InlineData(256, 0x00)]
    [InlineData(512, 0x00)]
    [InlineData(256, 0xFF)]
    [InlineData(512, 0xFF)]
    public void Constant_bytes_match_BouncyCastle(int bits, byte fill)
    {
        // All-0xFF blocks make Σ carry out of every word on the second block.
        foreach (var length in new[] { 63, 64, 65, 127, 128, 129, 1000 })
        {
            var data = Enumerable.Repeat(fill, length).ToArray();
            Assert.Equal(GostHash.ToHex(Bouncy(data, 0, length, bits)), GostHash.ToHex(Streebog.HashData(data, bits)));
        }
    }

    [Theory]
    [InlineData(256)]
    [InlineData(512)]
    public void A_few_megabytes_match_BouncyCastle(int bits)
    {
        var data = RandomBytes(3 * 1024 * 1024 + 17, 7);
        Assert.Equal(GostHash.ToHex(Bouncy(data, 0, data.Length, bits)), GostHash.ToHex(Streebog.HashData(data, bits)));
    }

    [Theory]
    [InlineData(256)]
    [InlineData(512)]
    public void TransformBlock_in_odd_pieces_equals_one_shot(int bits)
    {
        var data = RandomBytes(10_000, 11);
        var expected = Streebog.HashData(data, bits);
        var pieces = new[] { 1, 2, 3, 5, 7, 13, 31, 63, 64, 65, 127, 200, 1 };

        using var hash = new Streebog(bits);
        var offset = 0;
        var p = 0;
        var scratch = new byte[300];
        while (offset < data.Length - 500)
        {
            var size = pieces[p++ % pieces.Length];
            // TransformBlock copies input to output when asked; check it still hashes the input.
            Assert.Equal(size, hash.TransformBlock(data, offset, size, scratch, 0));
            offset += size;
        }
        // The last 500 bytes in TransformFinalBlock, itself not a whole number of blocks.
        hash.TransformFinalBlock(data, offset, data.Length - offset);

        Assert.Equal(expected, hash.Hash);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(512)]
    public void Append_byte_by_byte_equals_one_shot(int bits)
    {
        var data = RandomBytes(300, 12);
        using var hash = new Streebog(bits);
        foreach (var b in data) hash.Append(new[] { b });
        Assert.Equal(Streebog.HashData(data, bits), hash.ComputeHash(Array.Empty<byte>()));
    }

    [Fact]
    public void An_instance_is_reset_after_each_digest_and_by_Initialize()
    {
        var a = RandomBytes(150, 1);
        var b = RandomBytes(77, 2);
        using var hash = Streebog.Create512();

        Assert.Equal(Streebog.HashData(a, 512), hash.ComputeHash(a));
        Assert.Equal(Streebog.HashData(b, 512), hash.ComputeHash(b));

        hash.TransformBlock(a, 0, 100, null, 0);
        hash.Initialize();
        Assert.Equal(Streebog.HashData(b, 512), hash.ComputeHash(b));
    }

    [Fact]
    public void Works_inside_a_CryptoStream()
    {
        var data = RandomBytes(100_000, 3);
        using var hash = Streebog.Create256();
        using (var crypto = new CryptoStream(Stream.Null, hash, CryptoStreamMode.Write))
        {
            crypto.Write(data, 0, 33_333);
            crypto.Write(data, 33_333, data.Length - 33_333);
        }
        Assert.Equal(Streebog.HashData(data, 256), hash.Hash);
    }

    [Fact]
    public void Sizes_and_identifiers()
    {
        using var h256 = Streebog.Create256();
        using var h512 = Streebog.Create512();
        Assert.Equal(256, h256.HashSize);
        Assert.Equal(512, h512.HashSize);
        Assert.Equal(64, h256.InputBlockSize);
        Assert.Equal("1.2.643.7.1.1.2.2", h256.Oid);
        Assert.Equal("1.2.643.7.1.1.2.3", h512.Oid);
        Assert.Equal(256, Streebog.Create(256).HashSize);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Streebog(384));
        Assert.Throws<ArgumentOutOfRangeException>(() => Streebog.HashData(new byte[1], 160));
    }
}
