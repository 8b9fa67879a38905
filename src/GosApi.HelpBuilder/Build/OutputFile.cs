using System;
using System.IO;

namespace GosApi.HelpBuilder;

/// <summary>Writes a file only when its bytes change, so incremental builds see an unchanged timestamp.</summary>
internal static class OutputFile
{
    /// <returns>True when the file was written.</returns>
    public static bool WriteIfChanged(string path, ReadOnlySpan<byte> content)
    {
        if (File.Exists(path) && content.SequenceEqual(File.ReadAllBytes(path)))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, content.ToArray());
        File.Move(temporary, path, overwrite: true); // readers never see a half-written file
        return true;
    }
}
