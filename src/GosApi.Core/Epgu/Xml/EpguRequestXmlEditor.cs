using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.XPath;
using GosApi.Errors;

namespace GosApi.Epgu.Xml
{
    /// <summary>What <see cref="EpguRequestXmlEdit.Save"/> did to a request XML.</summary>
    public sealed class EpguRequestXmlUpdate
    {
        public EpguRequestXmlUpdate(string path, long orderId, string xPath, int nodes, bool changed, string encoding, string? removedSignature)
        {
            Path = path;
            OrderId = orderId;
            XPath = xPath;
            Nodes = nodes;
            Changed = changed;
            Encoding = encoding;
            RemovedSignature = removedSignature;
        }

        public string Path { get; }
        public long OrderId { get; }
        public string XPath { get; }
        /// <summary>How many nodes the XPath selected (all of them now hold the order id).</summary>
        public int Nodes { get; }
        /// <summary>False when every selected node already held the order id (the file was not rewritten).</summary>
        public bool Changed { get; }
        public string Encoding { get; }
        /// <summary>The stale &lt;file&gt;.sig deleted with -Force, if any.</summary>
        public string? RemovedSignature { get; }
        public override string ToString() => Path;
    }

    /// <summary>
    /// A request XML loaded for putting the EPGU order id into it: the nodes are selected up front (nothing
    /// matching is an error naming the XPath); <see cref="Save"/> writes the file back in its own encoding,
    /// with its own declaration and BOM, and everything else as XmlDocument with PreserveWhitespace keeps it.
    /// </summary>
    public sealed class EpguRequestXmlEdit
    {
        private static readonly Regex EncodingAttribute = new Regex("encoding\\s*=\\s*([\"'])(?<name>[^\"']+)\\1", RegexOptions.CultureInvariant);
        private readonly XmlDocument document;
        private readonly IReadOnlyList<XmlNode> nodes;
        private readonly byte[] preamble;
        private readonly Encoding encoding;
        private readonly string? declaration;

        private EpguRequestXmlEdit(string path, long orderId, string xPath, XmlDocument document, IReadOnlyList<XmlNode> nodes, byte[] preamble, Encoding encoding, string? declaration)
        {
            Path = path;
            OrderId = orderId;
            XPath = xPath;
            this.document = document;
            this.nodes = nodes;
            this.preamble = preamble;
            this.encoding = encoding;
            this.declaration = declaration;
        }

        public string Path { get; }
        public long OrderId { get; }
        public string XPath { get; }
        public int Nodes => nodes.Count;
        public string EncodingName => encoding.WebName + (preamble.Length > 0 ? " (BOM)" : string.Empty);
        /// <summary>True when at least one selected node does not yet hold the order id.</summary>
        public bool WouldChange => nodes.Any(n => Text(n) != OrderIdText);
        /// <summary>The detached signature &lt;file&gt;.sig next to the file, if there is one.</summary>
        public string? Signature => File.Exists(Path + ".sig") ? Path + ".sig" : null;
        private string OrderIdText => OrderId.ToString(CultureInfo.InvariantCulture);

        /// <summary>Loads the file and selects the nodes; <paramref name="namespaces"/> maps the XPath's prefixes to namespace URIs.</summary>
        public static EpguRequestXmlEdit Open(string path, long orderId, string xPath, IEnumerable<KeyValuePair<string, string>>? namespaces = null)
        {
            if (orderId <= 0) throw new ArgumentException("The order id must be a positive number.", "OrderId");
            if (string.IsNullOrWhiteSpace(xPath)) throw new ArgumentException("The XPath is required.", "XPath");
            var full = System.IO.Path.GetFullPath(path);
            var bytes = File.ReadAllBytes(full);
            var (preamble, encoding) = DetectEncoding(bytes);
            var text = encoding.GetString(bytes, preamble.Length, bytes.Length - preamble.Length);
            string? declaration = null;
            if (text.StartsWith("<?xml", StringComparison.Ordinal))
            {
                var end = text.IndexOf("?>", StringComparison.Ordinal);
                if (end > 0) declaration = text.Substring(0, end + 2);
            }

            var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
            try
            {
                using (var reader = new XmlTextReader(new StringReader(text)) { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, Normalization = false, WhitespaceHandling = WhitespaceHandling.All })
                    document.Load(reader);
            }
            catch (XmlException ex)
            {
                throw Error(GosApiErrorKind.InvalidRequest, "InvalidRequestXml", $"{full} is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}", null);
            }

            var manager = new XmlNamespaceManager(document.NameTable);
            foreach (var pair in namespaces ?? Enumerable.Empty<KeyValuePair<string, string>>()) manager.AddNamespace(pair.Key, pair.Value);
            List<XmlNode> selected;
            try
            {
                selected = document.SelectNodes(xPath, manager)!.Cast<XmlNode>().ToList();
            }
            catch (XPathException ex)
            {
                throw new ArgumentException($"The XPath '{xPath}' is not valid: {ex.Message} (namespace prefixes must be declared with -Namespace @{{ p = 'uri' }}).", "XPath", ex);
            }
            if (selected.Count == 0)
                throw Error(GosApiErrorKind.NotFound, "XPathNotFound", $"The XPath '{xPath}' selects nothing in {full}; the order id was not written.",
                    "Check the element names and their namespace: elements in a namespace need a prefix mapped with -Namespace, e.g. -XPath '//p:OrderId' -Namespace @{ p = 'urn:…' }.");
            var wrong = selected.FirstOrDefault(n => n.NodeType != XmlNodeType.Element && n.NodeType != XmlNodeType.Attribute && n.NodeType != XmlNodeType.Text && n.NodeType != XmlNodeType.CDATA);
            if (wrong != null) throw new ArgumentException($"The XPath '{xPath}' selects a {wrong.NodeType} node; it must select elements, attributes or text.", "XPath");
            var elementWithChildren = selected.FirstOrDefault(n => n.NodeType == XmlNodeType.Element && n.ChildNodes.Cast<XmlNode>().Any(c => c.NodeType == XmlNodeType.Element));
            if (elementWithChildren != null) throw new ArgumentException($"The XPath '{xPath}' selects the element '{elementWithChildren.Name}', which has child elements; select the element that holds the order id.", "XPath");
            return new EpguRequestXmlEdit(full, orderId, xPath, document, selected, preamble, encoding, declaration);
        }

