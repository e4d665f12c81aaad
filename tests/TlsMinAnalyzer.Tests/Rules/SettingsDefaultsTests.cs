using System.Threading.Tasks;
using TlsMinAnalyzer.Tests.Robustness;
using TlsMinAnalyzer.Tests.Verifiers;
using Xunit;

namespace TlsMinAnalyzer.Tests.Rules;

/// <summary>
/// Settings classes whose defaults are weak, declared in their own file and used where the connection is made: most users
/// never change a default, so the default is what runs. The finding is at the use (the file that connects), naming the
/// member and its default.
/// </summary>
public class SettingsDefaultsTests
{
    private const string MailSettings = """
        using MailKit.Security;

        public class MailSettings
        {
            public string Host { get; set; } = "smtp.example.com";
            public int Port { get; set; } = 587;
            public int RelayPort { get; set; } = 465;
            public bool UseSsl { get; set; } = false;
            public bool Secure { get; set; } = true;
            public SecureSocketOptions Security { get; set; } = SecureSocketOptions.None;
            public SecureSocketOptions Strict { get; set; } = SecureSocketOptions.StartTls;
            public bool EnableSsl = false;
            public int Computed { get { return 25; } }
        }
        """;

    private const string Sender = """
        using MailKit.Net.Smtp;
        using MailKit.Security;

        public class Sender
        {
            private readonly MailSettings _settings;

            public Sender(MailSettings settings) => _settings = settings;

            public void Send(SmtpClient client)
            {
                client.Connect(_settings.Host, _settings.Port, {|#0:_settings.UseSsl|});
                client.Connect(_settings.Host, _settings.Port, {|#1:_settings.Security|});
                {|#2:client.Connect(_settings.Host, _settings.Port)|};
                client.Connect(_settings.Host, _settings.RelayPort, SecureSocketOptions.Auto);
                client.Connect(_settings.Host, _settings.Port, _settings.Secure);
                client.Connect(_settings.Host, _settings.Port, _settings.Strict);
                client.Connect(_settings.Host, _settings.Computed, SecureSocketOptions.Auto);
            }

            public void Legacy(System.Net.Mail.SmtpClient client) => client.EnableSsl = {|#3:_settings.EnableSsl|};
        }
        """;

    [Fact]
    public Task OptionalStartTls_FromASettingsDefault_Reports() => AnalyzerVerifier<Tls004>.VerifyAsync(
        new[] { MailSettings, Sender.Replace("{|#1:", string.Empty).Replace("{|#3:", string.Empty).Replace("_settings.Security|}", "_settings.Security").Replace("_settings.EnableSsl|}", "_settings.EnableSsl") },
        References.Net80WithMailKit,
        AnalyzerVerifier<Tls004>.Diagnostic("TLS004").WithLocation(0).WithArguments(
            "SmtpClient.Connect to the server", "useSsl: false while MailSettings.UseSsl keeps its default (false)", "use SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"),
        AnalyzerVerifier<Tls004>.Diagnostic("TLS004").WithLocation(2).WithArguments(
            "SmtpClient.Connect to port 587", "the default SecureSocketOptions.Auto on port 587 while MailSettings.Port keeps its default (587)", "use SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"));

    [Fact]
    public Task Cleartext_FromASettingsDefault_Reports() => AnalyzerVerifier<Tls003>.VerifyAsync(
        new[] { MailSettings, Sender.Replace("{|#0:", string.Empty).Replace("{|#2:", string.Empty).Replace("_settings.UseSsl|}", "_settings.UseSsl").Replace("_settings.Port)|}", "_settings.Port)") },
        References.Net80WithMailKit,
        AnalyzerVerifier<Tls003>.Diagnostic("TLS003").WithLocation(1).WithMessage(
            "SmtpClient.Connect to the server does not use TLS (SecureSocketOptions.None while MailSettings.Security keeps its default (SecureSocketOptions.None)): mail and credentials go in cleartext; use SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"),
        AnalyzerVerifier<Tls003>.Diagnostic("TLS003").WithLocation(3).WithMessage(
            "SmtpClient sends to its server without TLS (EnableSsl = _settings.EnableSsl while MailSettings.EnableSsl keeps its default (false)): mail and credentials go in cleartext; set EnableSsl = true (mandatory STARTTLS, on the submission port 587) or use MailKit with SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"));

