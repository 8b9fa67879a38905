using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace GosApi.Sandbox.Infrastructure;

/// <summary>A file part streamed to a temporary file. Past the size limit the rest is counted and discarded.</summary>
internal sealed class UploadedFile(string tempPath, string? fileName, long length, bool overLimit)
{
    public string TempPath { get; } = tempPath;
    public string? FileName { get; } = fileName;
    /// <summary>Full length of the part as sent, even when it was over the limit.</summary>
    public long Length { get; } = length;
    public bool OverLimit { get; } = overLimit;
    public bool Claimed { get; private set; }

    /// <summary>Moves the file to its final place; it is then no longer deleted with the form.</summary>
    public void MoveTo(string path)
    {
        if (OverLimit) throw new InvalidOperationException("an over-limit upload has no content");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(TempPath, path, overwrite: true);
        Claimed = true;
    }
}

/// <summary>
/// multipart/form-data read section by section: text fields into memory (small), the one file part straight to disk.
/// Never buffers the file: chunks may be 5 MB and /push bodies arbitrarily large.
/// </summary>
internal sealed class MultipartForm : IDisposable
{
    private const int MaxFieldLength = 64 * 1024;

    private MultipartForm(Dictionary<string, string> fields, UploadedFile? file)
    {
        Fields = fields;
        File = file;
    }

    public IReadOnlyDictionary<string, string> Fields { get; }
    public UploadedFile? File { get; }

    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;

    public static async Task<MultipartForm> ReadAsync(HttpRequest request, string fileField, long maxFileBytes, StorageLayout storage, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw ApiException.BadRequest($"Content-Type must be multipart/form-data, got '{request.ContentType}'");
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
            throw ApiException.BadRequest("Content-Type multipart/form-data has no boundary");

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        UploadedFile? file = null;
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data"))
                    throw ApiException.BadRequest("multipart section without Content-Disposition: form-data");
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (name == fileField)
                {
                    if (file is not null) throw ApiException.BadRequest($"{fileField}: only one file part is allowed");
                    file = await SaveFileAsync(section.Body, disposition, maxFileBytes, storage, ct);
                }
                else
                {
                    fields[name] = await ReadFieldAsync(name, section.Body, ct);
                }
            }
        }
        catch (InvalidDataException ex)
        {
            Delete(file);
            throw ApiException.BadRequest("malformed multipart/form-data body: " + ex.Message);
        }
        catch
        {
            Delete(file);
            throw;
        }
        return new MultipartForm(fields, file);
    }

    public void Dispose() => Delete(File);

    private static void Delete(UploadedFile? file)
    {
        if (file is { Claimed: false }) StorageLayout.TryDelete(file.TempPath);
    }

    private static async Task<string> ReadFieldAsync(string name, Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxFieldLength)
                throw ApiException.BadRequest($"{name}: form field is longer than {MaxFieldLength} bytes");
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static async Task<UploadedFile> SaveFileAsync(Stream body, ContentDispositionHeaderValue disposition, long maxBytes, StorageLayout storage, CancellationToken ct)
    {
        var path = storage.NewTempFile();
        var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
        long total = 0;
        var overLimit = false;
        var buffer = new byte[81920];
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
        {
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > maxBytes) overLimit = true;
                if (!overLimit) await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        if (overLimit) StorageLayout.TryDelete(path);
        return new UploadedFile(path, fileName, total, overLimit);
    }
}