        /// <summary>
        /// Writes the order id. A detached signature &lt;file&gt;.sig next to the file would no longer match: without
        /// <paramref name="force"/> that is an error (sign after updating); with it the stale signature is deleted.
        /// </summary>
        public EpguRequestXmlUpdate Save(bool force)
        {
            if (!WouldChange) return new EpguRequestXmlUpdate(Path, OrderId, XPath, nodes.Count, false, EncodingName, null);
            var signature = Signature;
            if (signature != null && !force)
                throw Error(GosApiErrorKind.NotAllowedInCurrentState, "SignatureWouldBeInvalidated",
                    $"{Path} is signed ({signature}); writing the order id would invalidate that signature. Signatures are made after the order id is in the XML.",
                    "Update the XML first and sign it afterwards: use -Force to write the order id and delete the stale .sig, then sign again (New-GostSignature, or New-EpguPackage -SignWith).");

            foreach (var node in nodes)
            {
                if (node.NodeType == XmlNodeType.Element) node.InnerText = OrderIdText;
                else node.Value = OrderIdText;
            }

            var temp = Path + ".tmp-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                {
                    stream.Write(preamble, 0, preamble.Length);
                    if (declaration != null)
                    {
                        var bytes = encoding.GetBytes(declaration);
                        stream.Write(bytes, 0, bytes.Length);
                    }
                    var settings = new XmlWriterSettings
                    {
                        Encoding = encoding,
                        OmitXmlDeclaration = true,
                        ConformanceLevel = ConformanceLevel.Auto,
                        NewLineHandling = NewLineHandling.None,
                        Indent = false,
                        CloseOutput = false,
                        CheckCharacters = false,
                    };
                    using (var writer = XmlWriter.Create(stream, settings))
                    {
                        foreach (XmlNode child in document.ChildNodes)
                            if (child.NodeType != XmlNodeType.XmlDeclaration) child.WriteTo(writer);
                    }
                }
                File.Copy(temp, Path, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
            if (signature != null) File.Delete(signature);
            return new EpguRequestXmlUpdate(Path, OrderId, XPath, nodes.Count, true, EncodingName, signature);
        }

        private static string Text(XmlNode node) => node.NodeType == XmlNodeType.Element ? node.InnerText : node.Value ?? string.Empty;

        private static GosApiException Error(GosApiErrorKind kind, string code, string message, string? hint) =>
            new GosApiException(GosApiService.Epgu, kind, message) { ApiCode = code, Hint = hint };

        /// <summary>The BOM (kept as is) and the encoding: from the BOM, else the declaration, else UTF-8.</summary>
        private static (byte[] Preamble, Encoding Encoding) DetectEncoding(byte[] bytes)
        {
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return (new byte[] { 0xEF, 0xBB, 0xBF }, new UTF8Encoding(false));
            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return (new byte[] { 0xFF, 0xFE }, new UnicodeEncoding(false, false));
            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return (new byte[] { 0xFE, 0xFF }, new UnicodeEncoding(true, false));
            // The declaration is ASCII in every ASCII-compatible encoding.
            var head = System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 200));
            if (head.StartsWith("<?xml", StringComparison.Ordinal))
            {
                var end = head.IndexOf("?>", StringComparison.Ordinal);
                var match = EncodingAttribute.Match(end > 0 ? head.Substring(0, end) : head);
                if (match.Success) return (new byte[0], Resolve(match.Groups["name"].Value));
            }
            return (new byte[0], new UTF8Encoding(false));
        }

        private static Encoding Resolve(string name)
        {
            if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase)) return new UTF8Encoding(false);
            try
            {
                return System.Text.Encoding.GetEncoding(name);
            }
            catch (ArgumentException)
            {
                // windows-1251 and the other code pages need the code-pages provider on .NET (Core).
                var provider = Type.GetType("System.Text.CodePagesEncodingProvider, System.Text.Encoding.CodePages", throwOnError: false)
                    ?.GetProperty("Instance")?.GetValue(null) as EncodingProvider;
                if (provider != null)
                {
                    System.Text.Encoding.RegisterProvider(provider);
                    try { return System.Text.Encoding.GetEncoding(name); } catch (ArgumentException) { }
                }
                throw Error(GosApiErrorKind.InvalidRequest, "UnsupportedEncoding", $"The encoding '{name}' declared by the XML is not available.", null);
            }
        }
    }
}
