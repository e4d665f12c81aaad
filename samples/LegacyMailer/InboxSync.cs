using System;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace LegacyMailer
{
    /// <summary>The "newer" module: MailKit, configured by copying an old StackOverflow answer.</summary>
    internal static class InboxSync
    {
        public static int CountMessages(string user, string password)
        {
            using (var imap = new ImapClient())
            {
                // useSsl: false is STARTTLS *if offered*: an attacker strips it and the login goes in cleartext. TLS004.
                imap.Connect("imap.example.com", 143, false);
                imap.Authenticate(user, password);
                return imap.Inbox.Count;
            }
        }

        public static void Forward(MimeKit.MimeMessage message, string user, string password)
        {
            using (var smtp = new SmtpClient())
            {
                // Mandatory STARTTLS on 587: fine, but implicit TLS on 465 is preferred. TLS008.
                smtp.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                smtp.Authenticate(user, password);
                smtp.Send(message);
                smtp.Disconnect(true);
            }
        }

        public static void Archive(MimeKit.MimeMessage message)
        {
            using (var smtp = new SmtpClient())
            {
                // The archive relay "doesn't do TLS". Cleartext: TLS003.
                smtp.Connect(new Uri("smtp://archive.example.com:25?starttls=never"));
                smtp.Send(message);
                smtp.Disconnect(true);
            }
        }
    }
}
