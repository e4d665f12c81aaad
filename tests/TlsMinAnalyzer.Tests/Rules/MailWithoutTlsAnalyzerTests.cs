using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TlsMinAnalyzer.Tests.Verifiers;
using Verify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls003>;

namespace TlsMinAnalyzer.Tests.Rules;

public class MailWithoutTlsAnalyzerTests
{
    private const string SmtpAdvice = "set EnableSsl = true (mandatory STARTTLS, on the submission port 587) or use MailKit with SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)";

    private static DiagnosticResult Expect(int location, string what, string advice = SmtpAdvice)
        => Verify.Diagnostic("TLS003").WithLocation(location).WithArguments(what, advice);

    // ---- System.Net.Mail.SmtpClient ----

    [Fact]
    public Task SmtpClientWithoutEnableSsl_ReportsAtCreation() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Mail;
        class C
        {
            void Send(MailMessage message, string configuredHost, int configuredPort)
            {
                using (var client = {|#0:new SmtpClient("smtp.example.com")|})
                {
                    client.Credentials = new NetworkCredential("user", "secret");
                    client.Send(message);
                }

                using var second = {|#1:new SmtpClient("mail.example.com", 587)|};
                second.Send(message);

                var third = {|#2:new SmtpClient()|};
                third.Host = "relay.example.com";
                third.Port = 2525;
                third.Send(message);

                {|#3:new SmtpClient { Host = configuredHost }|}.Send(message);

                // A port read from configuration is the configured one, not the default 25.
                {|#4:new SmtpClient(configuredHost, configuredPort)|}.Send(message);
                {|#5:new SmtpClient("smtp.example.com", configuredPort)|}.Send(message);
            }
        }
        """,
        Expect(0, "SmtpClient sends to smtp.example.com:25 without TLS (EnableSsl is not set)"),
        Expect(1, "SmtpClient sends to mail.example.com:587 without TLS (EnableSsl is not set)"),
        Expect(2, "SmtpClient sends to relay.example.com:2525 without TLS (EnableSsl is not set)"),
        Expect(3, "SmtpClient sends to the configured host on port 25 without TLS (EnableSsl is not set)"),
        Expect(4, "SmtpClient sends to the configured host on the configured port without TLS (EnableSsl is not set)"),
        Expect(5, "SmtpClient sends to smtp.example.com on the configured port without TLS (EnableSsl is not set)"));

    [Fact]
    public Task EnableSslFalse_ReportsAtTheAssignment() => Verify.VerifyAsync("""
        using System.Net.Mail;
        class C
        {
            void Send(MailMessage message, SmtpClient injected)
            {
                var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = {|#0:false|} };
                client.Send(message);
                injected.EnableSsl = {|#1:false|};
            }
        }
        """,
        Expect(0, "SmtpClient sends to smtp.example.com:587 without TLS (EnableSsl = false)"),
        Expect(1, "SmtpClient sends to its server without TLS (EnableSsl = false)"));

    [Fact]
    public Task SmtpClientOnNetFramework_Reports() => Verify.VerifyAsync("""
        using System.Net.Mail;
        class C
        {
            void Send(MailMessage message)
            {
                var client = {|#0:new SmtpClient("smtp.example.com", 25)|};
                client.Send(message);
            }
        }
        """,
        References.Net48,
        Expect(0, "SmtpClient sends to smtp.example.com:25 without TLS (EnableSsl is not set)"));

    [Fact]
    public Task SecureLoopbackPickupOrUnknownClients_DoNotReport() => Verify.VerifyAsync("""
        using System.Net.Mail;
        class C
        {
            private SmtpClient _client;

            void Send(MailMessage message, bool useSsl, string host)
            {
                var secure = new SmtpClient("smtp.example.com", 587);
                secure.EnableSsl = true;
                secure.Send(message);

                new SmtpClient("smtp.example.com") { EnableSsl = useSsl }.Send(message);
                new SmtpClient("localhost", 25).Send(message);
                new SmtpClient("127.0.0.1") { EnableSsl = false }.Send(message);
                new SmtpClient("[::1]", 1025).Send(message);
                new SmtpClient("smtp.example.com") { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = @"C:\mail" }.Send(message);
                new SmtpClient().Send(message);

                var configured = new SmtpClient(host);
                Configure(configured);
                configured.Send(message);

                _client = new SmtpClient("smtp.example.com");
            }

            static void Configure(SmtpClient client) => client.EnableSsl = true;
        }
        """);

    // ---- MailKit ----

    [Fact]
    public Task MailKitSecureSocketOptionsNone_Reports() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using MailKit.Net.Imap;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class C
        {
            async Task M(SmtpClient smtp, ImapClient imap)
            {
                smtp.Connect("smtp.example.com", 25, {|#0:SecureSocketOptions.None|});
                const SecureSocketOptions plain = SecureSocketOptions.None;
                await imap.ConnectAsync("imap.example.com", 143, {|#1:plain|});
            }
        }
        """,
        References.Net80WithMailKit,
        Expect(0, "SmtpClient.Connect to smtp.example.com:25 does not use TLS (SecureSocketOptions.None)", "use SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"),
        Expect(1, "ImapClient.ConnectAsync to imap.example.com:143 does not use TLS (SecureSocketOptions.None)", "use SecureSocketOptions.SslOnConnect on port 993 (RFC 8314 §3)"));

    [Fact]
    public Task MailKitUriWithStartTlsNever_Reports() => Verify.VerifyAsync("""
        using System;
        using MailKit.Net.Pop3;
        class C
        {
            void M(Pop3Client pop)
            {
                pop.Connect({|#0:new Uri("pop://pop.example.com?starttls=never")|});
            }
        }
        """,
        References.Net80WithMailKit,
        Expect(0, "Pop3Client.Connect to pop.example.com:110 does not use TLS (the URI pop://pop.example.com?starttls=never)", "use SecureSocketOptions.SslOnConnect on port 995 (RFC 8314 §3)"));

    [Fact]
    public Task MailKitLoopbackOrUnknownOrSecure_DoesNotReport() => Verify.VerifyAsync("""
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class C
        {
            void M(SmtpClient smtp, SecureSocketOptions configured)
            {
                smtp.Connect("localhost", 1025, SecureSocketOptions.None);
                smtp.Connect("127.0.0.1", 25, SecureSocketOptions.None);
                smtp.Connect("smtp.example.com", 25, configured);
                smtp.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect);
            }
        }
        """,
        References.Net80WithMailKit);

    [Fact]
    public Task OptionsFromASwitchOnASetting_ReportTheCleartextArm() => Verify.VerifyAsync("""
        using MailKit.Net.Smtp;
        using MailKit.Security;
        enum Encryption { Never, StartTls, Ssl }
        class MailSettings { public Encryption Encryption { get; set; } }
        class Sender
        {
            void Open(SmtpClient client, string host, int port, MailSettings settings)
            {
                var options = settings.Encryption switch
                {
                    Encryption.Never => SecureSocketOptions.None,
                    Encryption.Ssl => SecureSocketOptions.SslOnConnect,
                    _ => SecureSocketOptions.StartTls,
                };
                client.Connect(host, port, {|#0:options|});
            }
        }
        """, References.Net80WithMailKit,
        Verify.Diagnostic("TLS003").WithLocation(0).WithArguments("SmtpClient.Connect to the server does not use TLS (SecureSocketOptions.None when settings.Encryption is Encryption.Never)", "use SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"));
}
