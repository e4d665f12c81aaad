using System.IO;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace LegacyMailer
{
    /// <summary>How strictly the scanner channel checks the device it talks to (a connection-string setting).</summary>
    internal enum DeviceSslMode
    {
        Require,
        VerifyCa,
        VerifyFull,
    }

    /// <summary>
    /// The channel to the document scanners, split over two files as real drivers are: the callbacks live in
    /// DeviceChannel.Validation.cs, the set-up here.
    /// </summary>
    internal sealed partial class DeviceChannel
    {
        public DeviceSslMode Mode { get; set; } = DeviceSslMode.VerifyFull;

        public string[] ProtocolNames { get; set; } = { "Tls12" };

        public SslStream Open(Stream inner, string host)
        {
            var callback = Mode == DeviceSslMode.Require ? AcceptAnyDevice
                : Mode == DeviceSslMode.VerifyCa ? AcceptDeviceCertificateOnCaOnly
                : (RemoteCertificateValidationCallback)null;

            // TLS002, once, here where the kept callbacks are installed: "Require" accepts any certificate.
            var stream = new SslStream(inner, false, callback);
            stream.AuthenticateAsClient(host, null, Protocols(), true);
            return stream;
        }

        /// <summary>The versions the connection string lists, added one by one (a set built up is not a pin).</summary>
        private SslProtocols Protocols()
        {
            var protocols = SslProtocols.None;
            foreach (var name in ProtocolNames)
            {
                if (name == "Tls11")
                {
                    protocols |= SslProtocols.Tls11; // TLS001: the connection string can turn TLS 1.1 on
                }
                else if (name == "Tls12")
                {
                    protocols |= SslProtocols.Tls12; // added to a set: not a TLS005 pin
                }
            }

            return protocols;
        }
    }
}
