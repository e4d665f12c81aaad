using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TlsMinAnalyzer.Tests.Verifiers;
using Verify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls004>;

namespace TlsMinAnalyzer.Tests.Rules;

public class OptionalStartTlsAnalyzerTests
{
    private static DiagnosticResult Expect(int location, string connection, string reason, int implicitPort)
        => Verify.Diagnostic("TLS004").WithLocation(location).WithArguments(connection, reason, "use SecureSocketOptions.SslOnConnect on port " + implicitPort + " (RFC 8314 §3)");

    [Fact]
    public Task EveryFormThatResolvesToStartTlsWhenAvailable_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using MailKit.Net.Imap;
        using MailKit.Net.Pop3;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class C
        {
            async Task M(SmtpClient smtp, ImapClient imap, Pop3Client pop)
            {
                smtp.Connect("smtp.example.com", 587, {|#0:SecureSocketOptions.StartTlsWhenAvailable|});
                smtp.Connect("smtp.example.com", 587, {|#1:SecureSocketOptions.Auto|});
                {|#2:smtp.Connect("smtp.example.com", 587)|};
                {|#3:smtp.Connect("smtp.example.com")|};
                imap.Connect("imap.example.com", 143, {|#4:false|});
                await pop.ConnectAsync("pop.example.com", 110, useSsl: {|#5:false|});
                smtp.Connect({|#6:new Uri("smtp://smtp.example.com:587")|});
                var options = SecureSocketOptions.StartTlsWhenAvailable;
                await imap.ConnectAsync("imap.example.com", 143, {|#7:options|});
            }
        }
        """,
        References.Net80WithMailKit,
        Expect(0, "SmtpClient.Connect to smtp.example.com:587", "SecureSocketOptions.StartTlsWhenAvailable", 465),
        Expect(1, "SmtpClient.Connect to smtp.example.com:587", "SecureSocketOptions.Auto on port 587", 465),
        Expect(2, "SmtpClient.Connect to smtp.example.com:587", "the default SecureSocketOptions.Auto on port 587", 465),
        Expect(3, "SmtpClient.Connect to smtp.example.com:25", "the default SecureSocketOptions.Auto with no port", 465),
        Expect(4, "ImapClient.Connect to imap.example.com:143", "useSsl: false", 993),
        Expect(5, "Pop3Client.ConnectAsync to pop.example.com:110", "useSsl: false", 995),
        Expect(6, "SmtpClient.Connect to smtp.example.com:587", "the URI smtp://smtp.example.com:587", 465),
        Expect(7, "ImapClient.ConnectAsync to imap.example.com:143", "SecureSocketOptions.StartTlsWhenAvailable", 993));

    [Fact]
    public Task ImplicitTlsMandatoryStartTlsLoopbackAndUnknown_DoNotReport() => Verify.VerifyAsync("""
        using System;
        using MailKit.Net.Imap;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class C
        {
            void M(SmtpClient smtp, ImapClient imap, int port, SecureSocketOptions configured, Uri uri)
            {
                smtp.Connect("smtp.example.com", 465);
                smtp.Connect("smtp.example.com", 465, SecureSocketOptions.Auto);
                imap.Connect("imap.example.com", 993, true);
                imap.Connect("imap.example.com", 143, SecureSocketOptions.StartTls);
                smtp.Connect(new Uri("smtps://smtp.example.com"));
                smtp.Connect(new Uri("smtp://smtp.example.com:587?starttls=always"));
                smtp.Connect("localhost", 25);
                smtp.Connect("smtp.example.com", port);
                smtp.Connect("smtp.example.com", 587, configured);
                smtp.Connect(uri);
            }
        }
        """,
        References.Net80WithMailKit);

    [Fact]
    public Task StreamAndSocketOverloads_Report() => Verify.VerifyAsync("""
        using System.IO;
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class C
        {
            async Task M(SmtpClient smtp, Stream stream, Socket socket)
            {
                smtp.Connect(stream, "smtp.example.com", 587, {|#0:SecureSocketOptions.StartTlsWhenAvailable|});
                await {|#1:smtp.ConnectAsync(socket, "smtp.example.com", 25)|};
            }
        }
        """,
        References.Net80WithMailKit,
        Expect(0, "SmtpClient.Connect to smtp.example.com:587", "SecureSocketOptions.StartTlsWhenAvailable", 465),
        Expect(1, "SmtpClient.ConnectAsync to smtp.example.com:25", "the default SecureSocketOptions.Auto on port 25", 465));

    [Fact]
    public Task MailKitOnNetFramework_Reports() => Verify.VerifyAsync("""
        using MailKit.Net.Smtp;
        class C
        {
            void M(SmtpClient smtp) => smtp.Connect("smtp.example.com", 587, {|#0:false|});
        }
        """,
        References.Net48WithMailKit,
        Expect(0, "SmtpClient.Connect to smtp.example.com:587", "useSsl: false", 465));

    [Fact]
    public Task UseSslDecidedBySettings_ReportsTheWeakOutcome_AndWhenItHappens() => Verify.VerifyAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        class SmtpSettings { public string Host { get; set; } = ""; public int Port { get; set; } public bool Ssl { get; set; } public bool SslOverride { get; set; } }
        class Delivery
        {
            private readonly SmtpSettings _smtp = new SmtpSettings();

            async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
            {
                var useSsl = _smtp.Port == 587 && !_smtp.SslOverride ?
                    false : _smtp.Ssl;
                await client.ConnectAsync(_smtp.Host, _smtp.Port, {|#0:useSsl|}, cancellationToken);
            }
        }
        """, References.Net80WithMailKit,
        Expect(0, "SmtpClient.ConnectAsync to the server", "useSsl: false when _smtp.Port == 587 && !_smtp.SslOverride", 465));

    [Fact]
    public Task OptionsDecidedBySettings_ReportOnlyAWeakOutcome() => Verify.VerifyAsync("""
        using MailKit.Net.Imap;
        using MailKit.Security;
        class ImapSettings { public bool Strict { get; set; } }
        class Inbox
        {
            public bool UseSsl { get; set; }

            void Open(ImapClient client, string host, int port, ImapSettings settings, bool useSsl)
            {
                client.Connect(host, port, port == 993 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);
                client.Connect(host, port, {|#0:settings.Strict ? SecureSocketOptions.StartTls : SecureSocketOptions.StartTlsWhenAvailable|});

                // The caller's choice passed through (a library's own useSsl overload, its own property): reported where it is made.
                client.Connect(host, port, useSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable);
                client.Connect(host, port, UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable);
            }
        }
        """, References.Net80WithMailKit,
        Expect(0, "ImapClient.Connect to the server", "SecureSocketOptions.StartTlsWhenAvailable unless settings.Strict", 993));
}
