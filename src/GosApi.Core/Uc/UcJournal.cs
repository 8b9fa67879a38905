using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace GosApi.Uc
{
    /// <summary>
    /// What Submit-UcRequest has done for one request, kept next to the key so that a re-run continues instead of
    /// repeating finished steps. Holds no secret: ids, step names, file names and the archive's SHA-256.
    /// </summary>
    public sealed class UcJournal
    {
        public long RequestId { get; set; }
        public List<string> Done { get; set; } = new List<string>();
        public string? ArchiveSha256 { get; set; }
        public string? ArchivePath { get; set; }
        public string? RequestPath { get; set; }
        public string? KeyPath { get; set; }
        public DateTimeOffset Updated { get; set; }

        public static string PathFor(string directory, long requestId) => System.IO.Path.Combine(directory, requestId + ".uc-journal.json");

        public static UcJournal Load(string path, long requestId)
        {
            if (!File.Exists(path)) return new UcJournal { RequestId = requestId };
            var journal = JsonSerializer.Deserialize<UcJournal>(File.ReadAllText(path)) ?? new UcJournal();
            if (journal.RequestId != requestId) throw new InvalidDataException($"{path} is the journal of request {journal.RequestId}, not {requestId}.");
            return journal;
        }

        public bool Has(string step) => Done.Contains(step);

        public void Mark(string step, string path)
        {
            if (!Done.Contains(step)) Done.Add(step);
            Updated = DateTimeOffset.UtcNow;
            var temp = path + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true }));
            if (File.Exists(path)) File.Delete(path);
            File.Move(temp, path);
        }
    }
}
