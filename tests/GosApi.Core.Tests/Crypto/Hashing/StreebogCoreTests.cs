using System.Numerics;
using GosApi.Crypto.Hashing;
using Xunit;

namespace GosApi.Core.Tests.Crypto.Hashing;

/// <summary>
/// The internals of the compression function: the LPS table against the standard's definition of S, P
/// and L, the constants' word order, and the 512-bit additions (Σ and N) with their carries — a message
/// long enough to carry N past 2^64 bits is impractical, so the carry paths are tested here directly.
/// </summary>
public class StreebogCoreTests
{
    private static readonly BigInteger TwoTo512 = BigInteger.One << 512;

    private static BigInteger ToBig(ReadOnlySpan<ulong> words)
    {
        var value = BigInteger.Zero;
        for (var i = 7; i >= 0; i--) value = (value << 64) | words[i];
        return value;
    }

    private static ulong[] FromBig(BigInteger value)
    {
        var words = new ulong[8];
        for (var i = 0; i < 8; i++)
        {
            words[i] = (ulong)(value & ulong.MaxValue);
            value >>= 64;
        }
        return words;
    }

    private static ulong[] RandomWords(Random random)
    {
        var bytes = new byte[64];
        random.NextBytes(bytes);
        var words = new ulong[8];
        for (var i = 0; i < 8; i++) words[i] = BitConverter.ToUInt64(bytes, 8 * i);
        return words;
    }

    [Fact]
    public void The_table_computes_LPS_as_the_standard_defines_it()
    {
        var random = new Random(5);
        var fromTable = new ulong[8];
        var fromDefinition = new ulong[8];
        for (var n = 0; n < 500; n++)
        {
            var input = RandomWords(random);
            StreebogCore.Lps(input, fromTable);
            StreebogCore.LpsReference(input, fromDefinition);
            Assert.Equal(fromDefinition, fromTable);
        }
    }

    [Fact]
    public void Pi_is_a_permutation_and_tau_an_involution()
    {
        Assert.Equal(Enumerable.Range(0, 256), StreebogCore.Pi.Select(b => (int)b).OrderBy(b => b));
        for (var i = 0; i < 64; i++) Assert.Equal(i, StreebogCore.Tau[StreebogCore.Tau[i]]);
    }

    [Fact]
    public void L_maps_the_lowest_bit_to_the_last_row_of_A()
    {
        // §5.3: l(a_63…a_0) = XOR of a_i · row(63 − i); the least significant bit selects the last row.
        Assert.Equal(StreebogCore.A[63], StreebogCore.MultiplyByA(1));
        Assert.Equal(StreebogCore.A[0], StreebogCore.MultiplyByA(1UL << 63));
        Assert.Equal(StreebogCore.A[0] ^ StreebogCore.A[63], StreebogCore.MultiplyByA((1UL << 63) | 1));
    }

    [Fact]
    public void Iteration_constants_are_stored_least_significant_word_first()
    {
        var c = StreebogCore.IterationConstants;
        Assert.Equal(96, c.Length);
        Assert.Equal(0xdd806559f2a64507UL, c[0]);      // C1, lowest 64 bits
        Assert.Equal(0xb1085bda1ecadae9UL, c[7]);      // C1, highest 64 bits
        Assert.Equal(0x48bc924af11bd720UL, c[88]);     // C12, lowest 64 bits
        Assert.Equal(0x378ee767f11631baUL, c[95]);     // C12, highest 64 bits
    }

    [Fact]
    public void Adding_one_to_all_ones_wraps_to_zero()
    {
        var acc = Enumerable.Repeat(ulong.MaxValue, 8).ToArray();
        StreebogCore.Add512(acc, 1UL);
        Assert.All(acc, w => Assert.Equal(0UL, w));

        acc = Enumerable.Repeat(ulong.MaxValue, 8).ToArray();
        var one = new ulong[8];
        one[0] = 1;
        StreebogCore.Add512(acc, one);
        Assert.All(acc, w => Assert.Equal(0UL, w));
    }

    [Fact]
    public void The_bit_counter_carries_into_the_next_words()
    {
        // N just below 2^64 bits plus one block (512 bits) carries into word 1; a full carry chain reaches word 7.
        var n = new ulong[8];
        n[0] = ulong.MaxValue - 100;
        StreebogCore.Add512(n, 512UL);
        Assert.Equal(411UL, n[0]);
        Assert.Equal(1UL, n[1]);

        n = new ulong[] { ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, 5 };
        StreebogCore.Add512(n, 1UL);
        Assert.Equal(new ulong[] { 0, 0, 0, 0, 0, 0, 0, 6 }, n);
    }

    [Fact]
    public void Sigma_addition_carries_like_big_integer_addition_mod_2_to_512()
    {
        var random = new Random(9);
        var crafted = new List<(ulong[] A, ulong[] B)>
        {
            // a word that overflows and then receives the incoming carry as well
            (new ulong[] { ulong.MaxValue, ulong.MaxValue, 0, 0, 0, 0, 0, 0 }, new ulong[] { 1, ulong.MaxValue, 0, 0, 0, 0, 0, 0 }),
            // sum of a word is exactly 2^64 − 1 and the carry in makes it overflow
            (new ulong[] { ulong.MaxValue, 0x8000000000000000, 0, 0, 0, 0, 0, 0 }, new ulong[] { 1, 0x7FFFFFFFFFFFFFFF, 0, 0, 0, 0, 0, 0 }),
            // both operands all ones: 2^513 − 2 mod 2^512
            (Enumerable.Repeat(ulong.MaxValue, 8).ToArray(), Enumerable.Repeat(ulong.MaxValue, 8).ToArray()),
        };
        for (var i = 0; i < 200; i++) crafted.Add((RandomWords(random), RandomWords(random)));

        foreach (var (a, b) in crafted)
        {
            var expected = FromBig((ToBig(a) + ToBig(b)) % TwoTo512);
            var acc = (ulong[])a.Clone();
            StreebogCore.Add512(acc, b);
            Assert.Equal(expected, acc);
        }
    }

    [Fact]
    public void Small_addition_matches_big_integer_addition()
    {
        var random = new Random(10);
        for (var i = 0; i < 200; i++)
        {
            var a = RandomWords(random);
            // Force long carry chains half of the time.
            if (i % 2 == 0) for (var w = 0; w < random.Next(1, 8); w++) a[w] = ulong.MaxValue;
            var v = (ulong)random.Next(0, 1024);
            var acc = (ulong[])a.Clone();
            StreebogCore.Add512(acc, v);
            Assert.Equal(FromBig((ToBig(a) + v) % TwoTo512), acc);
        }
    }
}
