using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TlsMinAnalyzer.Benchmarks;

/// <summary>
/// Deterministic C# workloads: mostly ordinary business code that touches none of the TLS or mail types, with a realistic
/// share (about one file in twenty) of HTTP, SslStream, SmtpClient and MailKit code, good and bad.
/// </summary>
internal static class Workload
{
    private const int LinesPerFile = 400;

    public static List<string> Generate(int lines, bool withNetworking, int seed = 20261130)
    {
        var random = new System.Random(seed);
        var files = new List<string>();
        var produced = 0;
        for (var index = 0; produced < lines; index++)
        {
            var networking = withNetworking && index % 20 == 7;
            var text = networking ? NetworkingFile(index, random) : OrdinaryFile(index, random);
            files.Add(text);
            produced += CountLines(text);
        }

        return files;
    }

    public static int CountLines(string text)
    {
        var count = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                count++;
            }
        }

        return count;
    }

    private static string OrdinaryFile(int index, System.Random random)
    {
        var builder = new StringBuilder();
        builder.AppendLine("using System;");
        builder.AppendLine("using System.Collections.Generic;");
        builder.AppendLine("using System.Linq;");
        builder.AppendLine("using System.Text;");
        builder.AppendLine();
        builder.AppendLine(CultureInfo.InvariantCulture, $"namespace Workload.Billing{index % 17}");
        builder.AppendLine("{");
        builder.AppendLine(CultureInfo.InvariantCulture, $"    public sealed class InvoiceService{index}");
        builder.AppendLine("    {");
        builder.AppendLine("        private readonly Dictionary<string, decimal> _rates = new Dictionary<string, decimal>();");
        builder.AppendLine("        private int _processed;");
        builder.AppendLine();
        var methods = 0;
        while (CountLines(builder.ToString()) < LinesPerFile - 20)
        {
            var m = methods++;
            switch (random.Next(4))
            {
                case 0:
                    builder.AppendLine(CultureInfo.InvariantCulture, $"        public decimal Total{m}(IEnumerable<decimal> amounts, string currency)");
                    builder.AppendLine("        {");
                    builder.AppendLine("            if (amounts is null) throw new ArgumentNullException(nameof(amounts));");
                    builder.AppendLine("            var rate = _rates.TryGetValue(currency, out var r) ? r : 1m;");
                    builder.AppendLine("            var total = 0m;");
                    builder.AppendLine("            foreach (var amount in amounts.Where(a => a > 0))");
                    builder.AppendLine("            {");
                    builder.AppendLine(CultureInfo.InvariantCulture, $"                total += Math.Round(amount * rate, {random.Next(2, 5)});");
                    builder.AppendLine("            }");
                    builder.AppendLine();
                    builder.AppendLine("            _processed++;");
                    builder.AppendLine("            return total;");
                    builder.AppendLine("        }");
                    break;
                case 1:
                    builder.AppendLine(CultureInfo.InvariantCulture, $"        public string Describe{m}(int id, DateTime due, bool overdue)");
                    builder.AppendLine("        {");
                    builder.AppendLine("            var text = new StringBuilder();");
                    builder.AppendLine("            text.Append(\"Invoice \").Append(id.ToString(System.Globalization.CultureInfo.InvariantCulture));");
                    builder.AppendLine("            text.Append(overdue ? \" is overdue since \" : \" is due on \");");
                    builder.AppendLine("            text.Append(due.ToString(\"yyyy-MM-dd\", System.Globalization.CultureInfo.InvariantCulture));");
                    builder.AppendLine("            return text.ToString();");
                    builder.AppendLine("        }");
                    break;
                case 2:
                    builder.AppendLine(CultureInfo.InvariantCulture, $"        public IReadOnlyList<int> Schedule{m}(int count, int step)");
                    builder.AppendLine("        {");
                    builder.AppendLine("            var result = new List<int>(count);");
                    builder.AppendLine("            for (var i = 0; i < count; i++)");
                    builder.AppendLine("            {");
                    builder.AppendLine("                result.Add(i * step + (i % 3 == 0 ? 1 : 0));");
                    builder.AppendLine("            }");
                    builder.AppendLine();
                    builder.AppendLine("            return result.OrderByDescending(x => x).ToList();");
                    builder.AppendLine("        }");
                    break;
                default:
                    builder.AppendLine(CultureInfo.InvariantCulture, $"        public void Configure{m}(string currency, decimal rate)");
                    builder.AppendLine("        {");
                    builder.AppendLine("            switch (currency)");
                    builder.AppendLine("            {");
                    builder.AppendLine("                case \"EUR\": _rates[currency] = rate; break;");
                    builder.AppendLine("                case \"USD\": _rates[currency] = rate * 0.9m; break;");
                    builder.AppendLine("                default: _rates[currency] = 1m; break;");
                    builder.AppendLine("            }");
                    builder.AppendLine("        }");
                    break;
            }

            builder.AppendLine();
        }

        builder.AppendLine("    }");
        builder.AppendLine("}");
        return builder.ToString();
    }

    private static string NetworkingFile(int index, System.Random random)
    {
        var bad = random.Next(2) == 0;
        var builder = new StringBuilder();
        builder.AppendLine("using System;");
        builder.AppendLine("using System.IO;");
        builder.AppendLine("using System.Net;");
        builder.AppendLine("using System.Net.Http;");
        builder.AppendLine("using System.Net.Mail;");
        builder.AppendLine("using System.Net.Security;");
        builder.AppendLine("using System.Security.Authentication;");
        builder.AppendLine("using System.Security.Cryptography.X509Certificates;");
        builder.AppendLine("using MailKit.Security;");
        builder.AppendLine();
        builder.AppendLine(CultureInfo.InvariantCulture, $"namespace Workload.Integration{index % 7}");
        builder.AppendLine("{");
        builder.AppendLine(CultureInfo.InvariantCulture, $"    public sealed class PartnerGateway{index}");
        builder.AppendLine("    {");
        builder.AppendLine(CultureInfo.InvariantCulture, $"        private const SslProtocols Allowed = {(bad ? "SslProtocols.Tls11 | SslProtocols.Tls12" : "SslProtocols.Tls12 | SslProtocols.Tls13")};");
        builder.AppendLine();
        var blocks = 0;
        while (CountLines(builder.ToString()) < LinesPerFile - 20)
        {
            var b = blocks++;
            switch (random.Next(5))
            {
                case 0:
                    builder.AppendLine(CultureInfo.InvariantCulture, $"        public HttpClient Client{b}(bool legacy)");
                    builder.AppendLine("        {");
                    builder.AppendLine("            var handler = new HttpClientHandler");
                    builder.AppendLine("            {");
                    builder.AppendLine("                SslProtocols = legacy ? Allowed : SslProtocols.None,");
                    builder.AppendLine(bad ? "                ServerCertificateCustomValidationCallback = (m, c, ch, e) => true," : "                ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None,");
                    builder.AppendLine("                CheckCertificateRevocationList = true,");
                    builder.AppendLine("            };");
                    builder.AppendLine("            return new HttpClient(handler);");
                    builder.AppendLine("        }");
                    break;
                case 1:
                    builder.AppendLine(CultureInfo.InvariantCulture, $"        public SslStream Open{b}(Stream stream, string host)");
                    builder.AppendLine("        {");
                    builder.AppendLine("            var ssl = new SslStream(stream, false);");
                    builder.AppendLine(bad ? "            ssl.AuthenticateAsClient(host, null, SslProtocols.Tls | SslProtocols.Tls12, false);" : "            ssl.AuthenticateAsClient(host, null, SslProtocols.None, true);");
                    builder.AppendLine("            if (ssl.SslProtocol == SslProtocols.Tls11) Console.WriteLine(\"old protocol negotiated\");");
                    builder.AppendLine("            return ssl;");
                    builder.AppendLine("        }");
                    break;
                case 2:
                    builder.AppendLine(CultureInfo.InvariantCulture, $"        public void Notify{b}(MailMessage message)");
                    builder.AppendLine("        {");
                    builder.AppendLine(bad ? "            using (var smtp = new System.Net.Mail.SmtpClient(\"smtp.example.com\", 25))" : "            using (var smtp = new System.Net.Mail.SmtpClient(\"smtp.example.com\", 587) { EnableSsl = true })");
                    builder.AppendLine("            {");
                    builder.AppendLine("                smtp.Credentials = new NetworkCredential(\"user\", \"secret\");");
                    builder.AppendLine("                smtp.Send(message);");
                    builder.AppendLine("            }");
                    builder.AppendLine("        }");
                    break;
                case 3:
                    builder.AppendLine(CultureInfo.InvariantCulture, $"        public void Sync{b}(MailKit.Net.Imap.ImapClient imap)");
                    builder.AppendLine("        {");
                    builder.AppendLine(bad ? "            imap.Connect(\"imap.example.com\", 143, false);" : "            imap.Connect(\"imap.example.com\", 993, SecureSocketOptions.SslOnConnect);");
                    builder.AppendLine("            imap.Disconnect(true);");
                    builder.AppendLine("        }");
                    break;
                default:
                    builder.AppendLine(CultureInfo.InvariantCulture, $"        public static void Process{b}()");
                    builder.AppendLine("        {");
                    builder.AppendLine(bad ? "            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls11;" : "            ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;");
                    builder.AppendLine(bad ? "            ServicePointManager.ServerCertificateValidationCallback = delegate { return true; };" : "            var current = ServicePointManager.SecurityProtocol;");
                    builder.AppendLine("        }");
                    break;
            }

            builder.AppendLine();
        }

        builder.AppendLine("    }");
        builder.AppendLine("}");
        return builder.ToString();
    }
}
