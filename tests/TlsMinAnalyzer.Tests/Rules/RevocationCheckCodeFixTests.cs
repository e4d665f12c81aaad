using System.Threading.Tasks;
using TlsMinAnalyzer.CodeFixes.Rules;
using TlsMinAnalyzer.Tests.Verifiers;
using Verify = TlsMinAnalyzer.Tests.Verifiers.CodeFixVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls006, TlsMinAnalyzer.CodeFixes.Rules.RevocationCheckCodeFixProvider>;

namespace TlsMinAnalyzer.Tests.Rules;

public class RevocationCheckCodeFixTests
{
    private const string Key = RevocationCheckCodeFixProvider.CheckRevocationKey;

    [Fact]
    public Task FalseAndNoCheck_FixToTrueAndOnline() => Verify.VerifyAsync("""
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        class C
        {
            void M(SslStream stream, X509Chain chain)
            {
                ServicePointManager.CheckCertificateRevocationList = [|false|];
                var handler = new HttpClientHandler { CheckCertificateRevocationList = [|false|] };
                stream.AuthenticateAsClient("h", null, System.Security.Authentication.SslProtocols.None, checkCertificateRevocation: [|false|]);
                chain.ChainPolicy.RevocationMode = [|X509RevocationMode.NoCheck|];
                var options = new SslClientAuthenticationOptions { CertificateRevocationCheckMode = [|System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck|] };
                [|AppContext.SetSwitch("System.Net.Security.OfflineRevocationByDefault", true)|];
            }
        }
        """, """
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        class C
        {
            void M(SslStream stream, X509Chain chain)
            {
                ServicePointManager.CheckCertificateRevocationList = true;
                var handler = new HttpClientHandler { CheckCertificateRevocationList = true };
                stream.AuthenticateAsClient("h", null, System.Security.Authentication.SslProtocols.None, checkCertificateRevocation: true);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;
                var options = new SslClientAuthenticationOptions { CertificateRevocationCheckMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.Online };
            }
        }
        """, Key);

    [Fact]
    public Task NetFrameworkServicePointManager_FixesToTrue() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            void M() => ServicePointManager.CheckCertificateRevocationList = [|false|];
        }
        """, """
        using System.Net;
        class C
        {
            void M() => ServicePointManager.CheckCertificateRevocationList = true;
        }
        """, Key, References.Net472);

    [Fact]
    public Task LocalDecidedInABranch_GoesWithTheFix() => Verify.VerifyAsync("""
        using System.Net.Security;
        using System.Security.Authentication;
        class Settings { public bool Offline { get; set; } }
        class Client
        {
            void Connect(SslStream stream, Settings settings)
            {
                var check = true;
                if (settings.Offline)
                {
                    check = false;
                }

                stream.AuthenticateAsClient("db.example.com", null, SslProtocols.None, [|check|]);
            }
        }
        """, """
        using System.Net.Security;
        using System.Security.Authentication;
        class Settings { public bool Offline { get; set; } }
        class Client
        {
            void Connect(SslStream stream, Settings settings)
            {
                stream.AuthenticateAsClient("db.example.com", null, SslProtocols.None, true);
            }
        }
        """, Key);

    [Fact]
    public Task FieldDecidedInTheConstructor_GoesWithTheFix() => Verify.VerifyAsync("""
        using System.Net.Security;
        using System.Security.Authentication;
        class Settings { public bool Offline { get; set; } }
        class Client
        {
            private readonly bool _checkRevocation = true;
            private readonly string _host;

            public Client(Settings settings)
            {
                _host = "db.example.com";
                if (settings.Offline)
                {
                    _checkRevocation = false;
                }
            }

            public void Connect(SslStream stream) => stream.AuthenticateAsClient(_host, null, SslProtocols.None, [|_checkRevocation|]);
        }
        """, """
        using System.Net.Security;
        using System.Security.Authentication;
        class Settings { public bool Offline { get; set; } }
        class Client
        {
            private readonly string _host;

            public Client(Settings settings)
            {
                _host = "db.example.com";
            }

            public void Connect(SslStream stream) => stream.AuthenticateAsClient(_host, null, SslProtocols.None, true);
        }
        """, Key);

    [Fact]
    public Task FieldAlsoReadElsewhere_Stays() => Verify.VerifyAsync("""
        using System;
        using System.Net.Security;
        using System.Security.Authentication;
        class Settings { public bool Offline { get; set; } }
        class Client
        {
            private readonly bool _checkRevocation = true;

            public Client(Settings settings)
            {
                if (settings.Offline) _checkRevocation = false;
            }

            public void Connect(SslStream stream)
            {
                stream.AuthenticateAsClient("db.example.com", null, SslProtocols.None, [|_checkRevocation|]);
                Console.WriteLine(_checkRevocation);
            }
        }
        """, """
        using System;
        using System.Net.Security;
        using System.Security.Authentication;
        class Settings { public bool Offline { get; set; } }
        class Client
        {
            private readonly bool _checkRevocation = true;

            public Client(Settings settings)
            {
                if (settings.Offline) _checkRevocation = false;
            }

            public void Connect(SslStream stream)
            {
                stream.AuthenticateAsClient("db.example.com", null, SslProtocols.None, true);
                Console.WriteLine(_checkRevocation);
            }
        }
        """, Key);

    [Fact]
    public Task LocalAlsoReadElsewhere_Stays() => Verify.VerifyAsync("""
        using System;
        using System.Net.Security;
        using System.Security.Authentication;
        class Settings { public bool Offline { get; set; } }
        class Client
        {
            void Connect(SslStream stream, Settings settings)
            {
                var check = true;
                if (settings.Offline) check = false;
                Console.WriteLine(check);
                stream.AuthenticateAsClient("db.example.com", null, SslProtocols.None, [|check|]);
            }
        }
        """, """
        using System;
        using System.Net.Security;
        using System.Security.Authentication;
        class Settings { public bool Offline { get; set; } }
        class Client
        {
            void Connect(SslStream stream, Settings settings)
            {
                var check = true;
                if (settings.Offline) check = false;
                Console.WriteLine(check);
                stream.AuthenticateAsClient("db.example.com", null, SslProtocols.None, true);
            }
        }
        """, Key);

    [Fact]
    public Task InvertedLibrarySetting_IsSetToFalse() => Verify.VerifyAsync(
        new[]
        {
            "namespace MQTTnet.Client { public class MqttClientTlsOptions { public bool IgnoreCertificateRevocationErrors { get; set; } } }",
            """
            class Clients
            {
                object Configure() => new MQTTnet.Client.MqttClientTlsOptions { IgnoreCertificateRevocationErrors = [|true|] };
            }
            """,
        },
        new[]
        {
            "namespace MQTTnet.Client { public class MqttClientTlsOptions { public bool IgnoreCertificateRevocationErrors { get; set; } } }",
            """
            class Clients
            {
                object Configure() => new MQTTnet.Client.MqttClientTlsOptions { IgnoreCertificateRevocationErrors = false };
            }
            """,
        },
        Key,
        References.Net80);
}
