using System.Threading.Tasks;
using TlsMinAnalyzer.CodeFixes.Rules;
using TlsMinAnalyzer.Tests.Verifiers;

namespace TlsMinAnalyzer.Tests.Rules;

/// <summary>
/// Fixes in the shapes real code has, judged by what the fixed program does when it runs: the port each connection ends up
/// on, the first action being one that still connects, mapping tables and comparisons left alone, server set-ups untouched.
/// </summary>
public class FixSafetyTests
{
    // ---- Mail: the first action still connects to the same port ----

    [Fact]
    public Task PortFromSettings_InsideAPort25Branch_FirstFixChoosesByPortWithoutFallback()
        => CodeFixVerifier<Tls003, MailWithoutTlsCodeFixProvider>.VerifyFirstAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class SmtpSettings { public string Host { get; set; } = ""; public int Port { get; set; } = 25; public bool Ssl { get; set; } public bool StartTls { get; set; } }
        class MailSettings { public SmtpSettings Smtp { get; set; } = new SmtpSettings(); }
        class GlobalSettings { public MailSettings Mail { get; set; } = new MailSettings(); }
        class Delivery
        {
            private readonly GlobalSettings _globalSettings = new GlobalSettings();

            async Task SendAsync(SmtpClient client, CancellationToken cancellationToken)
            {
                if (!_globalSettings.Mail.Smtp.StartTls && !_globalSettings.Mail.Smtp.Ssl && _globalSettings.Mail.Smtp.Port == 25)
                {
                    await client.ConnectAsync(_globalSettings.Mail.Smtp.Host, _globalSettings.Mail.Smtp.Port, [|SecureSocketOptions.None|], cancellationToken);
                }
            }
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class SmtpSettings { public string Host { get; set; } = ""; public int Port { get; set; } = 25; public bool Ssl { get; set; } public bool StartTls { get; set; } }
        class MailSettings { public SmtpSettings Smtp { get; set; } = new SmtpSettings(); }
        class GlobalSettings { public MailSettings Mail { get; set; } = new MailSettings(); }
        class Delivery
        {
            private readonly GlobalSettings _globalSettings = new GlobalSettings();

            async Task SendAsync(SmtpClient client, CancellationToken cancellationToken)
            {
                if (!_globalSettings.Mail.Smtp.StartTls && !_globalSettings.Mail.Smtp.Ssl && _globalSettings.Mail.Smtp.Port == 25)
                {
                    await client.ConnectAsync(_globalSettings.Mail.Smtp.Host, _globalSettings.Mail.Smtp.Port, _globalSettings.Mail.Smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls, cancellationToken);
                }
            }
        }
        """, MailWithoutTlsCodeFixProvider.UseTlsKey, "Require TLS: implicit on port 465, STARTTLS on any other port", References.Net80WithMailKit);

    [Fact]
    public Task UseSslFalse_OnAParameterPort_FirstFixChoosesByPort()
        => CodeFixVerifier<Tls004, OptionalStartTlsCodeFixProvider>.VerifyFirstAsync("""
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        class Sender
        {
            async Task ConnectAsync(SmtpClient client, string server, int smtpPort)
                => await client.ConnectAsync(server, smtpPort, [|false|]);
        }
        """, """
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        class Sender
        {
            async Task ConnectAsync(SmtpClient client, string server, int smtpPort)
                => await client.ConnectAsync(server, smtpPort, MailKit.Security.SecureSocketOptions.SslOnConnect);
        }
        """.Replace("MailKit.Security.SecureSocketOptions.SslOnConnect", "smtpPort == 465 ? MailKit.Security.SecureSocketOptions.SslOnConnect : MailKit.Security.SecureSocketOptions.StartTls"),
        OptionalStartTlsCodeFixProvider.RequireTlsKey, "Require TLS: implicit on port 465, STARTTLS on any other port", References.Net80WithMailKit);

    [Fact]
    public Task FieldPort_FirstFixChoosesByPort_AndImplicitTlsIsOnlySecond()
        => CodeFixVerifier<Tls003, MailWithoutTlsCodeFixProvider>.VerifyAsync("""
        using MailKit.Net.Imap;
        using MailKit.Security;
        class Inbox
        {
            private readonly string host = "imap.example.com";
            private readonly int port;
            public Inbox(int port) { this.port = port; }

