using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace LegacyMailer
{
    internal sealed partial class DeviceChannel
    {
        // Kept for DeviceChannel.Open in the other file, which is where the finding goes.
        private static readonly RemoteCertificateValidationCallback AcceptAnyDevice = (sender, certificate, chain, errors) => true;

        private static readonly RemoteCertificateValidationCallback AcceptDeviceCertificateOnCaOnly = VerifyAgainstDeviceCa;

        private static readonly X509Certificate2 DeviceCa = new X509Certificate2("device-ca.cer");

        /// <summary>
        /// The devices' certificates come from the company's own CA, which has no revocation list: the chain is anchored to
        /// that CA, so turning revocation checking off here is not a finding.
        /// </summary>
        private static bool VerifyAgainstDeviceCa(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
        {
            if (certificate == null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                return false;
            }

            using (var deviceChain = new X509Chain())
            {
                deviceChain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                deviceChain.ChainPolicy.ExtraStore.Add(DeviceCa);
                deviceChain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
                if (!deviceChain.Build(new X509Certificate2(certificate)))
                {
                    return false;
                }

                var root = deviceChain.ChainElements[deviceChain.ChainElements.Count - 1].Certificate;
                return root.Thumbprint == DeviceCa.Thumbprint;
            }
        }
    }
}
