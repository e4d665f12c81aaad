using System;
using System.Net.Http;
using System.Security.Authentication;
using System.Threading.Tasks;

namespace LegacyMailer
{
    internal sealed class PartnerApiClient
    {
        private readonly HttpClient _http;

        public PartnerApiClient(Uri baseAddress)
        {
            // The partner's load balancer was upgraded years ago; this was never revisited. TLS001.
            var protocols = (SslProtocols)768 | SslProtocols.Tls12;
            var handler = new HttpClientHandler { SslProtocols = protocols };
            _http = new HttpClient(handler) { BaseAddress = baseAddress };
        }

        public Task<string> FetchStatusAsync()
        {
            return _http.GetStringAsync("status");
        }
    }
}
