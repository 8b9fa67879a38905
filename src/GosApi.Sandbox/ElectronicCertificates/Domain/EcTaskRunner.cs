using System.Text.Json;
using System.Text.Json.Nodes;

namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>
/// Executes, in arrival order, every task of an account that has reached taskIsExecuted. Lazy: called before anything
/// reads results or certificates, under the account's lock; each record is processed at the task's execution instant.
/// </summary>
internal sealed class EcTaskRunner(EcTaskTimeline timeline, CreateProcessor create, EditProcessor edit, BlockProcessor block)
{
    public void RunDue(EcAccount account)
    {
        var now = timeline.Now;
        while (account.ExecutedCount < account.Tasks.Count)
        {
            var task = account.Tasks[account.ExecutedCount];
            var executesAt = timeline.ExecutesAt(task);
            if (executesAt > now) break;
            task.Results = new JsonArray(task.Records.EnumerateArray()
                .Select(record => (JsonNode)Process(task.Type, record, account, task.CreatedAt, executesAt)).ToArray());
            account.ExecutedCount++;
        }
    }

    private JsonObject Process(string type, JsonElement record, EcAccount account, DateTimeOffset received, DateTimeOffset processed) => type switch
    {
        EcTaskTypes.Create => create.Process(record, account, received, processed),
        EcTaskTypes.Edit => edit.Process(record, account, received, processed),
        _ => block.Process(record, account, received, processed),
    };
}

internal static class EcTaskTypes
{
    public const string Create = "ec_create";
    public const string Edit = "ec_edit";
    public const string Block = "ec_block";
}
