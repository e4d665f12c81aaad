using System.Threading.Tasks;
using TlsMinAnalyzer.Tests.Verifiers;
using Xunit;

namespace TlsMinAnalyzer.Tests.Rules;

/// <summary>
/// Choices kept in private fields, the way services keep them: decided once in the constructor from injected settings and
/// used by the method that connects. The engine follows every write of the field in its type (initializer, constructor,
/// methods): a write decided by a setting is a finding at the use, naming the setting; a write decided by the
/// constructor's own parameters is its caller's choice; an initializer the constructor always replaces never runs (one it
/// replaces only in a branch, a loop or a <c>switch</c> section is the default the other paths keep).
/// </summary>
public class FieldFlowTests
{
    private const string Options = """
        public class MailOptions
        {
            public bool UseSsl { get; set; }
            public bool Offline { get; set; }
            public bool AllowPlain { get; set; }
            public int Port { get; set; }
            public string Mode { get; set; } = "";
        }
        """;

    [Fact]
    public Task MailOptionsDecidedInTheConstructor_ReportAtTheConnect() => AnalyzerVerifier<Tls004>.VerifyAsync(
        new[]
        {
            Options,
            """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public class Sender
            {
                private readonly SecureSocketOptions _security;
                private readonly bool _useSsl = true;
                private readonly SecureSocketOptions _passThrough;
                private readonly int _port = 25;
                private readonly bool _implicitTls = false;

                public Sender(MailOptions options, bool implicitTls)
                {
                    _security = options.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
                    if (options.AllowPlain)
                    {
                        _useSsl = false;
                    }

                    _passThrough = implicitTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
                    _port = options.Port;
                    switch (options.Mode)
                    {
                        case "tls":
                            _implicitTls = true;
                            break;
                    }
                }

                public void Send(SmtpClient client)
                {
                    client.Connect("smtp.example.com", 587, {|#0:_security|});
                    client.Connect("smtp.example.com", 587, {|#1:_useSsl|});
                    client.Connect("smtp.example.com", 587, _passThrough);
                    client.Connect("smtp.example.com", _port, SecureSocketOptions.Auto);
                    client.Connect("smtp.example.com", 587, {|#2:_implicitTls|});
                }
            }
            """,
        },
        References.Net80WithMailKit,
        AnalyzerVerifier<Tls004>.Diagnostic("TLS004").WithLocation(0).WithArguments(
            "SmtpClient.Connect to smtp.example.com:587", "SecureSocketOptions.StartTlsWhenAvailable unless options.UseSsl", "use SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"),
        AnalyzerVerifier<Tls004>.Diagnostic("TLS004").WithLocation(1).WithArguments(
            "SmtpClient.Connect to smtp.example.com:587", "useSsl: false when options.AllowPlain", "use SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"),
        AnalyzerVerifier<Tls004>.Diagnostic("TLS004").WithLocation(2).WithArguments(
            "SmtpClient.Connect to smtp.example.com:587", "useSsl: false while Sender._implicitTls keeps its default (false)", "use SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"));

    [Fact]
    public Task EnableSslDecidedInTheConstructor_ReportsCleartext() => AnalyzerVerifier<Tls003>.VerifyAsync(
        new[]
        {
            Options,
            """
            using System.Net.Mail;

            public class LegacySender
            {
                private readonly bool _enableSsl;

                public LegacySender(MailOptions options) => _enableSsl = options.AllowPlain ? false : true;

                public void Send(MailMessage message)
                {
                    var client = new SmtpClient("smtp.example.com", 587);
                    client.EnableSsl = {|#0:_enableSsl|};
                    client.Send(message);
                }
            }
            """,
        },
        References.Net80WithMailKit,
        AnalyzerVerifier<Tls003>.Diagnostic("TLS003").WithLocation(0).WithMessage(
            "SmtpClient sends to smtp.example.com:587 without TLS (EnableSsl = _enableSsl when options.AllowPlain): mail and credentials go in cleartext; set EnableSsl = true (mandatory STARTTLS, on the submission port 587) or use MailKit with SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"));

