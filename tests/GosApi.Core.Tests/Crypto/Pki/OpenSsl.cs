using System.Text;
using Xunit;
using GosApi.Crypto.Signers;

namespace GosApi.Core.Tests.Crypto;

/// <summary>
/// openssl with the gost engine in a scratch folder, for interop checks. The engine is required, never optional:
/// a missing engine fails the test with the package to install.
/// </summary>
internal sealed class OpenSsl : IDisposable
{
    private static readonly Lazy<string> Engine = new(() =>
        OpenSslGostEnvironment.FindEngineAsync("openssl", CancellationToken.None).GetAwaiter().GetResult()
        ?? throw new InvalidOperationException(
            "These interop tests need openssl with the GOST engine: install the Debian package libengine-gost-openssl " +
            "(apt-get install -y libengine-gost-openssl); .ci/run installs it in CI."));

    public OpenSsl()
    {
        Dir = OpenSslGostEnvironment.NewTempDirectory();
        EnginePath = Engine.Value;
        Config = OpenSslGostEnvironment.WriteConfig(EnginePath, Dir);
    }

    public string Dir { get; }

    public string Config { get; }

    public string EnginePath { get; }

    public string File(string name) => Path.Combine(Dir, name);

    public string Write(string name, byte[] content)
    {
        var path = File(name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public string Write(string name, string content) => Write(name, Encoding.UTF8.GetBytes(content));

    public byte[] Read(string name) => System.IO.File.ReadAllBytes(File(name));

    /// <summary>Runs openssl in the scratch folder with OPENSSL_CONF loading the gost engine.</summary>
    public (int ExitCode, string Output, byte[] Stdout) Run(params string[] arguments)
    {
        var previous = Directory.GetCurrentDirectory();
        var command = new ExternalCommand("openssl", arguments.Select(a => a.StartsWith('@') ? File(a.Substring(1)) : a).ToArray());
        var result = ExternalProcess.RunAsync(command, new Dictionary<string, string> { ["OPENSSL_CONF"] = Config }, null, TimeSpan.FromMinutes(2))
            .GetAwaiter().GetResult();
        return (result.ExitCode, result.OutputText + result.Error, result.Output);
    }

    /// <summary>Runs openssl and fails the test (showing openssl's output) unless it exits 0.</summary>
    public string RunOk(params string[] arguments)
    {
        var (exit, output, _) = Run(arguments);
        Assert.True(exit == 0, "openssl " + string.Join(" ", arguments) + " exited " + exit + ":\n" + output);
        return output;
    }

    public void Dispose() => OpenSslGostEnvironment.DeleteDirectory(Dir);
}
