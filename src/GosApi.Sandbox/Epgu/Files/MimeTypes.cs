namespace GosApi.Sandbox.Epgu.Files;

internal static class MimeTypes
{
    public static string For(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xml" => "application/xml",
        ".pdf" => "application/pdf",
        ".sig" or ".p7s" => "application/pkcs7-signature",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".txt" => "text/plain",
        _ => "application/octet-stream",
    };
}
