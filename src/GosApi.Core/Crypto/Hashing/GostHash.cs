using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace GosApi.Crypto.Hashing
{
    /// <summary>
    /// GOST R 34.11-2012 (Streebog) digests of byte arrays, streams and files. Streams and files are read
    /// through one fixed buffer, so memory does not depend on their size.
    /// </summary>
    public static class GostHash
    {
        /// <summary>Read buffer size for streams and files (1 MiB, rented from the shared pool).</summary>
        public const int BufferSize = 1 << 20;

        /// <summary>Digest of <paramref name="data"/>; <paramref name="bits"/> is 256 or 512.</summary>
        public static byte[] Compute(ReadOnlySpan<byte> data, int bits) => Streebog.HashData(data, bits);

        /// <summary>Digest of <paramref name="data"/>; <paramref name="bits"/> is 256 or 512.</summary>
        public static byte[] Compute(byte[] data, int bits)
        {
            if (data is null) throw new ArgumentNullException(nameof(data));
            return Streebog.HashData(data, bits);
        }

        /// <summary>
        /// Digest of the rest of <paramref name="stream"/> (from its current position to its end), read
        /// synchronously through a fixed buffer. The stream is not closed.
        /// </summary>
        public static byte[] Compute(Stream stream, int bits, CancellationToken cancellationToken = default)
            => Compute(stream, bits, null, cancellationToken);

        /// <summary>
        /// As <see cref="Compute(Stream, int, CancellationToken)"/>, reporting the total bytes hashed so far
        /// to <paramref name="progress"/> after each buffer.
        /// </summary>
        public static byte[] Compute(Stream stream, int bits, IProgress<long>? progress, CancellationToken cancellationToken = default)
        {
            if (stream is null) throw new ArgumentNullException(nameof(stream));
            using (var hash = new Streebog(bits))
            {
                var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
                try
                {
                    long total = 0;
                    int read;
                    while ((read = stream.Read(buffer, 0, BufferSize)) > 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        hash.Append(new ReadOnlySpan<byte>(buffer, 0, read));
                        total += read;
                        progress?.Report(total);
                    }
                    cancellationToken.ThrowIfCancellationRequested();
                    return hash.ComputeHash(Array.Empty<byte>());
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }

        /// <summary>
        /// Asynchronous digest of the rest of <paramref name="stream"/>. While the hash of one buffer is
        /// computed the next one is already being read, so disk and CPU overlap; two buffers in all.
        /// </summary>
        public static async Task<byte[]> ComputeAsync(Stream stream, int bits, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
        {
            if (stream is null) throw new ArgumentNullException(nameof(stream));
            using (var hash = new Streebog(bits))
            {
                var current = ArrayPool<byte>.Shared.Rent(BufferSize);
                var next = ArrayPool<byte>.Shared.Rent(BufferSize);
                Task<int>? pendingRead = null;
                try
                {
                    long total = 0;
                    var read = await stream.ReadAsync(current, 0, BufferSize, cancellationToken).ConfigureAwait(false);
                    while (read > 0)
                    {
                        pendingRead = stream.ReadAsync(next, 0, BufferSize, cancellationToken);
                        hash.Append(new ReadOnlySpan<byte>(current, 0, read));
                        total += read;
                        read = await pendingRead.ConfigureAwait(false);
                        pendingRead = null;
                        progress?.Report(total);
                        var swap = current;
                        current = next;
                        next = swap;
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                    return hash.ComputeHash(Array.Empty<byte>());
                }
                finally
                {
                    // Never hand a buffer back to the pool while a read may still be writing into it.
                    if (pendingRead != null)
                    {
                        try { await pendingRead.ConfigureAwait(false); }
                        catch (Exception) { /* the first exception is the one that propagates */ }
                    }
                    ArrayPool<byte>.Shared.Return(current);
                    ArrayPool<byte>.Shared.Return(next);
                }
            }
        }

        /// <summary>Digest of the file at <paramref name="path"/>, streamed (memory independent of file size).</summary>
        public static byte[] ComputeFile(string path, int bits, CancellationToken cancellationToken = default)
            => ComputeFile(path, bits, null, cancellationToken);

        /// <summary>
        /// Digest of the file at <paramref name="path"/>, reporting the total bytes hashed so far to
        /// <paramref name="progress"/> after each 1 MiB buffer.
        /// </summary>
        public static byte[] ComputeFile(string path, int bits, IProgress<long>? progress, CancellationToken cancellationToken = default)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            ValidateBits(bits);
            // The FileStream's own buffer is off (1): reads go straight into our 1 MiB buffer.
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
            {
                return Compute(file, bits, progress, cancellationToken);
            }
        }

        /// <summary>Asynchronous <see cref="ComputeFile(string, int, IProgress{long}, CancellationToken)"/>.</summary>
        public static async Task<byte[]> ComputeFileAsync(string path, int bits, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            ValidateBits(bits);
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous))
            {
                return await ComputeAsync(file, bits, progress, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Lower-case hex of <paramref name="digest"/>, in byte order (as openssl dgst prints it).</summary>
        public static string ToHex(ReadOnlySpan<byte> digest)
        {
            const string digits = "0123456789abcdef";
            var chars = new char[digest.Length * 2];
            for (var i = 0; i < digest.Length; i++)
            {
                chars[2 * i] = digits[digest[i] >> 4];
                chars[2 * i + 1] = digits[digest[i] & 0xF];
            }
            return new string(chars);
        }

        /// <summary>Lower-case hex of <paramref name="digest"/>, in byte order (as openssl dgst prints it).</summary>
        public static string ToHex(byte[] digest)
        {
            if (digest is null) throw new ArgumentNullException(nameof(digest));
            return ToHex(new ReadOnlySpan<byte>(digest));
        }

        /// <summary>
        /// Hex of <paramref name="digest"/> byte-reversed: the big-endian number the standard
        /// (GOST R 34.11-2012, RFC 6986 §10) prints for the same digest.
        /// </summary>
        public static string ToStandardHex(ReadOnlySpan<byte> digest)
        {
            var reversed = digest.ToArray();
            Array.Reverse(reversed);
            return ToHex(reversed);
        }

        /// <summary>Parses hex (either case, no separators) into bytes.</summary>
        public static byte[] FromHex(string hex)
        {
            if (hex is null) throw new ArgumentNullException(nameof(hex));
            if (hex.Length % 2 != 0) throw new FormatException("Hex text must have an even number of digits.");
            var bytes = new byte[hex.Length / 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)(Nibble(hex[2 * i]) << 4 | Nibble(hex[2 * i + 1]));
            }
            return bytes;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            throw new FormatException($"'{c}' is not a hex digit.");
        }

        private static void ValidateBits(int bits)
        {
            if (bits != 256 && bits != 512)
            {
                throw new ArgumentOutOfRangeException(nameof(bits), bits, "Streebog's digest size is 256 or 512 bits.");
            }
        }
    }
}