            void Open(ImapClient client) => client.Connect(host, this.port, [|SecureSocketOptions.None|]);
        }
        """, """
        using MailKit.Net.Imap;
        using MailKit.Security;
        class Inbox
        {
            private readonly string host = "imap.example.com";
            private readonly int port;
            public Inbox(int port) { this.port = port; }

            void Open(ImapClient client) => client.Connect(host, this.port, SecureSocketOptions.SslOnConnect);
        }
        """, MailWithoutTlsCodeFixProvider.UseImplicitTlsKey, References.Net80WithMailKit);

    [Fact]
    public Task PortFromACall_CannotBeReadTwice_FirstFixRequiresStartTlsOnTheSamePort()
        => CodeFixVerifier<Tls003, MailWithoutTlsCodeFixProvider>.VerifyFirstAsync("""
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class Sender
        {
            int NextPort() => 587;
            void Open(SmtpClient client) => client.Connect("smtp.example.com", NextPort(), [|SecureSocketOptions.None|]);
        }
        """, """
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class Sender
        {
            int NextPort() => 587;
            void Open(SmtpClient client) => client.Connect("smtp.example.com", NextPort(), SecureSocketOptions.StartTls);
        }
        """, MailWithoutTlsCodeFixProvider.UseTlsKey, "Require STARTTLS on the same port", References.Net80WithMailKit);

    [Fact]
    public Task KnownStartTlsPort_FirstFixKeepsThePort_ImplicitTlsSaysTheServerMustOfferIt()
        => CodeFixVerifier<Tls004, OptionalStartTlsCodeFixProvider>.VerifyFirstAsync("""
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class Sender
        {
            void Open(SmtpClient client) => client.Connect("smtp.example.com", 587, [|SecureSocketOptions.Auto|]);
        }
        """, """
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class Sender
        {
            void Open(SmtpClient client) => client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
        }
        """, OptionalStartTlsCodeFixProvider.RequireTlsKey, "Require STARTTLS on port 587", References.Net80WithMailKit);

    [Fact]
    public Task ImplicitPortAlready_FirstFixIsImplicitTlsOnThatPort()
        => CodeFixVerifier<Tls004, OptionalStartTlsCodeFixProvider>.VerifyFirstAsync("""
        using MailKit.Net.Imap;
        using MailKit.Security;
        class Inbox
        {
            void Open(ImapClient client) => client.Connect("imap.example.com", 993, [|SecureSocketOptions.StartTlsWhenAvailable|]);
        }
        """, """
        using MailKit.Net.Imap;
        using MailKit.Security;
        class Inbox
        {
            void Open(ImapClient client) => client.Connect("imap.example.com", 993, SecureSocketOptions.SslOnConnect);
        }
        """, OptionalStartTlsCodeFixProvider.RequireTlsKey, "Use implicit TLS on port 993", References.Net80WithMailKit);

    [Fact]
    public Task PreferImplicitTls_OnAPortFromSettings_OffersNoFix()
        => CodeFixVerifier<Tls008, PreferImplicitTlsCodeFixProvider>.VerifyNotOfferedAsync("""
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class Sender
        {
            void Open(SmtpClient client, int port) => client.Connect("smtp.example.com", port, [|SecureSocketOptions.StartTls|]);
        }
        """, PreferImplicitTlsCodeFixProvider.UseImplicitTlsKey, References.Net80WithMailKit);

    [Fact]
    public Task SystemNetMail_OnPort25_FirstFixKeepsThePort()
        => CodeFixVerifier<Tls003, MailWithoutTlsCodeFixProvider>.VerifyFirstAsync("""
        using System.Net.Mail;
        class Mailer
        {
            void Send(MailMessage message)
            {
                var client = [|new SmtpClient("relay.example.com", 25)|];
                client.Send(message);
            }
        }
        """, """
        using System.Net.Mail;
        class Mailer
        {
            void Send(MailMessage message)
            {
                var client = new SmtpClient("relay.example.com", 25) { EnableSsl = true };
                client.Send(message);
            }
        }
        """, MailWithoutTlsCodeFixProvider.UseTlsKey, "Require STARTTLS on port 25 (EnableSsl = true)");

    // ---- TLS001: shared values are fixed where they reach a setting ----

    [Fact]
    public Task ConstantAlsoUsedInAComparison_FixesTheSetting_KeepsTheConstant()
        => CodeFixVerifier<Tls001, DeprecatedProtocolCodeFixProvider>.VerifyFirstAsync("""
        using System.Net;
        static class Protocols
        {
            const SecurityProtocolType tls11 = [|(SecurityProtocolType)768|];

