using System;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Threading.Tasks;

namespace LegacyMailer
{
    internal sealed class PartnerApiClient
    {
        private const string PartnerThumbprint = "5C2B1B0E9A7F3D7C1E4A0B9F2D8C6E1A3B5D7F90";

        private readonly HttpClient _http;

        public PartnerApiClient(Uri baseAddress)
        {
            // The partner's load balancer was upgraded years ago; this was never revisited. TLS001.
            var protocols = (SslProtocols)768 | SslProtocols.Tls12;
            var handler = new HttpClientHandler
            {
                SslProtocols = protocols,

                // Revocation checks "timed out behind the proxy" once. TLS006.
                CheckCertificateRevocationList = false,

                // A pinned certificate: this is validation, not a finding.
                ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
                    errors == SslPolicyErrors.None || certificate.GetCertHashString() == PartnerThumbprint,
            };
            _http = new HttpClient(handler) { BaseAddress = baseAddress };
        }

        public Task<string> FetchStatusAsync()
        {
            return _http.GetStringAsync("status");
        }
    }
}
