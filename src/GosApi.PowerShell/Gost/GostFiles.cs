using System;
using System.IO;

namespace GosApi.PowerShell.Gost
{
    /// <summary>Writes key and certificate files so that a crash never leaves half a file under the final name.</summary>
    internal static class GostFiles
    {
        public static void WriteAtomically(string path, byte[] content)
        {
            var directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            var temp = path + ".partial-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            try
            {
                File.WriteAllBytes(temp, content);
                if (File.Exists(path)) File.Delete(path);
                File.Move(temp, path);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}
