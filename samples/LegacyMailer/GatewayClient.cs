using System.IO;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace LegacyMailer
{
    /// <summary>Settings for the print gateway. Nobody ever changes the defaults.</summary>
    internal sealed class GatewaySettings
    {
        public string Host { get; set; } = "gateway.example.com";

        public bool AllowUntrustedCertificates { get; set; }

        // "Revocation checks time out on the shop floor": the default turns them off. TLS006, where it is used.
        public bool CheckCertificateRevocation { get; set; } = false;
    }

    /// <summary>A validator class, as real code writes them: a settings flag bypasses validation.</summary>
    internal sealed class GatewayCertificateValidator
    {
        private readonly GatewaySettings _settings;

        public GatewayCertificateValidator(GatewaySettings settings)
        {
            _settings = settings;
        }

        public bool Validate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
        {
            if (_settings.AllowUntrustedCertificates)
            {
                return true;
            }

            return errors == SslPolicyErrors.None;
        }
    }

    internal sealed class GatewayClient
    {
        private readonly GatewaySettings _settings = new GatewaySettings();

        public SslStream Connect(Stream inner)
        {
            // TLS002: the validator's method group, judged from its body.
            var stream = new SslStream(inner, false, new GatewayCertificateValidator(_settings).Validate);

            // TLS006: the settings class's default.
            stream.AuthenticateAsClient(_settings.Host, null, SslProtocols.None, _settings.CheckCertificateRevocation);
            return stream;
        }

        public void Accept(Stream inner, X509Certificate2 certificate)
        {
            // The gateway's own listener: the callback and the revocation setting judge *clients'* certificates (checked by
            // thumbprint after the handshake). A server's set-up: not a finding.
            var stream = new SslStream(inner, false, (sender, clientCertificate, chain, errors) => true);
            stream.AuthenticateAsServer(certificate, true, SslProtocols.None, false);
        }
    }
}
