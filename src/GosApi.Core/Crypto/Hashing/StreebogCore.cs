using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GosApi.Crypto.Hashing
{
    /// <summary>
    /// The GOST R 34.11-2012 (Streebog) compression function g_N and the 512-bit arithmetic around it,
    /// on 64-bit words.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Byte order. The standard writes every 512-bit value as a big-endian hex number; implementations
    /// (openssl's gost engine, BouncyCastle, CryptoPro) treat a message as a little-endian byte string:
    /// the first byte of the file is the least significant byte of the standard's number. Here a 512-bit
    /// value is eight <see cref="ulong"/> words, word 0 the least significant, each word read
    /// little-endian from 8 consecutive bytes. So RFC 6986's example M1, printed as 0x3231…3130, is the
    /// ASCII string "0123…012", and its digest printed as 0x486f…541b comes out as the bytes 1b 54 … 6f 48.
    /// </para>
    /// <para>
    /// The LPS table. LPS = L ∘ P ∘ S: S replaces each byte by π(byte), P (τ) transposes the 8×8 byte
    /// matrix (output byte 8i+k is input byte 8k+i), L multiplies each 64-bit word by the matrix A over
    /// GF(2). All three are linear over XOR once S is folded in, so output word i is
    /// XOR over k of T[k][byte i of input word k], with T[k][x] = l(π(x) · 2^(8k)).
    /// The 8×256 table is computed at type initialisation from π, A and τ exactly as the standard
    /// defines them — no opaque precomputed blob.
    /// </para>
    /// </remarks>
    internal static class StreebogCore
    {
        /// <summary>
        /// MethodImplOptions.AggressiveOptimization (.NET Core 3.0+; netstandard2.0's enum lacks the name, the
        /// runtime honours the value, .NET Framework ignores it): the compression function is compiled fully
        /// optimised at once instead of starting as tier-0 code, which is several times slower and would
        /// otherwise hash the first megabytes of every one-shot Get-GostHash.
        /// </summary>
        private const MethodImplOptions AggressiveOptimization = (MethodImplOptions)512;

        /// <summary>Block size in bytes (512 bits).</summary>
        public const int BlockSize = 64;

        /// <summary>π: the S-box of GOST R 34.11-2012 §5.1 (shared with GOST R 34.12-2015 "Kuznyechik").</summary>
        internal static readonly byte[] Pi =
        {
            252, 238, 221, 17, 207, 110, 49, 22, 251, 196, 250, 218, 35, 197, 4, 77,
            233, 119, 240, 219, 147, 46, 153, 186, 23, 54, 241, 187, 20, 205, 95, 193,
            249, 24, 101, 90, 226, 92, 239, 33, 129, 28, 60, 66, 139, 1, 142, 79,
            5, 132, 2, 174, 227, 106, 143, 160, 6, 11, 237, 152, 127, 212, 211, 31,
            235, 52, 44, 81, 234, 200, 72, 171, 242, 42, 104, 162, 253, 58, 206, 204,
            181, 112, 14, 86, 8, 12, 118, 18, 191, 114, 19, 71, 156, 183, 93, 135,
            21, 161, 150, 41, 16, 123, 154, 199, 243, 145, 120, 111, 157, 158, 178, 177,
            50, 117, 25, 61, 255, 53, 138, 126, 109, 84, 198, 128, 195, 189, 13, 87,
            223, 245, 36, 169, 62, 168, 67, 201, 215, 121, 214, 246, 124, 34, 185, 3,
            224, 15, 236, 222, 122, 148, 176, 188, 220, 232, 40, 80, 78, 51, 10, 74,
            167, 151, 96, 115, 30, 0, 98, 68, 26, 184, 56, 130, 100, 159, 38, 65,
            173, 69, 70, 146, 39, 94, 85, 47, 140, 163, 165, 125, 105, 213, 149, 59,
            7, 88, 179, 64, 134, 172, 29, 247, 48, 55, 107, 228, 136, 217, 231, 137,
            225, 27, 131, 73, 76, 63, 248, 254, 141, 83, 170, 144, 202, 216, 133, 97,
            32, 113, 103, 164, 45, 43, 9, 91, 203, 155, 37, 208, 190, 229, 108, 82,
            89, 166, 116, 210, 230, 244, 180, 192, 209, 102, 175, 194, 57, 75, 99, 182,
        };

        /// <summary>τ: the byte permutation of §5.2 (a transposition of the 8×8 byte matrix).</summary>
        internal static readonly byte[] Tau =
        {
            0, 8, 16, 24, 32, 40, 48, 56, 1, 9, 17, 25, 33, 41, 49, 57,
            2, 10, 18, 26, 34, 42, 50, 58, 3, 11, 19, 27, 35, 43, 51, 59,
            4, 12, 20, 28, 36, 44, 52, 60, 5, 13, 21, 29, 37, 45, 53, 61,
            6, 14, 22, 30, 38, 46, 54, 62, 7, 15, 23, 31, 39, 47, 55, 63,
        };

        /// <summary>
        /// The 64 rows of the matrix A of §5.3, in the standard's order: row 0 is the image of the most
        /// significant bit of a 64-bit word, row 63 that of the least significant bit.
        /// </summary>
        internal static readonly ulong[] A =
        {
            0x8e20faa72ba0b470, 0x47107ddd9b505a38, 0xad08b0e0c3282d1c, 0xd8045870ef14980e,
            0x6c022c38f90a4c07, 0x3601161cf205268d, 0x1b8e0b0e798c13c8, 0x83478b07b2468764,
            0xa011d380818e8f40, 0x5086e740ce47c920, 0x2843fd2067adea10, 0x14aff010bdd87508,
            0x0ad97808d06cb404, 0x05e23c0468365a02, 0x8c711e02341b2d01, 0x46b60f011a83988e,
            0x90dab52a387ae76f, 0x486dd4151c3dfdb9, 0x24b86a840e90f0d2, 0x125c354207487869,
            0x092e94218d243cba, 0x8a174a9ec8121e5d, 0x4585254f64090fa0, 0xaccc9ca9328a8950,
            0x9d4df05d5f661451, 0xc0a878a0a1330aa6, 0x60543c50de970553, 0x302a1e286fc58ca7,
            0x18150f14b9ec46dd, 0x0c84890ad27623e0, 0x0642ca05693b9f70, 0x0321658cba93c138,
            0x86275df09ce8aaa8, 0x439da0784e745554, 0xafc0503c273aa42a, 0xd960281e9d1d5215,
            0xe230140fc0802984, 0x71180a8960409a42, 0xb60c05ca30204d21, 0x5b068c651810a89e,
            0x456c34887a3805b9, 0xac361a443d1c8cd2, 0x561b0d22900e4669, 0x2b838811480723ba,
            0x9bcf4486248d9f5d, 0xc3e9224312c8c1a0, 0xeffa11af0964ee50, 0xf97d86d98a327728,
            0xe4fa2054a80b329c, 0x727d102a548b194e, 0x39b008152acb8227, 0x9258048415eb419d,
            0x492c024284fbaec0, 0xaa16012142f35760, 0x550b8e9e21f7a530, 0xa48b474f9ef5dc18,
            0x70a6a56e2440598e, 0x3853dc371220a247, 0x1ca76e95091051ad, 0x0edd37c48a08a6d8,
            0x07e095624504536c, 0x8d70c431ac02a736, 0xc83862965601dd1b, 0x641c314b2b8ee083,
        };

        /// <summary>The iteration constants C1…C12 of §6, as the standard prints them (big-endian hex).</summary>
        private static readonly string[] IterationConstantsHex =
        {
            "b1085bda1ecadae9ebcb2f81c0657c1f2f6a76432e45d016714eb88d7585c4fc4b7ce09192676901a2422a08a460d31505767436cc744d23dd806559f2a64507",
            "6fa3b58aa99d2f1a4fe39d460f70b5d7f3feea720a232b9861d55e0f16b501319ab5176b12d699585cb561c2db0aa7ca55dda21bd7cbcd56e679047021b19bb7",
            "f574dcac2bce2fc70a39fc286a3d843506f15e5f529c1f8bf2ea7514b1297b7bd3e20fe490359eb1c1c93a376062db09c2b6f443867adb31991e96f50aba0ab2",
            "ef1fdfb3e81566d2f948e1a05d71e4dd488e857e335c3c7d9d721cad685e353fa9d72c82ed03d675d8b71333935203be3453eaa193e837f1220cbebc84e3d12e",
            "4bea6bacad4747999a3f410c6ca923637f151c1f1686104a359e35d7800fffbdbfcd1747253af5a3dfff00b723271a167a56a27ea9ea63f5601758fd7c6cfe57",
            "ae4faeae1d3ad3d96fa4c33b7a3039c02d66c4f95142a46c187f9ab49af08ec6cffaa6b71c9ab7b40af21f66c2bec6b6bf71c57236904f35fa68407a46647d6e",
            "f4c70e16eeaac5ec51ac86febf240954399ec6c7e6bf87c9d3473e33197a93c90992abc52d822c3706476983284a05043517454ca23c4af38886564d3a14d493",
            "9b1f5b424d93c9a703e7aa020c6e41414eb7f8719c36de1e89b4443b4ddbc49af4892bcb929b069069d18d2bd1a5c42f36acc2355951a8d9a47f0dd4bf02e71e",
            "378f5a541631229b944c9ad8ec165fde3a7d3a1b258942243cd955b7e00d0984800a440bdbb2ceb17b2b8a9aa6079c540e38dc92cb1f2a607261445183235adb",
            "abbedea680056f52382ae548b2e4f3f38941e71cff8a78db1fffe18a1b3361039fe76702af69334b7a1e6c303b7652f43698fad1153bb6c374b4c7fb98459ced",
            "7bcd9ed0efc889fb3002c6cd635afe94d8fa6bbbebab076120018021148466798a1d71efea48b9caefbacd1d7d476e98dea2594ac06fd85d6bcaa4cd81f32d1b",
            "378ee767f11631bad21380b00449b17acda43c32bcdf1d77f82012d430219f9b5d80ef9d1891cc86e71da4aa88e12852faf417d5d9b21b9948bc924af11bd720",
        };

        /// <summary>The LPS table, flat: entry [k*256 + x] = l(π(x) · 2^(8k)).</summary>
        internal static readonly ulong[] LpsTable = BuildLpsTable();

        /// <summary>C1…C12 as 12×8 words, word 0 of each the least significant.</summary>
        internal static readonly ulong[] IterationConstants = ParseConstants();

        /// <summary>l: multiplication of a 64-bit word by A over GF(2) (§5.3).</summary>
        internal static ulong MultiplyByA(ulong b)
        {
            ulong c = 0;
            for (var bit = 0; bit < 64; bit++)
            {
                if (((b >> bit) & 1) != 0) c ^= A[63 - bit];
            }
            return c;
        }

        private static ulong[] BuildLpsTable()
        {
            // τ as a transpose is what lets P be folded into the table index: output word i takes byte i
            // of every input word k. Check the permutation really is that, so the table and the standard
            // cannot silently disagree.
            for (var i = 0; i < 64; i++)
            {
                if (Tau[i] != ((i & 7) << 3 | i >> 3)) throw new InvalidOperationException("τ is not the 8×8 transpose.");
            }

            var table = new ulong[8 * 256];
            for (var k = 0; k < 8; k++)
            {
                for (var x = 0; x < 256; x++)
                {
                    table[k * 256 + x] = MultiplyByA((ulong)Pi[x] << (8 * k));
                }
            }
            return table;
        }

        private static ulong[] ParseConstants()
        {
            var words = new ulong[12 * 8];
            for (var c = 0; c < 12; c++)
            {
                var hex = IterationConstantsHex[c];
                for (var w = 0; w < 8; w++)
                {
                    // Word w holds bits 64w…64w+63, i.e. the w-th group of 16 hex digits from the right.
                    words[c * 8 + w] = ulong.Parse(hex.Substring(hex.Length - 16 * (w + 1), 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                }
            }
            return words;
        }

        /// <summary>
        /// LPS applied to the reference implementation's way, byte by byte (S, then P, then L); for tests
        /// that check the table against the definition.
        /// </summary>
        internal static void LpsReference(ReadOnlySpan<ulong> input, Span<ulong> output)
        {
            Span<byte> bytes = stackalloc byte[64];
            Span<byte> permuted = stackalloc byte[64];
            for (var i = 0; i < 8; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.Slice(8 * i), input[i]);
            for (var i = 0; i < 64; i++) bytes[i] = Pi[bytes[i]];
            for (var i = 0; i < 64; i++) permuted[i] = bytes[Tau[i]];
            for (var i = 0; i < 8; i++) output[i] = MultiplyByA(BinaryPrimitives.ReadUInt64LittleEndian(permuted.Slice(8 * i)));
        }

        /// <summary>LPS through the table.</summary>
        internal static void Lps(ReadOnlySpan<ulong> input, Span<ulong> output)
        {
            ulong a0 = input[0], a1 = input[1], a2 = input[2], a3 = input[3], a4 = input[4], a5 = input[5], a6 = input[6], a7 = input[7];
            var t = LpsTable;
            for (var i = 0; i < 8; i++)
            {
                var s = 8 * i;
                output[i] = t[(int)(a0 >> s) & 0xFF] ^ t[256 + ((int)(a1 >> s) & 0xFF)] ^ t[512 + ((int)(a2 >> s) & 0xFF)] ^ t[768 + ((int)(a3 >> s) & 0xFF)]
                    ^ t[1024 + ((int)(a4 >> s) & 0xFF)] ^ t[1280 + ((int)(a5 >> s) & 0xFF)] ^ t[1536 + ((int)(a6 >> s) & 0xFF)] ^ t[1792 + ((int)(a7 >> s) & 0xFF)];
            }
        }

        /// <summary>
        /// g_N(h, m) = E(LPS(h ⊕ N), m) ⊕ h ⊕ m, in place on <paramref name="h"/> (§7). <paramref name="m"/>
        /// is the 64-byte block as a little-endian byte string.
        /// </summary>
        internal static void Compress(Span<ulong> h, ReadOnlySpan<ulong> n, ReadOnlySpan<byte> block)
        {
            Span<ulong> m = stackalloc ulong[8];
            for (var i = 0; i < 8; i++) m[i] = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(8 * i));
            Compress(h, n, m);
        }

        /// <summary>g_N(h, m) with the block already as words.</summary>
        /// <remarks>
        /// <para>
        /// The hot loop of the whole hash: 25 LPS per block (K1, then 12 rounds of key and state), each
        /// 64 table look-ups. Each LPS is written out row by row: output word i is XOR over k of
        /// T[k][byte i of input word k]. The eight input words sit in locals a0…a7 and are shifted right by 8
        /// after each output word, so byte i is always the low byte: one movzx, one xor with a memory operand
        /// and one shift per look-up. Each output word goes straight to a 16-word stack buffer (key k, state
        /// s) — 8 inputs, the table and one accumulator fit in registers, so nothing is spilled — and the
        /// next LPS loads it back once. No per-block allocation.
        /// </para>
        /// <para>
        /// Table look-ups go through <see cref="Unsafe.Add{T}(ref T, IntPtr)"/> rather than array indexing.
        /// Every index is (a byte, 0…255) + 256·k for k = 0…7, so it is always inside the 2048-entry table
        /// (<see cref="LpsTable"/> is allocated once with exactly 8×256 entries and never replaced), and the
        /// buffer offsets are constants below 8. Skipping the bounds checks makes the function about 30%
        /// faster (bench/README.md, "Streebog hashing"). <see cref="Lps"/> is the bounds-checked equivalent
        /// that the tests compare against.
        /// </para>
        /// </remarks>
        [MethodImpl(AggressiveOptimization)]
        internal static void Compress(Span<ulong> h, ReadOnlySpan<ulong> n, ReadOnlySpan<ulong> m)
        {
            if (h.Length < 8 || n.Length < 8 || m.Length < 8) throw new ArgumentException("Streebog works on 8-word (512-bit) values.");
            ref ulong t = ref MemoryMarshal.GetReference(new ReadOnlySpan<ulong>(LpsTable));
            ref ulong c = ref MemoryMarshal.GetReference(new ReadOnlySpan<ulong>(IterationConstants));
            Span<ulong> work = stackalloc ulong[16];
            ref ulong k = ref work[0];
            ref ulong s = ref work[8];

            ulong a0 = h[0] ^ n[0], a1 = h[1] ^ n[1], a2 = h[2] ^ n[2], a3 = h[3] ^ n[3];
            ulong a4 = h[4] ^ n[4], a5 = h[5] ^ n[5], a6 = h[6] ^ n[6], a7 = h[7] ^ n[7];
            // K1 = LPS(h ⊕ N)
            k = Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
            a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
            Unsafe.Add(ref k, 1) = Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
            a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
            Unsafe.Add(ref k, 2) = Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
            a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
            Unsafe.Add(ref k, 3) = Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
            a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
            Unsafe.Add(ref k, 4) = Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
            a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
            Unsafe.Add(ref k, 5) = Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
            a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
            Unsafe.Add(ref k, 6) = Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
            a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
            Unsafe.Add(ref k, 7) = Unsafe.Add(ref t, (nint)a0) ^ Unsafe.Add(ref t, (nint)a1 + 256) ^ Unsafe.Add(ref t, (nint)a2 + 512) ^ Unsafe.Add(ref t, (nint)a3 + 768)
                ^ Unsafe.Add(ref t, (nint)a4 + 1024) ^ Unsafe.Add(ref t, (nint)a5 + 1280) ^ Unsafe.Add(ref t, (nint)a6 + 1536) ^ Unsafe.Add(ref t, (nint)a7 + 1792);

            // E(K1, m) starts from state = K1 ⊕ m.
            for (var j = 0; j < 8; j++) Unsafe.Add(ref s, j) = Unsafe.Add(ref k, j) ^ m[j];

            for (nint r = 0; r < 12 * 8; r += 8)
            {
                ref ulong ci = ref Unsafe.Add(ref c, r);
                a0 = k ^ ci;
                a1 = Unsafe.Add(ref k, 1) ^ Unsafe.Add(ref ci, 1);
                a2 = Unsafe.Add(ref k, 2) ^ Unsafe.Add(ref ci, 2);
                a3 = Unsafe.Add(ref k, 3) ^ Unsafe.Add(ref ci, 3);
                a4 = Unsafe.Add(ref k, 4) ^ Unsafe.Add(ref ci, 4);
                a5 = Unsafe.Add(ref k, 5) ^ Unsafe.Add(ref ci, 5);
                a6 = Unsafe.Add(ref k, 6) ^ Unsafe.Add(ref ci, 6);
                a7 = Unsafe.Add(ref k, 7) ^ Unsafe.Add(ref ci, 7);
                // K(i+1) = LPS(K(i) ⊕ C(i))
                k = Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                    ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
                a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
                Unsafe.Add(ref k, 1) = Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                    ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
                a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
                Unsafe.Add(ref k, 2) = Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                    ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
                a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
                Unsafe.Add(ref k, 3) = Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                    ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
                a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
                Unsafe.Add(ref k, 4) = Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                    ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
                a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
                Unsafe.Add(ref k, 5) = Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                    ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
                a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
                Unsafe.Add(ref k, 6) = Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                    ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
                a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
                Unsafe.Add(ref k, 7) = Unsafe.Add(ref t, (nint)a0) ^ Unsafe.Add(ref t, (nint)a1 + 256) ^ Unsafe.Add(ref t, (nint)a2 + 512) ^ Unsafe.Add(ref t, (nint)a3 + 768)
                    ^ Unsafe.Add(ref t, (nint)a4 + 1024) ^ Unsafe.Add(ref t, (nint)a5 + 1280) ^ Unsafe.Add(ref t, (nint)a6 + 1536) ^ Unsafe.Add(ref t, (nint)a7 + 1792);

                a0 = s;
                a1 = Unsafe.Add(ref s, 1);
                a2 = Unsafe.Add(ref s, 2);
                a3 = Unsafe.Add(ref s, 3);
                a4 = Unsafe.Add(ref s, 4);
                a5 = Unsafe.Add(ref s, 5);
                a6 = Unsafe.Add(ref s, 6);
                a7 = Unsafe.Add(ref s, 7);
                // state = LPS(state) ⊕ K(i+1)
                s = k
                    ^ Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                    ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
                a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
                Unsafe.Add(ref s, 1) = Unsafe.Add(ref k, 1)
                    ^ Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                    ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
                a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
                Unsafe.Add(ref s, 2) = Unsafe.Add(ref k, 2)
                    ^ Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                    ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
                a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
                Unsafe.Add(ref s, 3) = Unsafe.Add(ref k, 3)
                    ^ Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                    ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
                a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
                Unsafe.Add(ref s, 4) = Unsafe.Add(ref k, 4)
                    ^ Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                    ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
                a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
                Unsafe.Add(ref s, 5) = Unsafe.Add(ref k, 5)
                    ^ Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                    ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
                a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
                Unsafe.Add(ref s, 6) = Unsafe.Add(ref k, 6)
                    ^ Unsafe.Add(ref t, (nint)(byte)a0) ^ Unsafe.Add(ref t, (nint)(byte)a1 + 256) ^ Unsafe.Add(ref t, (nint)(byte)a2 + 512) ^ Unsafe.Add(ref t, (nint)(byte)a3 + 768)
                    ^ Unsafe.Add(ref t, (nint)(byte)a4 + 1024) ^ Unsafe.Add(ref t, (nint)(byte)a5 + 1280) ^ Unsafe.Add(ref t, (nint)(byte)a6 + 1536) ^ Unsafe.Add(ref t, (nint)(byte)a7 + 1792);
                a0 >>= 8; a1 >>= 8; a2 >>= 8; a3 >>= 8; a4 >>= 8; a5 >>= 8; a6 >>= 8; a7 >>= 8;
                Unsafe.Add(ref s, 7) = Unsafe.Add(ref k, 7)
                    ^ Unsafe.Add(ref t, (nint)a0) ^ Unsafe.Add(ref t, (nint)a1 + 256) ^ Unsafe.Add(ref t, (nint)a2 + 512) ^ Unsafe.Add(ref t, (nint)a3 + 768)
                    ^ Unsafe.Add(ref t, (nint)a4 + 1024) ^ Unsafe.Add(ref t, (nint)a5 + 1280) ^ Unsafe.Add(ref t, (nint)a6 + 1536) ^ Unsafe.Add(ref t, (nint)a7 + 1792);
            }

            // h = E(K1, m) ⊕ h ⊕ m
            for (var j = 0; j < 8; j++) h[j] ^= Unsafe.Add(ref s, j) ^ m[j];
        }

        /// <summary>acc = (acc + x) mod 2^512, word 0 least significant, carries propagated across all words.</summary>
        internal static void Add512(Span<ulong> acc, ReadOnlySpan<ulong> x)
        {
            ulong carry = 0;
            for (var i = 0; i < 8; i++)
            {
                var a = acc[i];
                var sum = a + x[i];
                var c1 = sum < a ? 1UL : 0UL;
                var total = sum + carry;
                var c2 = total < sum ? 1UL : 0UL;
                acc[i] = total;
                carry = c1 | c2;
            }
        }

        /// <summary>acc = (acc + value) mod 2^512 for a small addend (the bit counter N).</summary>
        internal static void Add512(Span<ulong> acc, ulong value)
        {
            for (var i = 0; i < 8 && value != 0; i++)
            {
                var sum = acc[i] + value;
                value = sum < acc[i] ? 1UL : 0UL;
                acc[i] = sum;
            }
        }
    }
}
