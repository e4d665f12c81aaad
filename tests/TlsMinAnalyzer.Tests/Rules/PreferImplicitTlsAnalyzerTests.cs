using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TlsMinAnalyzer.Tests.Verifiers;
using Verify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls008>;

namespace TlsMinAnalyzer.Tests.Rules;

public class PreferImplicitTlsAnalyzerTests
{
    private const string SmtpAdvice = "SmtpClient cannot do implicit TLS: consider MailKit's SmtpClient with SecureSocketOptions.SslOnConnect on port 465";

    private static DiagnosticResult Expect(int location, string what, string advice)
        => Verify.Diagnostic("TLS008").WithLocation(location).WithArguments(what, advice);

    [Fact]
    public Task SmtpClientEnableSslTrue_Reports() => Verify.VerifyAsync("""
        using System.Net.Mail;
        class C
        {
            void Send(MailMessage message, SmtpClient injected)
            {
                var client = new SmtpClient("smtp.example.com", 587) { {|#0:EnableSsl = true|} };
                client.Send(message);
                {|#1:injected.EnableSsl = true|};
                new SmtpClient("localhost") { EnableSsl = true }.Send(message);
            }
        }
        """,
        Expect(0, "SmtpClient.EnableSsl = true (to smtp.example.com:587)", SmtpAdvice),
        Expect(1, "SmtpClient.EnableSsl = true (to its server)", SmtpAdvice));

    [Fact]
    public Task MailKitMandatoryStartTls_Reports() => Verify.VerifyAsync("""
        using System;
        using MailKit.Net.Imap;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class C
        {
            void M(SmtpClient smtp, ImapClient imap)
            {
                smtp.Connect("smtp.example.com", 587, {|#0:SecureSocketOptions.StartTls|});
                imap.Connect({|#1:new Uri("imap://imap.example.com?starttls=always")|});
                smtp.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect);
                smtp.Connect("localhost", 587, SecureSocketOptions.StartTls);
            }
        }
        """,
        References.Net80WithMailKit,
        Expect(0, "SmtpClient.Connect to smtp.example.com:587 (SecureSocketOptions.StartTls)", "use SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"),
        Expect(1, "ImapClient.Connect to imap.example.com:143 (the URI imap://imap.example.com?starttls=always)", "use SecureSocketOptions.SslOnConnect on port 993 (RFC 8314 §3)"));
}
