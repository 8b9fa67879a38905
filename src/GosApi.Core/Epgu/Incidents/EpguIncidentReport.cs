using System;
using System.Collections.Generic;

namespace GosApi.Epgu.Incidents
{
    /// <summary>One numbered item of the incident request (001 Appendix 2).</summary>
    public sealed class EpguIncidentItem
    {
        public EpguIncidentItem(int number, string title, string text)
        {
            Number = number;
            Title = title;
            Text = text;
        }

        public int Number { get; }
        public string Title { get; }
        public string Text { get; }
        public override string ToString() => $"{Number}. {Title}";
    }

    /// <summary>
    /// An incident request to the EPGU support centre (sd@sc.digital.gov.ru) in the form of 001 Appendix 2:
    /// the e-mail subject and the eight items, as a text document. Holds no token or other secret.
    /// </summary>
    public sealed class EpguIncidentReport
    {
        internal EpguIncidentReport(string recipient, string subject, string environment, string? orderId, DateTimeOffset requestTime, IReadOnlyList<EpguIncidentItem> items, string text)
        {
            Recipient = recipient;
            Subject = subject;
            Environment = environment;
            OrderId = orderId;
            RequestTime = requestTime;
            Items = items;
            Text = text;
        }

        /// <summary>Where to send the report (001 Appendix 2).</summary>
        public string Recipient { get; }
        /// <summary>The e-mail subject: "&lt;mnemonic&gt; #API-ЕПГУ #&lt;summary&gt;".</summary>
        public string Subject { get; }
        /// <summary>PROD or SVCDEV.</summary>
        public string Environment { get; }
        public string? OrderId { get; }
        public DateTimeOffset RequestTime { get; }
        public IReadOnlyList<EpguIncidentItem> Items { get; }
        /// <summary>The whole document: subject line and the eight items.</summary>
        public string Text { get; }
        /// <summary>The file the report was written to, if any.</summary>
        public string? Path { get; set; }

        public override string ToString() => Subject;
    }
}
