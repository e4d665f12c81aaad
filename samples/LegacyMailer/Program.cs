using System;
using System.Net;

namespace LegacyMailer
{
    internal static class Program
    {
        private static int Main(string[] args)
        {
            // "Fixes" a handshake failure with an old appliance by turning strong crypto off for the whole process. TLS007.
            AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true);

            // Added in 2016 "to fix the partner API"; never removed. TLS001.
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls11 | SecurityProtocolType.Tls;

            // "The test mail server has a self-signed certificate." Shipped to production. TLS002.
            ServicePointManager.ServerCertificateValidationCallback += delegate { return true; };

            var settings = MailSettings.FromArgs(args);
            using (var inbox = new InboxReader(settings.ImapHost, 993))
            {
                Console.WriteLine("Unread: " + inbox.CountUnread(settings.User, settings.Password));
            }

            var partner = new PartnerApiClient(new Uri("https://partner.example.com/"));
            Console.WriteLine(partner.FetchStatusAsync().GetAwaiter().GetResult());
            return 0;
        }
    }
}
