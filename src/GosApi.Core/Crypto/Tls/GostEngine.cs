using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace GosApi.Crypto.Tls
{
    /// <summary>
    /// Loads openssl's gost engine into the libcrypto that .NET itself uses on Linux (libcrypto.so.3), once per
    /// process: the engine becomes the default for all its algorithms (ENGINE_set_default ALL), so that .NET's TLS
    /// can negotiate 0xFF85 and 0xC100–0xC102 and read GOST certificates. Thread-safe and idempotent; the engine
    /// stays loaded for the life of the process. Fails, before any network call, with what to install.
    /// </summary>
    public static class GostEngine
    {
        /// <summary>Environment variable with the gost.so to load instead of the one OpenSSL finds itself.</summary>
        public const string PathVariable = "GOSAPI_GOST_ENGINE_PATH";

        internal const string Install = "install libengine-gost-openssl (apt-get install libengine-gost-openssl)";
        internal const string UseTunnel = "or use a tunnel: Start-GostTlsTunnel, then Connect-Epgu -GostTlsTunnel";

        private const uint EngineMethodAll = 0xFFFF;
        private static readonly object Gate = new object();
        private static string? loadedFrom;

        private static readonly string[] KnownPaths =
        {
            "/usr/lib/x86_64-linux-gnu/engines-3/gost.so",
            "/usr/lib/aarch64-linux-gnu/engines-3/gost.so",
            "/usr/lib64/engines-3/gost.so",
            "/usr/lib/engines-3/gost.so",
            "/usr/local/lib/engines-3/gost.so",
            "/usr/local/lib64/engines-3/gost.so",
        };

        /// <summary>Where the loaded engine came from; null while none is loaded.</summary>
        public static string? LoadedFrom
        {
            get { lock (Gate) return loadedFrom; }
        }

        /// <summary>
        /// Makes sure the engine is loaded and returns where it came from. <paramref name="enginePath"/> (else
        /// <see cref="PathVariable"/>) names gost.so; without either, libcrypto's own engines directory and the
        /// usual places are tried. A named library that does not exist is always an error, even when an engine is
        /// already loaded, so that a wrong setting never goes unnoticed.
        /// </summary>
        /// <exception cref="GostTlsUnavailableException">No engine, no OpenSSL 3, or an engine that does not load; the message says what to install.</exception>
        public static string EnsureLoaded(string? enginePath = null)
        {
            var named = !string.IsNullOrWhiteSpace(enginePath) ? enginePath : Environment.GetEnvironmentVariable(PathVariable);
            if (string.IsNullOrWhiteSpace(named)) named = null;
            if (named != null && !File.Exists(named)) throw Missing(named);
            lock (Gate)
            {
                if (loadedFrom != null) return loadedFrom;
                if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
                {
                    throw new GostTlsUnavailableException("In-process GOST TLS through openssl's gost engine works on Linux only.",
                        new GostTlsProblem("This system is not Linux.", "on Windows install CryptoPro CSP; elsewhere use Start-GostTlsTunnel."));
                }
                try
                {
                    loadedFrom = named != null ? LoadFrom(named) : LoadById() ?? LoadFromKnownPlace() ?? throw Missing(null);
                    return loadedFrom;
                }
                catch (DllNotFoundException)
                {
                    throw new GostTlsUnavailableException("OpenSSL 3 (libcrypto.so.3), the library .NET uses for TLS on Linux, was not found.",
                        new GostTlsProblem("libcrypto.so.3 could not be loaded.", "install OpenSSL 3 (apt-get install libssl3) and " + Install + ", " + UseTunnel + "."));
                }
                catch (EntryPointNotFoundException)
                {
                    throw new GostTlsUnavailableException("This OpenSSL has no engine support, so the gost engine cannot be loaded into it.",
                        new GostTlsProblem("libcrypto.so.3 lacks ENGINE_* functions (built with no-engine).", "use a distribution OpenSSL 3 with " + Install + ", " + UseTunnel + "."));
                }
                finally
                {
                    ClearErrors();
                }
            }
        }

        private static GostTlsUnavailableException Missing(string? path) =>
            new GostTlsUnavailableException(
                "openssl's GOST engine (gost.so) was not found" + (path == null ? "" : " at " + path) + ", so no GOST TLS suite can be offered.",
                new GostTlsProblem("gost.so " + (path == null ? "is in none of OpenSSL's engine directories" : "does not exist at " + path) + ".",
                    Install + (path == null ? "" : ", or correct " + PathVariable) + "; " + UseTunnel + "."));

        /// <summary>"gost" by id: libcrypto's ENGINESDIR (or OPENSSL_ENGINES), or an engine already loaded by an OpenSSL config.</summary>
        private static string? LoadById()
        {
            var engine = Native.ENGINE_by_id("gost");
            if (engine == IntPtr.Zero)
            {
                ClearErrors();
                return null;
            }
            try
            {
                Initialize(engine, "the gost engine from OpenSSL's engines directory");
                return "gost.so from OpenSSL's engines directory";
            }
            finally
            {
                Native.ENGINE_free(engine);
            }
        }

        private static string? LoadFromKnownPlace()
        {
            foreach (var path in KnownPaths)
            {
                if (File.Exists(path)) return LoadFrom(path);
            }
            return null;
        }

        /// <summary>The dynamic engine with SO_PATH = <paramref name="path"/>, added to OpenSSL's engine list as "gost".</summary>
        private static string LoadFrom(string path)
        {
            var engine = Native.ENGINE_by_id("dynamic");
            if (engine == IntPtr.Zero) throw Failed("OpenSSL's dynamic engine is not available", path);
            try
            {
                if (Native.ENGINE_ctrl_cmd_string(engine, "SO_PATH", path, 0) != 1
                    || Native.ENGINE_ctrl_cmd_string(engine, "ID", "gost", 0) != 1
                    || Native.ENGINE_ctrl_cmd_string(engine, "LIST_ADD", "1", 0) != 1
                    || Native.ENGINE_ctrl_cmd_string(engine, "LOAD", null, 0) != 1)
                {
                    throw Failed(path + " did not load as the gost engine of this OpenSSL", path);
                }
                Initialize(engine, path);
                return path;
            }
            finally
            {
                Native.ENGINE_free(engine);
            }
        }

        /// <summary>Takes a functional reference that is never released and makes the engine the default for everything it implements.</summary>
        private static void Initialize(IntPtr engine, string what)
        {
            if (Native.ENGINE_init(engine) != 1) throw Failed(what + " did not initialise", what);
            if (Native.ENGINE_set_default(engine, EngineMethodAll) != 1)
            {
                var error = Failed(what + " could not be made OpenSSL's default for GOST algorithms", what);
                Native.ENGINE_finish(engine);
                throw error;
            }
        }

        private static GostTlsUnavailableException Failed(string what, string path)
        {
            var reason = LastError();
            return new GostTlsUnavailableException("The GOST engine could not be loaded into OpenSSL: " + what + (reason == null ? "." : " (" + reason + ")."),
                new GostTlsProblem(what + ".", Install + " for this OpenSSL 3 (the engine must match libcrypto.so.3: engines-3/gost.so); " + UseTunnel + "."));
        }

        /// <summary>The oldest error on this thread's OpenSSL queue, as text; the queue is then cleared so that .NET never sees it.</summary>
        private static string? LastError()
        {
            var code = Native.ERR_get_error();
            ClearErrors();
            if (code == 0) return null;
            var buffer = new byte[256];
            Native.ERR_error_string_n(code, buffer, (UIntPtr)buffer.Length);
            var length = Array.IndexOf(buffer, (byte)0);
            return Encoding.ASCII.GetString(buffer, 0, length < 0 ? buffer.Length : length);
        }

        // .NET reads the same per-thread error queue after its own OpenSSL calls: leave nothing on it.
        private static void ClearErrors()
        {
            try { Native.ERR_clear_error(); }
            catch (DllNotFoundException) { }
            catch (EntryPointNotFoundException) { }
        }

        private static class Native
        {
            // The soname .NET's System.Security.Cryptography.Native.OpenSsl loads first: dlopen hands back the same library.
            private const string LibCrypto = "libcrypto.so.3";

            [DllImport(LibCrypto, CallingConvention = CallingConvention.Cdecl, CharSet = CharSet.Ansi, BestFitMapping = false)]
            internal static extern IntPtr ENGINE_by_id(string id);

            [DllImport(LibCrypto, CallingConvention = CallingConvention.Cdecl, CharSet = CharSet.Ansi, BestFitMapping = false)]
            internal static extern int ENGINE_ctrl_cmd_string(IntPtr engine, string command, string? argument, int optional);

            [DllImport(LibCrypto, CallingConvention = CallingConvention.Cdecl)]
            internal static extern int ENGINE_init(IntPtr engine);

            [DllImport(LibCrypto, CallingConvention = CallingConvention.Cdecl)]
            internal static extern int ENGINE_finish(IntPtr engine);

            [DllImport(LibCrypto, CallingConvention = CallingConvention.Cdecl)]
            internal static extern int ENGINE_set_default(IntPtr engine, uint flags);

            [DllImport(LibCrypto, CallingConvention = CallingConvention.Cdecl)]
            internal static extern int ENGINE_free(IntPtr engine);

            [DllImport(LibCrypto, CallingConvention = CallingConvention.Cdecl)]
            internal static extern ulong ERR_get_error();

            [DllImport(LibCrypto, CallingConvention = CallingConvention.Cdecl)]
            internal static extern void ERR_error_string_n(ulong code, byte[] buffer, UIntPtr length);

            [DllImport(LibCrypto, CallingConvention = CallingConvention.Cdecl)]
            internal static extern void ERR_clear_error();
        }
    }
}
