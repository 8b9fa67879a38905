using System.Text.Json.Nodes;
using GosApi.Sandbox.ElectronicCertificates.Domain;
using GosApi.Sandbox.ElectronicCertificates.Http;
using GosApi.Sandbox.ElectronicCertificates.Json;

namespace GosApi.Sandbox.ElectronicCertificates.Operations;

/// <summary>
/// ec-create, ec-edit, ec-block queue one task each (201 REQUEST_IS_QUEUED, x-correlation-id = task Id); ec-tasks-status
/// is read as a queue: oldest first, up to Task_Quantity tasks of the requested types whose current status the client
/// has not been told yet, each then marked as told.
/// </summary>
internal sealed class TaskQueue(EcTaskTimeline timeline)
{
    public EcReply Enqueue(EcCall call, string type)
    {
        var account = call.Account;
        lock (account.Gate)
        {
            var task = new EcTask(Guid.NewGuid().ToString(), type, timeline.Now, call.Body.Clone());
            account.Tasks.Add(task);
            account.TasksById[task.Id] = task;
            return EcReply.Queued(task.Id);
        }
    }

    public EcReply Statuses(EcCall call)
    {
        var types = call.Body.GetProperty("Request_Types").EnumerateArray().Select(t => t.GetString()!).ToHashSet(StringComparer.Ordinal);
        var quantity = call.Body.GetProperty("Task_Quantity").ReadInteger();
        var answer = new JsonArray();
        var account = call.Account;
        lock (account.Gate)
        {
            var now = timeline.Now;
            foreach (var task in account.Tasks)
            {
                if (answer.Count == quantity) break;
                if (!types.Contains(task.Type)) continue;
                var status = timeline.StatusAt(task, now);
                if (status == task.ToldStatus) continue;
                task.ToldStatus = status;
                answer.Add(new JsonObject { ["Id"] = task.Id, ["Status"] = status, ["Task_Type"] = task.Type });
            }
        }
        return new EcReply(StatusCodes.Status201Created, answer);
    }
}
