using System.Collections.Concurrent;
using System.Collections.Generic;
using GosApi.ElectronicCertificates.Models;

namespace GosApi.ElectronicCertificates
{
    /// <summary>
    /// The last status the session learnt of each task. ec-tasks-status reports a status once (it works as a
    /// queue), so a task whose status did not change since is answered from here.
    /// </summary>
    internal sealed class TaskStatusRegistry
    {
        private readonly ConcurrentDictionary<string, ElectronicCertificateTask> tasks = new ConcurrentDictionary<string, ElectronicCertificateTask>(System.StringComparer.OrdinalIgnoreCase);

        public void Record(ElectronicCertificateTask task) =>
            tasks.AddOrUpdate(task.TaskId, task, (_, known) => task.ObservedAt >= known.ObservedAt ? task : known);

        public bool TryGet(string taskId, out ElectronicCertificateTask task) => tasks.TryGetValue(taskId, out task!);

        public IReadOnlyCollection<ElectronicCertificateTask> All => (IReadOnlyCollection<ElectronicCertificateTask>)tasks.Values;
    }
}
