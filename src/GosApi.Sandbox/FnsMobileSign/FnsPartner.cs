namespace GosApi.Sandbox;

/// <summary>A partner account of the ФНС «Мобильная подпись» routes (/api/rb/…): its consumers, workflows and agents are its own.</summary>
public sealed record FnsPartner(string Username, string Password);

/// <summary>A consumer created by <see cref="SandboxServer.RegisterFnsConsumer"/>: identified, with a confirmed sign certificate.</summary>
public sealed record FnsConsumerInfo(string Id, string Inn, string Phone, string Snils);

/// <summary>One attempt to deliver a callback: <see cref="Status"/> 0 when the receiver did not answer (timeout, refused).</summary>
public sealed record FnsCallbackDelivery(long WorkflowId, string Url, string Body, int Status, int Attempt, DateTimeOffset At);
