namespace LegacyMailer
{
    internal sealed class MailSettings
    {
        public string ImapHost { get; private set; }

        public string User { get; private set; }

        public string Password { get; private set; }

        public static MailSettings FromArgs(string[] args)
        {
            return new MailSettings
            {
                ImapHost = args.Length > 0 ? args[0] : "imap.example.com",
                User = args.Length > 1 ? args[1] : "reports@example.com",
                Password = args.Length > 2 ? args[2] : string.Empty,
            };
        }
    }
}
