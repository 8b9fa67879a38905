using System.Buffers;
using System.Runtime.InteropServices;
using GosApi.Crypto.Hashing;

namespace GosApi.Bench.Hash;

/// <summary>
/// openssl's gost engine called in this process through libcrypto's EVP API (P/Invoke), fed exactly like
/// GostHash.ComputeFile: unbuffered FileStream, 1 MiB pooled buffer. Same process, same reads, same clock
/// and CPU counter as the GosApi rows, and no process start-up — the like-for-like comparison that
/// `openssl dgst` as a process cannot be.
/// </summary>
public static class OpensslLibrary
{
    private const string Crypto = "libcrypto.so.3";
    private const uint EngineMethodAll = 0xFFFF;

    private static IntPtr engine;

    /// <summary>Loads libcrypto and the gost engine; null on success, else why not.</summary>
    public static string? TryInitialise()
    {
        try
        {
            ENGINE_load_builtin_engines();
            var e = ENGINE_by_id("gost");
            if (e == IntPtr.Zero) return "libcrypto found, but ENGINE_by_id(\"gost\") failed (apt-get install -y libengine-gost-openssl)";
            if (ENGINE_init(e) != 1) return "ENGINE_init(gost) failed";
            if (ENGINE_set_default(e, EngineMethodAll) != 1) return "ENGINE_set_default(gost) failed";
            engine = e;
            if (EVP_get_digestbyname("md_gost12_256") == IntPtr.Zero) return "the gost engine has no md_gost12_256";
            return null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return $"{Crypto} not usable: {ex.Message}";
        }
    }

    public static byte[] ComputeFile(string path, int bits)
    {
        var md = EVP_get_digestbyname(bits == 256 ? "md_gost12_256" : "md_gost12_512");
        if (md == IntPtr.Zero) throw new InvalidOperationException("md_gost12 digest not found");
        var ctx = EVP_MD_CTX_new();
        var buffer = ArrayPool<byte>.Shared.Rent(GostHash.BufferSize);
        try
        {
            if (EVP_DigestInit_ex(ctx, md, engine) != 1) throw new InvalidOperationException("EVP_DigestInit_ex failed");
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            int read;
            while ((read = stream.Read(buffer, 0, GostHash.BufferSize)) > 0)
            {
                if (EVP_DigestUpdate(ctx, buffer, (nuint)read) != 1) throw new InvalidOperationException("EVP_DigestUpdate failed");
            }
            var digest = new byte[64];
            if (EVP_DigestFinal_ex(ctx, digest, out var length) != 1) throw new InvalidOperationException("EVP_DigestFinal_ex failed");
            return digest.AsSpan(0, (int)length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            EVP_MD_CTX_free(ctx);
        }
    }

    [DllImport(Crypto)] private static extern void ENGINE_load_builtin_engines();
    [DllImport(Crypto)] private static extern IntPtr ENGINE_by_id([MarshalAs(UnmanagedType.LPStr)] string id);
    [DllImport(Crypto)] private static extern int ENGINE_init(IntPtr e);
    [DllImport(Crypto)] private static extern int ENGINE_set_default(IntPtr e, uint flags);
    [DllImport(Crypto)] private static extern IntPtr EVP_get_digestbyname([MarshalAs(UnmanagedType.LPStr)] string name);
    [DllImport(Crypto)] private static extern IntPtr EVP_MD_CTX_new();
    [DllImport(Crypto)] private static extern void EVP_MD_CTX_free(IntPtr ctx);
    [DllImport(Crypto)] private static extern int EVP_DigestInit_ex(IntPtr ctx, IntPtr type, IntPtr impl);
    [DllImport(Crypto)] private static extern int EVP_DigestUpdate(IntPtr ctx, byte[] data, nuint count);
    [DllImport(Crypto)] private static extern int EVP_DigestFinal_ex(IntPtr ctx, byte[] md, out uint size);
}
