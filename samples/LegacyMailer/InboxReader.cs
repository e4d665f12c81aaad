using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace LegacyMailer
{
    /// <summary>A hand-rolled IMAP client over SslStream, as found in many old line-of-business apps.</summary>
    internal sealed class InboxReader : IDisposable
    {
        private readonly TcpClient _tcp;
        private readonly SslStream _ssl;

        public InboxReader(string host, int port)
        {
            _tcp = new TcpClient(host, port);
            _ssl = new SslStream(_tcp.GetStream(), false, AcceptHostingProviderCertificate);

            // The last argument switches revocation checking off: TLS006.
            _ssl.AuthenticateAsClient(host, null, TlsPolicy.MailProtocols, false);
            if (TlsPolicy.IsDeprecated(_ssl))
            {
                Console.Error.WriteLine("Warning: negotiated " + TlsPolicy.Describe(_ssl.SslProtocol));
            }
        }

        // The provider's certificate "has the wrong name" (it is issued to *.hosting.example), so the mismatch is waved
        // through, which is exactly what a man in the middle needs. TLS002 names the error it accepts.
        private static bool AcceptHostingProviderCertificate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
        {
            return errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateNameMismatch;
        }

        public int CountUnread(string user, string password)
        {
            var writer = new StreamWriter(_ssl, Encoding.ASCII) { AutoFlush = true, NewLine = "\r\n" };
            var reader = new StreamReader(_ssl, Encoding.ASCII);
            writer.WriteLine("a1 LOGIN " + user + " " + password);
            reader.ReadLine();
            writer.WriteLine("a2 STATUS INBOX (UNSEEN)");
            var status = reader.ReadLine() ?? string.Empty;
            var start = status.IndexOf("UNSEEN ", StringComparison.Ordinal);
            return start < 0 ? 0 : int.Parse(status.Substring(start + 7).TrimEnd(')'));
        }

        /// <summary>Fallback used when the server "does not like" the default: TLS001 in the argument.</summary>
        public static SslStream ConnectLegacy(Stream stream, string host)
        {
            var ssl = new SslStream(stream);
            ssl.AuthenticateAsClient(host, null, SslProtocols.Default, false);
            return ssl;
        }

        /// <summary>The "modern" path added later: TLS 1.2 pinned, so TLS 1.3 is never used. TLS005.</summary>
        public static SslStream ConnectModern(Stream stream, string host)
        {
            var ssl = new SslStream(stream);
            ssl.AuthenticateAsClient(host, null, SslProtocols.Tls12, true);
            return ssl;
        }

        /// <summary>The archive link "only needs integrity": a NULL cipher sends mail in the clear. TLS009.</summary>
        public static SslStream ConnectToArchive(Stream stream, string host)
        {
            var ssl = new SslStream(stream, false, null, null, EncryptionPolicy.AllowNoEncryption);
            ssl.AuthenticateAsClient(host);
            return ssl;
        }

        public void Dispose()
        {
            _ssl.Dispose();
            _tcp.Close();
        }
    }
}
