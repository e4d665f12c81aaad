using System.Threading.Tasks;
using TlsMinAnalyzer.Tests.Verifiers;
using Verify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls003>;
using VerifyOptional = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls004>;

namespace TlsMinAnalyzer.Tests.Rules;

/// <summary><c>tlsmin.exempt_loopback_hosts</c> and <c>tlsmin.exempt_hosts</c> for the mail rules.</summary>
public class MailHostOptionTests
{
    private const string Source = """
        using System.Net.Mail;
        class C
        {
            void M(MailMessage message)
            {
                {|#0:new SmtpClient("localhost", 25)|}.Send(message);
                {|#1:new SmtpClient("relay.corp.internal", 25)|}.Send(message);
                {|#2:new SmtpClient("smtp.example.com", 25)|}.Send(message);
            }
        }
        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expect(int location, string host)
        => Verify.Diagnostic("TLS003").WithLocation(location).WithArguments(
            "SmtpClient sends to " + host + ":25 without TLS (EnableSsl is not set)",
            "set EnableSsl = true (mandatory STARTTLS, on the submission port 587) or use MailKit with SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)");

    [Fact]
    public Task Defaults_ExemptLoopbackOnly() => Verify.VerifyWithOptionsAsync(Source.Replace("{|#0:new SmtpClient(\"localhost\", 25)|}", "new SmtpClient(\"localhost\", 25)"), string.Empty, References.Net80,
        Expect(1, "relay.corp.internal"), Expect(2, "smtp.example.com"));

    [Fact]
    public Task ExemptHosts_AreTreatedLikeLoopback() => Verify.VerifyWithOptionsAsync(
        Source.Replace("{|#0:new SmtpClient(\"localhost\", 25)|}", "new SmtpClient(\"localhost\", 25)").Replace("{|#1:new SmtpClient(\"relay.corp.internal\", 25)|}", "new SmtpClient(\"relay.corp.internal\", 25)"),
        "tlsmin.exempt_hosts = Relay.Corp.Internal, other.example",
        References.Net80,
        Expect(2, "smtp.example.com"));

    [Fact]
    public Task LoopbackExemptionOff_ReportsLocalhost() => Verify.VerifyWithOptionsAsync(Source, "tlsmin.exempt_loopback_hosts = false", References.Net80,
        Expect(0, "localhost"), Expect(1, "relay.corp.internal"), Expect(2, "smtp.example.com"));

    [Fact]
    public Task ExemptHosts_ApplyToMailKit() => VerifyOptional.VerifyWithOptionsAsync("""
        using MailKit.Net.Smtp;
        class C
        {
            void M(SmtpClient smtp)
            {
                smtp.Connect("relay.corp.internal", 587);
                {|#0:smtp.Connect("smtp.example.com", 587)|};
            }
        }
        """,
        "tlsmin.exempt_hosts = relay.corp.internal",
        References.Net80WithMailKit,
        VerifyOptional.Diagnostic("TLS004").WithLocation(0).WithArguments("SmtpClient.Connect to smtp.example.com:587", "the default SecureSocketOptions.Auto on port 587", "use SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"));
}
