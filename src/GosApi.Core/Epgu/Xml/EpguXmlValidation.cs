using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Schema;
using GosApi.Errors;

namespace GosApi.Epgu.Xml
{
    public enum EpguXmlSeverity
    {
        Error,
        Warning,
    }

    /// <summary>One problem of a request XML: where it is (1-based line and position) and what is wrong.</summary>
    public sealed class EpguXmlValidationError
    {
        public EpguXmlValidationError(EpguXmlSeverity severity, int line, int position, string message)
        {
            Severity = severity;
            Line = line;
            Position = position;
            Message = message;
        }

        public EpguXmlSeverity Severity { get; }
        public int Line { get; }
        public int Position { get; }
        public string Message { get; }
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "line {0}, position {1}: {2}", Line, Position, Message);
    }

    /// <summary>The outcome of validating one XML file against a schema set: every error found, in document order.</summary>
    public sealed class EpguXmlValidationResult
    {
        public EpguXmlValidationResult(string path, IReadOnlyList<EpguXmlValidationError> errors)
        {
            Path = path;
            Errors = errors;
        }

        public string Path { get; }
        public bool IsValid => Errors.All(e => e.Severity != EpguXmlSeverity.Error);
        public IReadOnlyList<EpguXmlValidationError> Errors { get; }

        /// <summary>"req.xml: line 3, position 5: …; line 7, …" for error messages.</summary>
        public string Describe() =>
            System.IO.Path.GetFileName(Path) + " does not match the schemas: " +
            string.Join("; ", Errors.Where(e => e.Severity == EpguXmlSeverity.Error).Select(e => e.ToString()));

        public override string ToString() => Path;
    }

    /// <summary>An XML file that does not match the service's schemas (ErrorId Epgu.InvalidRequestXml).</summary>
    public sealed class EpguXmlValidationException : GosApiException
    {
        public EpguXmlValidationException(IReadOnlyList<EpguXmlValidationResult> results)
            : base(GosApiService.Epgu, GosApiErrorKind.InvalidRequest, string.Join(Environment.NewLine, results.Where(r => !r.IsValid).Select(r => r.Describe())))
        {
            Results = results;
            ApiCode = EpguXmlSchemas.InvalidXmlCode;
            Hint = "Correct the XML so that it matches the service's XSD (see the line and position of each error) and check it again with Test-EpguRequestXml.";
        }

        public IReadOnlyList<EpguXmlValidationResult> Results { get; }
    }

    /// <summary>
    /// A compiled set of a service's XSD files. xs:include and xs:import are resolved relative to the file that
    /// names them; a file that another given file already includes or imports is not added twice.
    /// </summary>
    public sealed class EpguXmlSchemas
    {
        internal const string InvalidXmlCode = "InvalidRequestXml";
        internal const string InvalidSchemaCode = "InvalidSchema";
        private readonly XmlSchemaSet set;

        private EpguXmlSchemas(XmlSchemaSet set, IReadOnlyList<string> files)
        {
            this.set = set;
            Files = files;
        }

        /// <summary>The XSD files given (full paths).</summary>
        public IReadOnlyList<string> Files { get; }

        /// <summary>The target namespaces of the compiled set.</summary>
        public IReadOnlyList<string> Namespaces => set.Schemas().Cast<XmlSchema>().Select(s => s.TargetNamespace ?? string.Empty).Distinct().ToList();

        /// <summary>Reads and compiles the schemas; a schema that cannot be read or compiled is an error naming its file and line.</summary>
        public static EpguXmlSchemas Load(IEnumerable<string> schemaPaths)
        {
            var files = schemaPaths.Select(System.IO.Path.GetFullPath).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (files.Count == 0) throw new ArgumentException("At least one XSD file is required.", "SchemaPath");
            var problems = new List<string>();
            var read = new Dictionary<string, XmlSchema>(StringComparer.OrdinalIgnoreCase);
            var referenced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Queue<string>(files);
            while (pending.Count > 0)
            {
                var file = pending.Dequeue();
                if (read.ContainsKey(file)) continue;
                var schema = Read(file, problems);
                if (schema == null) continue;
                read[file] = schema;
                foreach (XmlSchemaExternal external in schema.Includes)
                {
                    if (string.IsNullOrEmpty(external.SchemaLocation)) continue;
                    var uri = new Uri(new Uri(file), external.SchemaLocation);
                    if (!uri.IsFile) continue;
                    referenced.Add(uri.LocalPath);
                    if (File.Exists(uri.LocalPath)) pending.Enqueue(uri.LocalPath);
                    else problems.Add(Where(file, external.LineNumber, external.LinePosition) + $": the schema '{external.SchemaLocation}' it names was not found ({uri.LocalPath})");
                }
            }
            ThrowIfAny(problems);

            var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
            set.ValidationEventHandler += (_, e) => { if (e.Severity == XmlSeverityType.Error) problems.Add(Describe(e.Exception, null)); };
            foreach (var file in files.Where(f => !referenced.Contains(f)))
            {
                try { set.Add(read[file]); }
                catch (XmlSchemaException ex) { problems.Add(Describe(ex, file)); }
            }
            if (problems.Count == 0)
            {
                try { set.Compile(); }
                catch (XmlSchemaException ex) { problems.Add(Describe(ex, null)); }
            }
            ThrowIfAny(problems);
            return new EpguXmlSchemas(set, files);
        }

        private static XmlSchema? Read(string file, List<string> problems)
        {
            if (!File.Exists(file))
            {
                problems.Add($"{file}: schema file not found");
                return null;
            }
            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
                using (var reader = XmlReader.Create(file, settings))
                {
                    var local = new List<string>();
                    var schema = XmlSchema.Read(reader, (_, e) => { if (e.Severity == XmlSeverityType.Error) local.Add(Describe(e.Exception, file)); });
                    problems.AddRange(local);
                    return local.Count == 0 ? schema : null;
                }
            }
            catch (XmlException ex)
            {
                problems.Add(Where(file, ex.LineNumber, ex.LinePosition) + ": " + ex.Message);
                return null;
            }
        }

        private static string Describe(XmlSchemaException ex, string? fallbackFile)
        {
            var file = ex.SourceUri != null && Uri.TryCreate(ex.SourceUri, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : fallbackFile ?? ex.SourceUri ?? "schema";
            return Where(file, ex.LineNumber, ex.LinePosition) + ": " + ex.Message;
        }

        private static string Where(string file, int line, int position) =>
            string.Format(CultureInfo.InvariantCulture, "{0} (line {1}, position {2})", file, line, position);

        private static void ThrowIfAny(List<string> problems)
        {
            if (problems.Count == 0) return;
            throw new GosApiException(GosApiService.Epgu, GosApiErrorKind.InvalidRequest, "The XSD schemas cannot be used: " + string.Join("; ", problems.Distinct()))
            {
                ApiCode = InvalidSchemaCode,
                Hint = "Pass the service's complete, unchanged XSD set; included and imported files are looked up relative to the file that names them.",
            };
        }

        /// <summary>
        /// Validates one file, reading it as a stream (memory stays flat for big files), and reports every error
        /// with its line and position. A file that is not well-formed reports the point where reading stopped.
        /// </summary>
        public EpguXmlValidationResult Validate(string path)
        {
            var full = System.IO.Path.GetFullPath(path);
            var errors = new List<EpguXmlValidationError>();
            var settings = new XmlReaderSettings
            {
                ValidationType = ValidationType.Schema,
                Schemas = set,
                ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreWhitespace = false,
            };
            settings.ValidationEventHandler += (_, e) => errors.Add(new EpguXmlValidationError(
                e.Severity == XmlSeverityType.Error ? EpguXmlSeverity.Error : EpguXmlSeverity.Warning,
                e.Exception.LineNumber, e.Exception.LinePosition, e.Message));
            using (var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan))
            using (var reader = XmlReader.Create(stream, settings, full))
            {
                var info = (IXmlLineInfo)reader;
                var root = true;
                try
                {
                    while (reader.Read())
                    {
                        if (!root || reader.NodeType != XmlNodeType.Element) continue;
                        root = false;
                        if (!set.GlobalElements.Contains(new XmlQualifiedName(reader.LocalName, reader.NamespaceURI)))
                        {
                            var name = reader.NamespaceURI.Length == 0 ? reader.LocalName : "{" + reader.NamespaceURI + "}" + reader.LocalName;
                            errors.Add(new EpguXmlValidationError(EpguXmlSeverity.Error, info.LineNumber, info.LinePosition,
                                $"The root element {name} is not declared in the schemas (target namespaces: {string.Join(", ", Namespaces.Select(n => n.Length == 0 ? "(none)" : n))})."));
                        }
                    }
                }
                catch (XmlException ex)
                {
                    errors.Add(new EpguXmlValidationError(EpguXmlSeverity.Error, ex.LineNumber, ex.LinePosition, ex.Message));
                }
            }
            return new EpguXmlValidationResult(full, errors.OrderBy(e => e.Line).ThenBy(e => e.Position).ToList());
        }

        /// <summary>Validates the files and throws <see cref="EpguXmlValidationException"/> when any is invalid.</summary>
        public IReadOnlyList<EpguXmlValidationResult> ValidateAll(IEnumerable<string> paths)
        {
            var results = paths.Select(Validate).ToList();
            if (results.Any(r => !r.IsValid)) throw new EpguXmlValidationException(results);
            return results;
        }
    }
}
