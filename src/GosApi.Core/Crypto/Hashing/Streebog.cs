using System;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace GosApi.Crypto.Hashing
{
    /// <summary>
    /// GOST R 34.11-2012 ("Streebog") with a 256- or 512-bit digest, as a
    /// <see cref="HashAlgorithm"/> (so it works with <see cref="CryptoStream"/>, <c>ComputeHash(Stream)</c>,
    /// <c>TransformBlock</c>/<c>TransformFinalBlock</c>).
    /// </summary>
    /// <remarks>
    /// The digest bytes are in the order openssl's gost engine, BouncyCastle and CryptoPro produce and
    /// print them (the standard's own examples print the same values as big-endian numbers, i.e. byte-reversed).
    /// An instance is not thread-safe; after <c>ComputeHash</c> / <c>TransformFinalBlock</c> it is reset and
    /// can be reused.
    /// </remarks>
    public sealed class Streebog : HashAlgorithm
    {
        private readonly ulong[] h = new ulong[8];
        private readonly ulong[] n = new ulong[8];
        private readonly ulong[] sigma = new ulong[8];
        private readonly ulong[] m = new ulong[8];
        private readonly byte[] pending = new byte[StreebogCore.BlockSize];
        private int pendingLength;

        /// <summary>Creates Streebog with a digest of <paramref name="hashSizeBits"/> bits: 256 or 512.</summary>
        public Streebog(int hashSizeBits)
        {
            if (hashSizeBits != 256 && hashSizeBits != 512)
            {
                throw new ArgumentOutOfRangeException(nameof(hashSizeBits), hashSizeBits, "Streebog's digest size is 256 or 512 bits.");
            }
            HashSizeValue = hashSizeBits;
            Reset();
        }

        /// <summary>GOST R 34.11-2012 with a 256-bit digest (OID 1.2.643.7.1.1.2.2).</summary>
        public static Streebog Create256() => new Streebog(256);

        /// <summary>GOST R 34.11-2012 with a 512-bit digest (OID 1.2.643.7.1.1.2.3).</summary>
        public static Streebog Create512() => new Streebog(512);

        /// <summary>Creates Streebog-256 or -512 by digest size in bits.</summary>
        public static Streebog Create(int hashSizeBits) => new Streebog(hashSizeBits);

        /// <summary>One-shot digest of <paramref name="data"/>.</summary>
        public static byte[] HashData(ReadOnlySpan<byte> data, int hashSizeBits)
        {
            using (var s = new Streebog(hashSizeBits))
            {
                s.Append(data);
                return s.FinishAndReset();
            }
        }

        /// <summary>The object identifier of this digest (1.2.643.7.1.1.2.2 for 256, .2.3 for 512).</summary>
        public string Oid => HashSizeValue == 256 ? "1.2.643.7.1.1.2.2" : "1.2.643.7.1.1.2.3";

        /// <inheritdoc />
        public override int InputBlockSize => StreebogCore.BlockSize;

        /// <inheritdoc />
        public override int OutputBlockSize => StreebogCore.BlockSize;

        /// <inheritdoc />
        public override void Initialize() => Reset();

        /// <inheritdoc />
        protected override void HashCore(byte[] array, int ibStart, int cbSize)
        {
            Append(new ReadOnlySpan<byte>(array, ibStart, cbSize));
        }

        /// <inheritdoc />
        protected override byte[] HashFinal() => FinishAndReset();

        /// <summary>Feeds bytes; every full 64-byte block is compressed straight from <paramref name="data"/>.</summary>
        public void Append(ReadOnlySpan<byte> data)
        {
            if (pendingLength > 0)
            {
                var take = Math.Min(StreebogCore.BlockSize - pendingLength, data.Length);
                data.Slice(0, take).CopyTo(new Span<byte>(pending, pendingLength, take));
                pendingLength += take;
                data = data.Slice(take);
                if (pendingLength < StreebogCore.BlockSize) return;
                ProcessBlock(pending);
                pendingLength = 0;
            }

            // A message whose length is a multiple of 64 still ends with a padding block of its own
            // (stage 3 hashes 0x01 ‖ zeros), so full blocks never need to be held back.
            while (data.Length >= StreebogCore.BlockSize)
            {
                ProcessBlock(data.Slice(0, StreebogCore.BlockSize));
                data = data.Slice(StreebogCore.BlockSize);
            }

            if (data.Length > 0)
            {
                data.CopyTo(pending);
                pendingLength = data.Length;
            }
        }

        private void ProcessBlock(ReadOnlySpan<byte> block)
        {
            // Stage 2: h = g_N(h, m); N = N + 512; Σ = Σ + m.
            var words = m;
            for (var i = 0; i < 8; i++) words[i] = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(8 * i));
            StreebogCore.Compress(h, n, words);
            StreebogCore.Add512(n, 512UL);
            StreebogCore.Add512(sigma, words);
        }

        private byte[] FinishAndReset()
        {
            // Stage 3: the remaining |M| < 512 bits are padded to m = 0^(511-|M|) ‖ 1 ‖ M, which in
            // little-endian byte order is M, 0x01, zeros.
            var r = pendingLength;
            pending[r] = 0x01;
            for (var i = r + 1; i < StreebogCore.BlockSize; i++) pending[i] = 0;
            var words = m;
            for (var i = 0; i < 8; i++) words[i] = BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(pending, 8 * i, 8));

            StreebogCore.Compress(h, n, words);
            StreebogCore.Add512(n, (ulong)r * 8);
            StreebogCore.Add512(sigma, words);

            Span<ulong> zero = stackalloc ulong[8];
            StreebogCore.Compress(h, zero, n);
            StreebogCore.Compress(h, zero, sigma);

            // 512: all of h. 256: MSB_256(h), the upper half = words 4…7 = bytes 32…63.
            var size = HashSizeValue / 8;
            var result = new byte[size];
            var firstWord = 8 - size / 8;
            for (var i = 0; i < size / 8; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(new Span<byte>(result, 8 * i, 8), h[firstWord + i]);
            }

            Reset();
            return result;
        }

        private void Reset()
        {
            // IV: 0^512 for the 512-bit digest, (00000001)^64 — every byte 0x01 — for the 256-bit one.
            var iv = HashSizeValue == 256 ? 0x0101010101010101UL : 0UL;
            for (var i = 0; i < 8; i++)
            {
                h[i] = iv;
                n[i] = 0;
                sigma[i] = 0;
                m[i] = 0;
            }
            Array.Clear(pending, 0, pending.Length);
            pendingLength = 0;
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // Wipe what could reveal message content (e.g. when it hashes key material for HMAC/KDF).
                Array.Clear(h, 0, 8);
                Array.Clear(sigma, 0, 8);
                Array.Clear(m, 0, 8);
                Array.Clear(pending, 0, pending.Length);
            }
            base.Dispose(disposing);
        }
    }
}
