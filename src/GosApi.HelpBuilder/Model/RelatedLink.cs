using System;

namespace GosApi.HelpBuilder;

/// <param name="Uri">As written in the markdown; may be relative (e.g. "about_GosApi.md").</param>
public sealed record RelatedLink(string Text, string Uri)
{
    public bool IsAbsolute => System.Uri.TryCreate(Uri, UriKind.Absolute, out var parsed)
        && (parsed.Scheme == System.Uri.UriSchemeHttp || parsed.Scheme == System.Uri.UriSchemeHttps);
}
