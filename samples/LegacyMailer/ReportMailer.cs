using System.Net;
using System.Net.Mail;

namespace LegacyMailer
{
    /// <summary>Sends the nightly report with System.Net.Mail, the way it was written in 2012.</summary>
    internal sealed class ReportMailer
    {
        private readonly string _user;
        private readonly string _password;

        public ReportMailer(string user, string password)
        {
            _user = user;
            _password = password;
        }

        public void SendNightlyReport(string body)
        {
            var message = new MailMessage("reports@example.com", "finance@example.com", "Nightly report", body);

            // Port 25, no EnableSsl: the password and the report cross the network in cleartext. TLS003.
            using (var client = new SmtpClient("smtp.example.com", 25))
            {
                client.Credentials = new NetworkCredential(_user, _password);
                client.Send(message);
            }
        }

        public void SendAlert(string text)
        {
            // Mandatory STARTTLS: secure, but RFC 8314 prefers implicit TLS, which SmtpClient cannot do. TLS008.
            var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
            client.Credentials = new NetworkCredential(_user, _password);
            client.Send("alerts@example.com", "oncall@example.com", "Alert", text);
        }

        public void SendToLocalRelay(string text)
        {
            // The on-box relay: loopback is not network exposure, so not a finding.
            new SmtpClient("localhost", 25).Send("app@example.com", "ops@example.com", "Local", text);
        }
    }
}
