using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using GosApi.ElectronicCertificates;
using GosApi.Epgu;
using GosApi.FnsMobileSign;
using GosApi.Uc;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>
    /// The default session of each service, kept per runspace so that parallel runspaces (jobs, tests,
    /// ForEach-Object -Parallel) never share each other's connections.
    /// </summary>
    internal static class SessionStore
    {
        private static readonly ConditionalWeakTable<Runspace, Sessions> ByRunspace = new ConditionalWeakTable<Runspace, Sessions>();

        private sealed class Sessions
        {
            public EpguSession? Epgu;
            public ElectronicCertificateSession? ElectronicCertificate;
            public FnsSession? Fns;
            public UcSession? Uc;
        }

        private static Sessions Current => ByRunspace.GetValue(Runspace.DefaultRunspace, _ => new Sessions());

        public static EpguSession? Epgu
        {
            get => Current.Epgu;
            set => Current.Epgu = value;
        }

        public static UcSession? Uc
        {
            get => Current.Uc;
            set => Current.Uc = value;
        }

        public static FnsSession? Fns
        {
            get => Current.Fns;
            set => Current.Fns = value;
        }

        public static ElectronicCertificateSession? ElectronicCertificate
        {
            get => Current.ElectronicCertificate;
            set => Current.ElectronicCertificate = value;
        }
    }
}