    [Fact]
    public Task RevocationOff_FromASettingsDefault_Reports() => AnalyzerVerifier<Tls006>.VerifyAsync(
        new[]
        {
            """
            using System.Security.Cryptography.X509Certificates;

            public class TlsOptions
            {
                public bool CheckCertificateRevocation { get; set; } = false;
                public X509RevocationMode RevocationMode { get; init; } = X509RevocationMode.NoCheck;
                public bool Strict { get; set; } = true;
                public bool Unset { get; set; }
            }
            """,
            """
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Authentication;
            using System.Security.Cryptography.X509Certificates;

            public class Client
            {
                public void Connect(SslStream stream, TlsOptions options, X509Chain chain)
                {
                    stream.AuthenticateAsClient("db.example.com", null, SslProtocols.None, {|#0:options.CheckCertificateRevocation|});
                    chain.ChainPolicy.RevocationMode = {|#1:options.RevocationMode|};
                    stream.AuthenticateAsClient("db.example.com", null, SslProtocols.None, options.Strict);
                    stream.AuthenticateAsClient("db.example.com", null, SslProtocols.None, options.Unset);
                }

                public HttpClientHandler Handler(TlsOptions options) => new HttpClientHandler { CheckCertificateRevocationList = {|#2:options.CheckCertificateRevocation|} };
            }
            """,
        },
        AnalyzerVerifier<Tls006>.Diagnostic("TLS006").WithLocation(0).WithArguments(
            "SslStream.AuthenticateAsClient(checkCertificateRevocation) = options.CheckCertificateRevocation while TlsOptions.CheckCertificateRevocation keeps its default (false)", "pass true"),
        AnalyzerVerifier<Tls006>.Diagnostic("TLS006").WithLocation(1).WithArguments(
            "X509ChainPolicy.RevocationMode = options.RevocationMode while TlsOptions.RevocationMode keeps its default (X509RevocationMode.NoCheck)", "set it to X509RevocationMode.Online"),
        AnalyzerVerifier<Tls006>.Diagnostic("TLS006").WithLocation(2).WithArguments(
            "HttpClientHandler.CheckCertificateRevocationList = options.CheckCertificateRevocation while TlsOptions.CheckCertificateRevocation keeps its default (false)", "set it to true"));

    [Fact]
    public Task OptionsReturnedByAnAwaitedHelperInAnotherFile_Report() => AnalyzerVerifier<Tls004>.VerifyAsync(
        new[]
        {
            """
            using System.Threading.Tasks;
            using MailKit.Security;

            public class SecurityPolicy
            {
                public bool Legacy { get; set; }

                public async Task<SecureSocketOptions> ChooseAsync()
                {
                    await Task.Yield();
                    if (Legacy)
                    {
                        return SecureSocketOptions.StartTlsWhenAvailable;
                    }

                    return SecureSocketOptions.StartTls;
                }

                public Task<SecureSocketOptions> StrictAsync() => Task.FromResult(SecureSocketOptions.StartTls);
            }
            """,
            """
            using System.Threading.Tasks;
            using MailKit.Net.Imap;

            public class Inbox
            {
                public async Task OpenAsync(ImapClient client, SecurityPolicy policy)
                {
                    await client.ConnectAsync("imap.example.com", 143, {|#0:await policy.ChooseAsync()|});
                    await client.ConnectAsync("imap.example.com", 143, await policy.StrictAsync());
                }

                // A library mapping its caller's URI (?starttls=never => None): the caller's URI is where a finding belongs.
                public void Connect(ImapClient client, System.Uri uri) => client.Connect(uri.Host, uri.Port, Options(uri));

                private static MailKit.Security.SecureSocketOptions Options(System.Uri uri)
                    => uri.Query.Contains("starttls=never") ? MailKit.Security.SecureSocketOptions.None : MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable;
            }
            """,
        },
        References.Net80WithMailKit,
        AnalyzerVerifier<Tls004>.Diagnostic("TLS004").WithLocation(0).WithArguments(
            "ImapClient.ConnectAsync to imap.example.com:143", "SecureSocketOptions.StartTlsWhenAvailable when SecurityPolicy.ChooseAsync() returns SecureSocketOptions.StartTlsWhenAvailable", "use SecureSocketOptions.SslOnConnect on port 993 (RFC 8314 §3)"));

