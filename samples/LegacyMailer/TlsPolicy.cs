using System.Net.Security;
using System.Security.Authentication;

namespace LegacyMailer
{
    /// <summary>Protocol choices shared by the app's TLS connections.</summary>
    internal static class TlsPolicy
    {
        // "Some customers still run Exchange 2010." TLS001 here, at the initializer: InboxReader passes it to SslStream.
        public const SslProtocols MailProtocols = SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12;

        // Only used to warn about what was negotiated: not a finding.
        private const SslProtocols Deprecated = SslProtocols.Ssl3 | SslProtocols.Tls | SslProtocols.Tls11;

        public static bool IsDeprecated(SslStream stream)
        {
            return (stream.SslProtocol & Deprecated) != 0;
        }

        public static string Describe(SslProtocols protocol)
        {
            switch (protocol)
            {
                case SslProtocols.Tls: return "TLS 1.0";   // a case label is a read: not a finding
                case SslProtocols.Tls11: return "TLS 1.1";
                case SslProtocols.Tls12: return "TLS 1.2";
                default: return protocol.ToString();
            }
        }

        // Removing versions is what we want people to write: not a finding.
        public static SslProtocols Harden(SslProtocols configured)
        {
            return configured & ~Deprecated;
        }
    }
}
