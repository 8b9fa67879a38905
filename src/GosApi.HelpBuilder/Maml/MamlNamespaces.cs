using System.Xml.Linq;

namespace GosApi.HelpBuilder;

/// <summary>The namespaces of PowerShell's MAML help files (as in PowerShell's own *-help.xml).</summary>
public static class MamlNamespaces
{
    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    public static readonly XNamespace MSHelp = "http://msdn.microsoft.com/mshelp";
}
