using GosApi.Sandbox;

// Standalone: dotnet run --project src/GosApi.Sandbox [--urls http://127.0.0.1:5080] [--Sandbox:ClockSpeed 600] ...
var configuration = new ConfigurationBuilder()
    .AddEnvironmentVariables("GOSAPI_")
    .AddCommandLine(args)
    .Build();
var options = new SandboxOptions();
configuration.GetSection("Sandbox").Bind(options);
var url = (configuration["urls"] ?? "http://127.0.0.1:5080").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];

await using var sandbox = await SandboxServer.StartAsync(options, url, quiet: false, CancellationToken.None);
var baseUri = sandbox.BaseUri.ToString().TrimEnd('/');
Console.WriteLine($"GosApi sandbox listening on {sandbox.BaseUri}");
Console.WriteLine($"  storage: {options.StorageDirectory} (deleted on exit), clock speed x{options.ClockSpeed}");
Console.WriteLine("Get an access token:");
Console.WriteLine($"  curl -s -X POST {baseUri}/sandbox/token -H 'Content-Type: application/json' -d '{{}}'");
Console.WriteLine($"  Invoke-RestMethod -Method Post -Uri {baseUri}/sandbox/token -ContentType application/json -Body '{{}}'");
Console.WriteLine($"ESIA organisation tokens: test CA at {baseUri}/sandbox/esia/ca, API keys and signer certificates via POST {baseUri}/sandbox/esia/apikeys and /sandbox/esia/certificates (see README).");
Console.WriteLine($"ИС «Электронный сертификат»: {baseUri}/api/1.2.1-Y/ec/ (and /api/1.2.1-У/ес/); register a client with POST {baseUri}/sandbox/ec/clients (see README).");
Console.WriteLine("Press Ctrl+C to stop.");
await sandbox.WaitForShutdownAsync();
Console.WriteLine("Stopping…");
