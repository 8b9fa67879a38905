using System.Text.Json.Nodes;
using GosApi.Sandbox.ElectronicCertificates.Domain;
using GosApi.Sandbox.ElectronicCertificates.Http;

namespace GosApi.Sandbox.ElectronicCertificates.Operations;

/// <summary>
/// ec-tasks-results: 201 {"ec_tasks_results":{ec_create_task_results, ec_edit_tasks_results, ec_block_task_results}};
/// empty groups are left out, and so are unknown tasks and tasks not yet executed. Results can be read again.
/// </summary>
internal sealed class TaskResults(EcTaskRunner runner)
{
    private static readonly (string Type, string Group, string Records)[] Groups =
    [
        (EcTaskTypes.Create, "ec_create_task_results", "eCertificatesCreateResponse"),
        (EcTaskTypes.Edit, "ec_edit_tasks_results", "eCertificateEditResponse"),
        (EcTaskTypes.Block, "ec_block_task_results", "eCertificateBlockResponse"),
    ];

    public EcReply Read(EcCall call)
    {
        var ids = call.Body.GetProperty("eCertificateRequest_TaskResult").EnumerateArray()
            .Select(item => item.GetProperty("taskId").GetString()!).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var results = new JsonObject();
        var account = call.Account;
        lock (account.Gate)
        {
            runner.RunDue(account);
            var tasks = ids.Select(id => account.TasksById.GetValueOrDefault(id)).Where(t => t?.Results is not null).ToArray();
            foreach (var (type, group, records) in Groups)
            {
                var items = tasks.Where(t => t!.Type == type).Select(t => (JsonNode)new JsonObject
                {
                    ["Id"] = t!.Id,
                    ["Task_Type"] = t.Type,
                    [records] = t.Results!.DeepClone(),
                }).ToArray();
                if (items.Length > 0) results[group] = new JsonArray(items);
            }
        }
        return new EcReply(StatusCodes.Status201Created, new JsonObject { ["ec_tasks_results"] = results });
    }
}