    [Fact]
    public Task RevocationAndEncryptionDecidedInTheConstructor_Report() => AnalyzerVerifier<Tls006>.VerifyAsync(
        new[]
        {
            Options,
            """
            using System.Net.Security;
            using System.Security.Authentication;
            using System.Security.Cryptography.X509Certificates;

            public class Client
            {
                private readonly bool _checkRevocation = true;
                private readonly bool _replaced = false;
                private readonly X509RevocationMode _mode;

                public Client(MailOptions options, bool offline)
                {
                    if (options.Offline)
                    {
                        _checkRevocation = false;
                    }

                    _replaced = !options.Offline;
                    _mode = offline ? X509RevocationMode.NoCheck : X509RevocationMode.Online;
                }

                public void Connect(SslStream stream, X509Chain chain)
                {
                    stream.AuthenticateAsClient("db.example.com", null, SslProtocols.None, {|#0:_checkRevocation|});
                    stream.AuthenticateAsClient("db.example.com", null, SslProtocols.None, _replaced);
                    chain.ChainPolicy.RevocationMode = _mode;
                }
            }
            """,
        },
        References.Net80,
        AnalyzerVerifier<Tls006>.Diagnostic("TLS006").WithLocation(0).WithArguments(
            "SslStream.AuthenticateAsClient(checkCertificateRevocation) = _checkRevocation when options.Offline", "pass true"));

    [Fact]
    public Task EncryptionPolicyDecidedInTheConstructor_Reports() => AnalyzerVerifier<Tls009>.VerifyAsync(
        new[]
        {
            Options,
            """
            using System.IO;
            using System.Net.Security;

            public class Tunnel
            {
                private readonly EncryptionPolicy _policy = EncryptionPolicy.RequireEncryption;
                private readonly EncryptionPolicy _fromCaller;

                public Tunnel(MailOptions options, bool allowNull)
                {
                    if (options.AllowPlain)
                    {
                        _policy = EncryptionPolicy.AllowNoEncryption;
                    }

                    _fromCaller = allowNull ? EncryptionPolicy.AllowNoEncryption : EncryptionPolicy.RequireEncryption;
                }

            #pragma warning disable SYSLIB0040
                public SslStream Open(Stream inner) => new SslStream(inner, false, null, null, {|#0:_policy|});

                public SslStream OpenForCaller(Stream inner) => new SslStream(inner, false, null, null, _fromCaller);
            }
            """,
        },
        References.Net80,
        AnalyzerVerifier<Tls009>.Diagnostic("TLS009").WithLocation(0).WithArguments("new SslStream(encryptionPolicy)", "AllowNoEncryption when options.AllowPlain"));

    [Fact]
    public Task CallbackChosenBySwitchArmsOrKeptInAField_Report() => AnalyzerVerifier<Tls002>.VerifyAsync(
        new[]
        {
            Options,
            """
            using System.IO;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            public class Transport
            {
                private readonly MailOptions _options = new MailOptions();
                private readonly RemoteCertificateValidationCallback _replaced = (sender, certificate, chain, errors) => true;

                public Transport() => _replaced = Strict;

                public SslStream Open(Stream inner)
                {
                    RemoteCertificateValidationCallback callback = _options.Mode switch
                    {
                        "strict" => Strict,
                        _ => (sender, certificate, chain, errors) => {|#1:true|},
                    };
                    return new SslStream(inner, false, {|#0:callback|});
                }

                public SslStream OpenKept(Stream inner) => new SslStream(inner, false, _replaced);

                private static bool Strict(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => errors == SslPolicyErrors.None;
            }
            """,
        },
        References.Net80,
        AnalyzerVerifier<Tls002>.Diagnostic("TLS002").WithLocation(0).WithLocation(1).WithArguments(
            "new SslStream(userCertificateValidationCallback)", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"));
}