    [Fact]
    public Task AutoFromASettingsDefault_IsJudgedByThePortItMeets() => AnalyzerVerifier<Tls004>.VerifyAsync(
        new[]
        {
            """
            using MailKit.Security;

            public class MailOptions
            {
                public int Port { get; set; } = 587;
                public int ImplicitPort { get; set; } = 465;
                public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
            }
            """,
            """
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public class Sender
            {
                public void Send(SmtpClient client, MailOptions options, int port)
                {
                    client.Connect("smtp.example.com", options.Port, {|#0:options.Security|});
                    client.Connect("smtp.example.com", options.ImplicitPort, options.Security); // Auto on 465 is implicit TLS
                    client.Connect("smtp.example.com", port, options.Security);                 // a port nobody can read: no verdict
                }

                public async Task SendLaterAsync(SmtpClient client) => await client.ConnectAsync("smtp.example.com", 587, {|#1:await ChooseAsync()|});

                private static Task<SecureSocketOptions> ChooseAsync() => Task.FromResult(SecureSocketOptions.StartTlsWhenAvailable);
            }
            """,
        },
        References.Net80WithMailKit,
        AnalyzerVerifier<Tls004>.Diagnostic("TLS004").WithLocation(0).WithArguments(
            "SmtpClient.Connect to smtp.example.com:587",
            "SecureSocketOptions.Auto on port 587 while MailOptions.Security keeps its default (SecureSocketOptions.Auto) and MailOptions.Port keeps its default (587)",
            "use SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"),
        AnalyzerVerifier<Tls004>.Diagnostic("TLS004").WithLocation(1).WithArguments(
            "SmtpClient.ConnectAsync to smtp.example.com:587",
            "SecureSocketOptions.StartTlsWhenAvailable when Sender.ChooseAsync() returns SecureSocketOptions.StartTlsWhenAvailable",
            "use SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"));

    [Fact]
    public Task SmtpClientOnASettingsPort_NamesTheDefaultPort() => AnalyzerVerifier<Tls003>.VerifyAsync(
        new[]
        {
            """
            public class SmtpOptions
            {
                public string Host { get; set; } = "smtp.example.com";
                public int Port { get; set; } = 587;
                public bool EnableSsl { get; set; } = false;
            }
            """,
            """
            using System.Net.Mail;

            public class Mailer
            {
                private readonly SmtpOptions _options = new SmtpOptions();

                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient(_options.Host, _options.Port) { EnableSsl = {|#0:_options.EnableSsl|} };
                    client.Send(message);
                }
            }
            """,
        },
        References.Net80,
        AnalyzerVerifier<Tls003>.Diagnostic("TLS003").WithLocation(0).WithMessage(
            "SmtpClient sends to the configured host on port 587 (SmtpOptions.Port's default) without TLS (EnableSsl = _options.EnableSsl while SmtpOptions.EnableSsl keeps its default (false)): mail and credentials go in cleartext; set EnableSsl = true (mandatory STARTTLS, on the submission port 587) or use MailKit with SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"));

    [Fact]
    public async Task IdeView_TheUsingDocumentAloneShowsTheDefaultsFinding()
    {
        var references = await AnalyzerHarness.ReferencesAsync(References.Net80);
        var settings = """
            public class TlsOptions
            {
                public bool CheckCertificateRevocation { get; set; } = false;
            }
            """;
        var client = """
            using System.Net.Http;
            public class Client
            {
                public HttpClientHandler Create(TlsOptions options) => new HttpClientHandler { CheckCertificateRevocationList = options.CheckCertificateRevocation };
            }
            """;
        var compilation = AnalyzerHarness.Compile(new[] { settings, client }, references);

        var finding = Assert.Single(await AnalyzerHarness.AnalyzeDocumentAsync(compilation, 1));
        Assert.Equal("TLS006", finding.Id);
        Assert.Equal("File1.cs", finding.Location.SourceTree?.FilePath);
        Assert.Contains("while TlsOptions.CheckCertificateRevocation keeps its default (false)", finding.GetMessage());
        Assert.Empty(await AnalyzerHarness.AnalyzeDocumentAsync(compilation, 0));
    }
}