            public static string Describe(SecurityProtocolType protocol) => protocol == tls11 ? "TLS 1.1" : protocol.ToString();

            public static void Configure() => ServicePointManager.SecurityProtocol = tls11;
        }
        """, """
        using System.Net;
        static class Protocols
        {
            const SecurityProtocolType tls11 = (SecurityProtocolType)768;

            public static string Describe(SecurityProtocolType protocol) => protocol == tls11 ? "TLS 1.1" : protocol.ToString();

            public static void Configure() => ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
        }
        """, DeprecatedProtocolCodeFixProvider.UseModernVersionsKey, "Use TLS 1.2 and TLS 1.3 where tls11 sets a protocol (tls11 is kept for its other uses)");

    [Fact]
    public Task LocalAlsoUsedInAComparison_FixesTheSetting_KeepsTheComparison()
        => CodeFixVerifier<Tls001, DeprecatedProtocolCodeFixProvider>.VerifyAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        class Factory
        {
            HttpClientHandler Create(SslProtocols negotiated)
            {
                var legacy = [|SslProtocols.Tls11|];
                System.Console.WriteLine(negotiated == legacy ? "legacy" : "current");
                return new HttpClientHandler { SslProtocols = legacy };
            }
        }
        """, """
        using System.Net.Http;
        using System.Security.Authentication;
        class Factory
        {
            HttpClientHandler Create(SslProtocols negotiated)
            {
                var legacy = SslProtocols.Tls11;
                System.Console.WriteLine(negotiated == legacy ? "legacy" : "current");
                return new HttpClientHandler { SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 };
            }
        }
        """, DeprecatedProtocolCodeFixProvider.UseModernVersionsKey);

    [Fact]
    public Task MappingTable_MasksTheSetting_LeavesEveryArmAlone()
        => CodeFixVerifier<Tls001, DeprecatedProtocolCodeFixProvider>.VerifyAsync("""
        using System.Net.Security;
        using System.Security.Authentication;
        class TlsOptions
        {
            public int Version { get; set; }

            private static SslProtocols Map(int version) => [|version switch
            {
                2 => SslProtocols.Tls11,
                1 => SslProtocols.Tls,
                _ => SslProtocols.Tls12,
            }|];

            public SslClientAuthenticationOptions Build() => new SslClientAuthenticationOptions { EnabledSslProtocols = Map(Version) };

            public static bool IsLegacy(int version) => Map(version) != SslProtocols.Tls12;
        }
        """, """
        using System.Net.Security;
        using System.Security.Authentication;
        class TlsOptions
        {
            public int Version { get; set; }

            private static SslProtocols Map(int version) => version switch
            {
                2 => SslProtocols.Tls11,
                1 => SslProtocols.Tls,
                _ => SslProtocols.Tls12,
            };

            public SslClientAuthenticationOptions Build() => new SslClientAuthenticationOptions { EnabledSslProtocols = Map(Version) & (SslProtocols.Tls12 | SslProtocols.Tls13) };

            public static bool IsLegacy(int version) => Map(version) != SslProtocols.Tls12;
        }
        """, DeprecatedProtocolCodeFixProvider.UseModernVersionsKey);

    [Fact]
    public Task PublicMappingTable_IsFixedWhereItsResultReachesASetting_TheTableIsKept()
        => CodeFixVerifier<Tls001, DeprecatedProtocolCodeFixProvider>.VerifyAsync(
            new[]
            {
                """
                using System.Security.Authentication;
                public static class ProtocolMap
                {
                    public static SslProtocols FromConfig(int version) => version switch { 2 => SslProtocols.Tls11, 1 => SslProtocols.Tls, _ => SslProtocols.Tls12 };
                }
                """,
                """
                using System.Net.Http;
                public static class Clients
                {
                    public static HttpClientHandler Create(int configured) => new HttpClientHandler { SslProtocols = [|ProtocolMap.FromConfig(configured)|] };
                }
                """,
            },
            new[]
            {
                """
                using System.Security.Authentication;
                public static class ProtocolMap
                {
                    public static SslProtocols FromConfig(int version) => version switch { 2 => SslProtocols.Tls11, 1 => SslProtocols.Tls, _ => SslProtocols.Tls12 };
                }
                """,
                """
                using System.Net.Http;
                public static class Clients
                {
                    public static HttpClientHandler Create(int configured) => new HttpClientHandler { SslProtocols = ProtocolMap.FromConfig(configured) & (System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13) };
                }
                """,
            },
            DeprecatedProtocolCodeFixProvider.UseModernVersionsKey);

