using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GosApi.PowerShell.Tests.Infrastructure;
using static GosApi.PowerShell.Tests.FnsMobileSign.FnsWorkflowScripts;

namespace GosApi.PowerShell.Tests.FnsMobileSign;

/// <summary>Receive-FnsCallback against the sandbox's real callbacks, and ConvertFrom-FnsCallback on the spec's bodies.</summary>
public sealed class FnsCallbackTests : IClassFixture<FnsFixture>, IDisposable
{
    private readonly FnsFixture fx;
    private readonly TestFiles files = new();

    public FnsCallbackTests(FnsFixture fx) => this.fx = fx;

    public void Dispose() => files.Dispose();

    private HostedResult Invoke(string script, Dictionary<string, object>? variables = null)
    {
        var all = new Dictionary<string, object> { ["dir"] = files.Root, ["consumer"] = fx.Signer.Id, ["cb"] = FreePrefix() };
        if (variables != null) foreach (var pair in variables) all[pair.Key] = pair.Value;
        return fx.Engine.Invoke(Helpers + script, all);
    }

    /// <summary>The sandbox records an attempt once it has the answer, a moment after the listener sent it.</summary>
    private int DeliveredStatus(long workflowId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var attempts = fx.Sandbox.FnsCallbacks.Where(d => d.WorkflowId == workflowId).ToList();
            if (attempts.Any(d => d.Status == 200)) return 200;
            if (DateTime.UtcNow > deadline) return attempts.Count == 0 ? -1 : attempts[^1].Status;
            Thread.Sleep(20);
        }
    }

    private static string FreePrefix()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return $"http://127.0.0.1:{port}/cb/";
    }

    [Fact]
    public void The_final_callback_of_a_signing_workflow_is_received_as_a_workflow()
    {
        var result = Invoke(@"
            $w = New-FnsWorkflow -Type DocumentSigning -ConsumerId $consumer -Path (New-Doc 'cb.txt') -Callback $cb
            $w
            Receive-FnsCallback -Prefix $cb -WorkflowId $w.Id -TimeoutSec 30
        ").AssertSuccess();
        var workflows = result.Output.OfType(WorkflowType);
        Assert.Equal(2, workflows.Count);
        var id = workflows[0].Get<long>("Id");
        Assert.EndsWith("/cb/", workflows[0].Get<string>("Callback") ?? "/cb/");
        var callback = workflows[1];
        Assert.Equal(id, callback.Get<long>("Id"));
        Assert.Equal("Complete", callback.Get<object>("State").ToString());
        Assert.Equal("DocumentSigning", callback.Get<object>("Type").ToString());
        Assert.Equal(fx.Signer.Id, callback.Get<string>("ConsumerId"));
        Assert.Equal(workflows[0].Get<string>("ExternalId"), callback.Get<string>("ExternalId"));
        Assert.True(callback.Get<bool>("IsSuccessful"));
        Assert.Equal(200, DeliveredStatus(id));
    }

    [Fact]
    public void Invoke_FnsSigning_pipes_its_workflow_into_Receive_FnsCallback()
    {
        var result = Invoke(@"
            Invoke-FnsSigning -Path (New-Doc 'a.txt') -ConsumerId $consumer -Callback $cb | Receive-FnsCallback -Prefix $cb -TimeoutSec 30
        ").AssertSuccess();
        var callback = result.Single(WorkflowType);
        var id = callback.Get<long>("Id");
        Assert.Equal("Complete", callback.Get<object>("State").ToString());
        Assert.Equal(200, DeliveredStatus(id));
        Assert.Contains("\"complete\"", fx.Sandbox.FnsCallbacks.Last(d => d.WorkflowId == id && d.Status == 200).Body);
    }

    [Fact]
    public void A_registration_reports_installed_and_a_failed_one_its_rejection()
    {
        var installed = Invoke(@"
            $p = New-Person $phone
            $w = New-FnsWorkflow @p -Callback $cb
            Receive-FnsCallback -Prefix $cb -Count 1 -TimeoutSec 30
        ", new() { ["phone"] = NewPhone() }).AssertSuccess();
        var first = installed.Single(WorkflowType);
        Assert.Equal("Installed", first.Get<object>("State").ToString());
        Assert.False(first.Get<bool>("IsFinal"));

        var rejected = Invoke(@"
            $p = New-Person $phone 'Беспаспортов'
            $w = New-FnsWorkflow @p -Callback $cb
            Receive-FnsCallback -Prefix $cb -WorkflowId $w.Id -TimeoutSec 30
        ", new() { ["phone"] = NewPhone() }).AssertSuccess();
        var callback = rejected.Single(WorkflowType);
        Assert.Equal("Rejected", callback.Get<object>("State").ToString());
        Assert.Equal("Identification", callback.Get<object>("Type").ToString());
        Assert.Equal("Не пройдены проверки: Проверка действительности паспорта", callback.Get<string>("ErrorMessage"));
    }

    [Fact]
    public void Without_a_callback_the_wait_for_a_workflow_ends_with_WaitTimeout()
    {
        var clock = Stopwatch.StartNew();
        var result = Invoke("Receive-FnsCallback -Prefix $cb -WorkflowId 4242 -TimeoutSec 1");
        clock.Stop();
        Assert.Null(result.Terminating);
        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("FnsMobileSign.WaitTimeout", error.FullyQualifiedErrorId);
        Assert.Contains("4242", error.ToString());
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 10);

        var quiet = Invoke("Receive-FnsCallback -Prefix $cb -TimeoutSec 1").AssertSuccess();
        Assert.Empty(quiet.Output);
    }

    [Fact]
    public void A_malformed_prefix_is_an_invalid_argument()
    {
        var result = Invoke("Receive-FnsCallback -Prefix 'http://127.0.0.1:1/no-slash' -TimeoutSec 1");
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("FnsMobileSign.InvalidArgument", error.FullyQualifiedErrorId);
        Assert.Contains("Prefix", error.ToString());
    }

    // ---------------------------------------------------------------- ConvertFrom-FnsCallback on the spec's bodies

    [Fact]
    public void The_installed_callback_is_read()
    {
        var w = Convert("""{"consumer":"5ccb259b-a804-4207-9dc7-b7ebc7a7e05e","type":"identification","id":10909,"state":"installed"}""");
        Assert.Equal(10909L, w.Get<long>("Id"));
        Assert.Equal("Installed", w.Get<object>("State").ToString());
        Assert.Equal("Identification", w.Get<object>("Type").ToString());
        Assert.Equal("5ccb259b-a804-4207-9dc7-b7ebc7a7e05e", w.Get<string>("ConsumerId"));
        Assert.False(w.Get<bool>("IsFinal"));
        Assert.False(string.IsNullOrEmpty(w.Get<string>("StateDisplay")));
    }

    [Fact]
    public void A_complete_identification_with_its_agent_and_child_is_read()
    {
        var w = Convert("""{"is_remotely_identified":false,"external_id":"1c3b79f2-0f8e-4b62-a7b7-71aaf8c748c9","error_code":null,"error_message":null,"id":10909,"state":"complete","agent":{"middle_name":null,"first_name":"Админ","last_name":"Админов","username":"admin"},"company":null,"parent_id":null,"type":"identification","identification_point":{"external_id":null,"id":1,"name":"Центр идентификации"},"child_id":10910,"consumer":"5ccb259b-a804-4207-9dc7-b7ebc7a7e05e"}""");
        Assert.Equal("Complete", w.Get<object>("State").ToString());
        Assert.True(w.Get<bool>("IsSuccessful"));
        Assert.Equal("admin", w.Get<string>("AgentUsername"));
        Assert.Equal(10910L, w.Get<long?>("ChildId"));
        Assert.Null(w.Get<long?>("ParentId"));
        Assert.Equal("1c3b79f2-0f8e-4b62-a7b7-71aaf8c748c9", w.Get<string>("ExternalId"));
        Assert.Equal("fns://workflow/10909", w.Get<string>("DeepLink"));
    }

    [Fact]
    public void A_complete_certificate_issuing_and_a_complete_signing_are_read()
    {
        var issuing = Convert("""{"is_remotely_identified":false,"external_id":"5ad0a929-0331-41bd-8a14-dabd3c43f7f7","error_code":null,"error_message":null,"id":10910,"state":"complete","agent":{"middle_name":null,"first_name":"Админ","last_name":"Админов","username":"admin"},"company":null,"parent_id":10909,"type":"certificate-issuing","identification_point":{"external_id":null,"id":1,"name":"Центр идентификации"},"child_id":10911,"consumer":"5ccb259b-a804-4207-9dc7-b7ebc7a7e05e"}""");
        Assert.Equal("CertificateIssuing", issuing.Get<object>("Type").ToString());
        Assert.Equal(10909L, issuing.Get<long?>("ParentId"));
        Assert.Equal(10911L, issuing.Get<long?>("ChildId"));
        var signing = Convert("""{"external_id":"755c6bd9-0203-4033-ba21-5bf6e9b73f7e","error_code":null,"error_message":null,"id":10912,"state":"complete","parent_id":null,"type":"document-signing","child_id":10913,"consumer":"5ccb259b-a804-4207-9dc7-b7ebc7a7e05e"}""");
        Assert.Equal("DocumentSigning", signing.Get<object>("Type").ToString());
        Assert.Equal("Complete", signing.Get<object>("State").ToString());
        Assert.Equal(10912L, signing.Get<long>("Id"));
    }

    [Theory]
    [InlineData("""{"id":5040033,"state":"rejected","type":"identification","parent_id":null,"consumer":"53bf8cec-4ed1-4ade-8280-fdf58ee78f07","child_id":null,"external_id":"917005b6-6b10-49af-aa9b-1f1dfcc9aa0b","error_code":null,"error_message":"Не пройдены проверки: Валидация ФИО-СНИЛС"}""", "Не пройдены проверки: Валидация ФИО-СНИЛС")]
    [InlineData("""{"id":5039836,"state":"rejected","type":"identification","parent_id":null,"consumer":"dcc34ea7-6838-4939-8420-85ef7f94c65e","child_id":null,"external_id":"5a8be4cb-2647-4405-a3d6-25db52838845","error_code":null,"error_message":"Не пройдены проверки: Валидация ФИО-ИНН ФЛ"}""", "Не пройдены проверки: Валидация ФИО-ИНН ФЛ")]
    [InlineData("""{"id":33464,"state":"rejected","type":"certificate-issuing","parent_id":null,"consumer":"497cde19-ead6-469a-ae03-bc1a563d48ff","child_id":null,"external_id":"d41b1a30-8603-4c5e-8d7e-bf5541e0393f","error_code":null,"error_message":null}""", null)]
    public void A_rejected_callback_is_read_with_its_error_message(string body, string? message)
    {
        var w = Convert(body);
        Assert.Equal("Rejected", w.Get<object>("State").ToString());
        Assert.True(w.Get<bool>("IsFinal"));
        Assert.False(w.Get<bool>("IsSuccessful"));
        Assert.Equal(message ?? "", w.Get<string>("ErrorMessage") ?? ""); // PowerShell reads a null string as ""
        Assert.Null(w.Get<long?>("ChildId"));
    }

    [Fact]
    public void A_wrapped_body_is_read_and_bodies_from_the_pipeline_are_each_converted_or_reported()
    {
        var result = fx.Engine.Invoke("""
            '{"result":{"id":7,"state":"error","type":"document-signing","error_code":"SIGN_ERROR","error_message":"Сертификат отозван"}}', 'not json', '{"id":1}', '', '[1,2]', '{"id":8,"state":"complete","type":"blank"}' | ConvertFrom-FnsCallback
            """);
        Assert.Null(result.Terminating);
        var workflows = result.Output.OfType(WorkflowType);
        Assert.Equal(2, workflows.Count);
        Assert.Equal("Error", workflows[0].Get<object>("State").ToString());
        Assert.Equal("SIGN_ERROR", workflows[0].Get<string>("ErrorCode"));
        Assert.Equal("Blank", workflows[1].Get<object>("Type").ToString());
        Assert.Equal(4, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("FnsMobileSign.InvalidArgument", e.FullyQualifiedErrorId);
            Assert.Contains("InputObject", e.ToString());
        });
    }

    private System.Management.Automation.PSObject Convert(string body) =>
        fx.Engine.Invoke("ConvertFrom-FnsCallback -InputObject $body", new Dictionary<string, object> { ["body"] = body }).AssertSuccess().Single(WorkflowType);
}
