using System.Globalization;
using System.Security;
using System.Text;
using GosApi.Sandbox.Epgu.Orders;

namespace GosApi.Sandbox.Epgu.Files;

/// <summary>The agency's answer to a completed order: a result XML and a one-page PDF, hanging off the «Исполнено» status entry.</summary>
internal static class ResultFiles
{
    public static IReadOnlyList<ResultFile> For(OrderSnapshot order)
    {
        var completed = order.History.LastOrDefault(h => h.Status.HasResult);
        if (completed is null) return [];
        return
        [
            new ResultFile(completed.HistoryId, ResultFile.ResultType, $"result-xml-{order.Id}", $"result_{order.Id}.xml",
                "application/xml", ResultXml(order, completed)),
            new ResultFile(completed.HistoryId, ResultFile.ResultType, $"result-pdf-{order.Id}", $"Результат_{order.Id}.pdf",
                "application/pdf", ResultPdf(order)),
        ];
    }

    private static byte[] ResultXml(OrderSnapshot order, OrderStatusEntry completed)
    {
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Response xmlns="urn:gosapi:sandbox:epgu:result:1.0">
              <OrderId>{order.Id}</OrderId>
              <ServiceCode>{order.Service.ServiceCode}</ServiceCode>
              <TargetCode>{order.Service.TargetCode}</TargetCode>
              <Agency>{SecurityElement.Escape(order.Service.StateStructureName)}</Agency>
              <Result>{SecurityElement.Escape(completed.Status.Title)}</Result>
              <Date>{completed.Date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}</Date>
            </Response>
            """;
        return Encoding.UTF8.GetBytes(xml);
    }

    /// <summary>A minimal but well-formed PDF (correct xref offsets) so viewers and checks accept it.</summary>
    private static byte[] ResultPdf(OrderSnapshot order)
    {
        var text = $"GosApi sandbox: order {order.Id}, service {order.Service.ServiceCode} - completed";
        var stream = $"BT /F1 12 Tf 50 780 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