    [Fact]
    public Task PublicConstantComparedInOneFile_SetInAnother_FixesTheSettingThere()
        => CodeFixVerifier<Tls001, DeprecatedProtocolCodeFixProvider>.VerifyAsync(
            new[]
            {
                """
                using System.Security.Authentication;
                public static class Protocols
                {
                    public const SslProtocols Legacy = [|SslProtocols.Tls11|];

                    public static bool IsLegacy(SslProtocols negotiated) => negotiated == Legacy;
                }
                """,
                """
                using System.Net.Http;
                public static class Clients
                {
                    public static HttpClientHandler Create() => new HttpClientHandler { SslProtocols = Protocols.Legacy };
                }
                """,
            },
            new[]
            {
                """
                using System.Security.Authentication;
                public static class Protocols
                {
                    public const SslProtocols Legacy = [|SslProtocols.Tls11|];

                    public static bool IsLegacy(SslProtocols negotiated) => negotiated == Legacy;
                }
                """,
                """
                using System.Net.Http;
                public static class Clients
                {
                    public static HttpClientHandler Create() => new HttpClientHandler { SslProtocols = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13 };
                }
                """,
            },
            DeprecatedProtocolCodeFixProvider.UseModernVersionsKey);

    // ---- Server set-ups are not findings (the remote certificate is a client's); the client beside them is fixed ----

    [Fact]
    public Task ServerAndClientSideBySide_OnlyTheClientsCallbackIsRemoved()
        => CodeFixVerifier<Tls002, CertificateValidationCodeFixProvider>.VerifyAsync("""
        using System.IO;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        class Tunnel
        {
            void Serve(Stream inner, X509Certificate serverCertificate)
            {
                var server = new SslStream(inner, false, (sender, certificate, chain, errors) => true);
                server.AuthenticateAsServer(serverCertificate, clientCertificateRequired: true, checkCertificateRevocation: true);
            }

            void Connect(Stream inner)
            {
                var client = new SslStream(inner, false, [|(sender, certificate, chain, errors) => true|]);
                client.AuthenticateAsClient("backend.example.com");
            }
        }
        """, """
        using System.IO;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        class Tunnel
        {
            void Serve(Stream inner, X509Certificate serverCertificate)
            {
                var server = new SslStream(inner, false, (sender, certificate, chain, errors) => true);
                server.AuthenticateAsServer(serverCertificate, clientCertificateRequired: true, checkCertificateRevocation: true);
            }

            void Connect(Stream inner)
            {
                var client = new SslStream(inner, false);
                client.AuthenticateAsClient("backend.example.com");
            }
        }
        """, CertificateValidationCodeFixProvider.RemoveCallbackKey);

    [Fact]
    public Task ServerRevocationOfClientCertificates_IsNotReported_TheClientsIsFixed()
        => CodeFixVerifier<Tls006, RevocationCheckCodeFixProvider>.VerifyAsync("""
        using System.IO;
        using System.Net.Security;
        using System.Security.Authentication;
        using System.Security.Cryptography.X509Certificates;
        class Endpoint
        {
            void Serve(SslStream stream, X509Certificate certificate)
                => stream.AuthenticateAsServer(certificate, true, SslProtocols.None, false);

            void Connect(SslStream stream)
                => stream.AuthenticateAsClient("backend.example.com", null, SslProtocols.None, [|false|]);
        }
        """, """
        using System.IO;
        using System.Net.Security;
        using System.Security.Authentication;
        using System.Security.Cryptography.X509Certificates;
        class Endpoint
        {
            void Serve(SslStream stream, X509Certificate certificate)
                => stream.AuthenticateAsServer(certificate, true, SslProtocols.None, false);

            void Connect(SslStream stream)
                => stream.AuthenticateAsClient("backend.example.com", null, SslProtocols.None, true);
        }
        """, RevocationCheckCodeFixProvider.CheckRevocationKey);
}
