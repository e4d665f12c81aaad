using System.IO;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace LegacyMailer
{
    internal sealed class AlertSettings
    {
        public bool LegacyRelay { get; set; }

        public bool Offline { get; set; }
    }

    /// <summary>
    /// A service that decides its security once, in the constructor, from settings, and keeps the choices in fields: the
    /// analyzer follows them to the calls that use them.
    /// </summary>
    internal sealed class AlertSender
    {
        private readonly SecureSocketOptions _security;
        private readonly bool _checkRevocation = true;

        public AlertSender(AlertSettings settings)
        {
            // A "legacy relay" gets STARTTLS only if the server offers it: TLS004 at the Connect below, "when settings.LegacyRelay".
            _security = settings.LegacyRelay ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.SslOnConnect;
            if (settings.Offline)
            {
                // Revocation off when offline: TLS006 where the handshake below takes it.
                _checkRevocation = false;
            }
        }

        public void Send(MimeKit.MimeMessage message)
        {
            using (var smtp = new SmtpClient())
            {
                smtp.Connect("alerts.example.com", 587, _security);
                smtp.Send(message);
                smtp.Disconnect(true);
            }
        }

        public SslStream OpenStatusFeed(Stream inner)
        {
            var stream = new SslStream(inner, false);
            stream.AuthenticateAsClient("status.example.com", null, SslProtocols.None, _checkRevocation);
            return stream;
        }
    }

    /// <summary>
    /// The status endpoint accepts any client certificate in the handshake and checks its thumbprint afterwards: a server's
    /// policy for its clients, which the handshake helper (authenticating the stream as the server) shows. Not reported.
    /// </summary>
    internal sealed class StatusListener
    {
        public SslStream Serve(Stream inner, X509Certificate2 certificate)
        {
            var stream = new SslStream(inner, false, (sender, client, chain, errors) => true);
            Handshake.AsServer(stream, certificate);
            return stream;
        }
    }

    internal static class Handshake
    {
        public static void AsServer(SslStream stream, X509Certificate2 certificate)
            => stream.AuthenticateAsServer(certificate, true, SslProtocols.None, true);
    }
}
