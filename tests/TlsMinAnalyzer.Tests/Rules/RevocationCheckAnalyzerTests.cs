using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TlsMinAnalyzer.Tests.Verifiers;
using Verify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls006>;

namespace TlsMinAnalyzer.Tests.Rules;

public class RevocationCheckAnalyzerTests
{
    private static DiagnosticResult Expect(int location, string setting, string advice)
        => Verify.Diagnostic("TLS006").WithLocation(location).WithArguments(setting, advice);

    [Fact]
    public Task RevocationModeArgument_ToAnyMethod_Reports() => Verify.VerifyAsync("""
        using System.Security.Cryptography.X509Certificates;
        static class Directory
        {
            public static void Bind(string host, X509RevocationMode mode) { }
            public static void Bind(string host, int port) { }
        }
        class C
        {
            void M()
            {
                Directory.Bind("ldap.example.com", {|#0:X509RevocationMode.NoCheck|});
                Directory.Bind("ldap.example.com", X509RevocationMode.Online);
                Directory.Bind("ldap.example.com", 636);
            }
        }
        """,
        Expect(0, "Directory.Bind(mode) = X509RevocationMode.NoCheck", "pass X509RevocationMode.Online"));

    [Fact]
    public Task BooleanSettingsSetToFalse_Report() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Http;
        class C
        {
            const bool Check = false;

            HttpClientHandler M()
            {
                ServicePointManager.CheckCertificateRevocationList = {|#0:false|};
                var handler = new HttpClientHandler { CheckCertificateRevocationList = {|#1:false|} };
                handler.CheckCertificateRevocationList = {|#2:Check|};
                return handler;
            }
        }
        """,
        Expect(0, "ServicePointManager.CheckCertificateRevocationList = false", "set it to true"),
        Expect(1, "HttpClientHandler.CheckCertificateRevocationList = false", "set it to true"),
        Expect(2, "HttpClientHandler.CheckCertificateRevocationList = Check", "set it to true"));

    /// <summary>A local written once holds a constant, as for the other rules; one written again holds no single value.</summary>
    [Fact]
    public Task LocalsWrittenOnce_CountAsTheirValue() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Authentication;
        using System.Security.Cryptography.X509Certificates;
        class C
        {
            void M(SslStream stream, X509Chain chain, HttpClientHandler handler, bool strict)
            {
                var check = false;
                stream.AuthenticateAsClient("db.example.com", null, SslProtocols.None, {|#0:check|});
                var mode = X509RevocationMode.NoCheck;
                chain.ChainPolicy.RevocationMode = {|#1:mode|};
                var later = false;
                later = strict;
                handler.CheckCertificateRevocationList = later;
            }
        }
        """,
        Expect(0, "SslStream.AuthenticateAsClient(checkCertificateRevocation) = check", "pass true"),
        Expect(1, "X509ChainPolicy.RevocationMode = mode", "set it to X509RevocationMode.Online"));

    [Fact]
    public Task RevocationModeNoCheck_Reports() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        class C
        {
            void M(SocketsHttpHandler handler, X509Chain chain)
            {
                handler.SslOptions.CertificateRevocationCheckMode = {|#0:X509RevocationMode.NoCheck|};
                var options = new SslClientAuthenticationOptions { CertificateRevocationCheckMode = {|#1:X509RevocationMode.NoCheck|} };
                chain.ChainPolicy.RevocationMode = {|#2:X509RevocationMode.NoCheck|};
                chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;
                chain.ChainPolicy.RevocationMode = X509RevocationMode.Offline;
            }
        }
        """,
        Expect(0, "SslClientAuthenticationOptions.CertificateRevocationCheckMode = X509RevocationMode.NoCheck", "set it to X509RevocationMode.Online"),
        Expect(1, "SslClientAuthenticationOptions.CertificateRevocationCheckMode = X509RevocationMode.NoCheck", "set it to X509RevocationMode.Online"),
        Expect(2, "X509ChainPolicy.RevocationMode = X509RevocationMode.NoCheck", "set it to X509RevocationMode.Online"));

    [Fact]
    public Task SslStreamCheckCertificateRevocationFalse_Reports() => Verify.VerifyAsync("""
        using System.Net.Security;
        using System.Security.Authentication;
        using System.Threading.Tasks;
        class C
        {
            async Task M(SslStream stream)
            {
                stream.AuthenticateAsClient("h", null, SslProtocols.None, {|#0:false|});
                await stream.AuthenticateAsClientAsync("h", null, SslProtocols.None, checkCertificateRevocation: {|#1:false|});
                stream.AuthenticateAsClient("h", null, SslProtocols.None, true);
            }
        }
        """,
        Expect(0, "SslStream.AuthenticateAsClient(checkCertificateRevocation) = false", "pass true"),
        Expect(1, "SslStream.AuthenticateAsClientAsync(checkCertificateRevocation) = false", "pass true"));

    [Fact]
    public Task MailKitCheckCertificateRevocationFalse_Reports() => Verify.VerifyAsync("""
        using MailKit.Net.Imap;
        class C
        {
            ImapClient M() => new ImapClient { CheckCertificateRevocation = {|#0:false|} };
        }
        """,
        References.Net80WithMailKit,
        Expect(0, "MailService.CheckCertificateRevocation = false", "set it to true"));

    [Fact]
    public Task OfflineRevocationSwitch_Reports() => Verify.VerifyAsync("""
        using System;
        class C
        {
            void M()
            {
                {|#0:AppContext.SetSwitch("System.Net.Security.OfflineRevocationByDefault", true)|};
                AppContext.SetSwitch("System.Net.Security.OfflineRevocationByDefault", false);
                AppContext.SetSwitch("Some.Other.Switch", true);
            }
        }
        """,
        Expect(0, "AppContext.SetSwitch(\"System.Net.Security.OfflineRevocationByDefault\", true)", "remove the switch so that revocation is checked online"));

    [Fact]
    public Task EnablingOrReadingOrNonConstant_DoesNotReport() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Http;
        class Options { public bool CheckCertificateRevocationList { get; set; } }
        class C
        {
            void M(HttpClientHandler handler, bool configured, Options options)
            {
                handler.CheckCertificateRevocationList = true;
                handler.CheckCertificateRevocationList = configured;
                ServicePointManager.CheckCertificateRevocationList = true;
                var current = handler.CheckCertificateRevocationList;
                options.CheckCertificateRevocationList = false;
            }
        }
        """);

    [Fact]
    public Task ServicePointManagerOnNetFramework_Reports() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            static C() { ServicePointManager.CheckCertificateRevocationList = {|#0:false|}; }
        }
        """,
        References.Net472,
        Expect(0, "ServicePointManager.CheckCertificateRevocationList = false", "set it to true"));

    [Fact]
    public Task RevocationDecidedBySettings_ReportsAnOffOutcome() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Security.Cryptography.X509Certificates;
        class Options { public bool IgnoreRevocation { get; set; } public bool Strict { get; set; } }
        class Factory
        {
            HttpClientHandler Create(Options options, X509Chain chain)
            {
                chain.ChainPolicy.RevocationMode = {|#0:options.IgnoreRevocation ? X509RevocationMode.NoCheck : X509RevocationMode.Online|};
                chain.ChainPolicy.RevocationMode = options.Strict ? X509RevocationMode.Online : X509RevocationMode.Offline;
                return new HttpClientHandler { CheckCertificateRevocationList = {|#1:options.Strict || false ? true : false|} };
            }
        }
        """,
        Expect(0, "X509ChainPolicy.RevocationMode = options.IgnoreRevocation ? X509RevocationMode.NoCheck : X509RevocationMode.Online", "set it to X509RevocationMode.Online"),
        Expect(1, "HttpClientHandler.CheckCertificateRevocationList = options.Strict || false ? true : false", "set it to true"));

    // ---- Client or server: a server's revocation setting concerns its clients' certificates ----

    [Fact]
    public Task ServerSettings_DoNotReport_TheClientBesideThemDoes() => Verify.VerifyAsync("""
        using System.IO;
        using System.Net.Security;
        using System.Security.Authentication;
        using System.Security.Cryptography.X509Certificates;
        using System.Threading.Tasks;
        class Relay
        {
            private readonly SslStream _downstream;

            public Relay(Stream inner) => _downstream = new SslStream(inner, false);

            public Task AcceptAsync(X509Certificate2 certificate)
                => _downstream.AuthenticateAsServerAsync(certificate, clientCertificateRequired: true, SslProtocols.None, checkCertificateRevocation: false);

            public async Task ServeAsync(SslStream stream, X509Certificate2 certificate)
            {
                var options = new SslServerAuthenticationOptions
                {
                    ServerCertificate = certificate,
                    ClientCertificateRequired = true,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                };
                await stream.AuthenticateAsServerAsync(options);
                stream.AuthenticateAsServer(certificate, true, SslProtocols.None, false);
            }

            public void Upstream(SslStream stream)
                => stream.AuthenticateAsClient("backend.example.com", null, SslProtocols.None, {|#0:false|});
        }
        """,
        Expect(0, "SslStream.AuthenticateAsClient(checkCertificateRevocation) = false", "pass true"));

    [Fact]
    public Task RevocationTurnedOffInABranchDecidedBySettings_Reports() => Verify.VerifyAsync("""
        using System.Net.Security;
        using System.Security.Authentication;
        using System.Security.Cryptography.X509Certificates;
        class Settings { public bool Offline { get; set; } public bool Strict { get; set; } }
        class Client
        {
            void Connect(SslStream stream, Settings settings, X509Chain chain, bool offlineRequested)
            {
                var check = true;
                if (settings.Offline)
                {
                    check = false;
                }

                stream.AuthenticateAsClient("db.example.com", null, SslProtocols.None, {|#0:check|});

                var mode = X509RevocationMode.NoCheck;
                if (settings.Strict)
                {
                    mode = X509RevocationMode.Online;
                }

                chain.ChainPolicy.RevocationMode = {|#1:mode|};

                // Decided by the caller's argument alone: the caller's value is where a finding belongs.
                var callerDecides = true;
                if (offlineRequested)
                {
                    callerDecides = false;
                }

                stream.AuthenticateAsClient("db.example.com", null, SslProtocols.None, callerDecides);
            }
        }
        """,
        Expect(0, "SslStream.AuthenticateAsClient(checkCertificateRevocation) = check when settings.Offline", "pass true"),
        Expect(1, "X509ChainPolicy.RevocationMode = mode unless settings.Strict", "set it to X509RevocationMode.Online"));

    [Fact]
    public Task LibrarySettings_Report_WhicheverWayTheyAreWorded() => Verify.VerifyAsync(
        new[]
        {
            """
            namespace MongoDB.Driver { public class SslSettings { public bool CheckCertificateRevocation { get; set; } } }
            namespace MQTTnet.Client { public class MqttClientTlsOptions { public bool IgnoreCertificateRevocationErrors { get; set; } } }
            """,
            """
            using MongoDB.Driver;
            using MQTTnet.Client;

            class Clients
            {
                void Configure()
                {
                    var mongo = new SslSettings { CheckCertificateRevocation = {|#0:false|} };
                    var mqtt = new MqttClientTlsOptions { IgnoreCertificateRevocationErrors = {|#1:true|} };
                    var strict = new MqttClientTlsOptions { IgnoreCertificateRevocationErrors = false };
                    var checking = new SslSettings { CheckCertificateRevocation = true };
                }
            }
            """,
        },
        References.Net80,
        Expect(0, "SslSettings.CheckCertificateRevocation = false", "set it to true"),
        Expect(1, "MqttClientTlsOptions.IgnoreCertificateRevocationErrors = true", "set it to false"));

    /// <summary>
    /// Chains the code builds to check a server's certificate against its own CA, in the shapes drivers and caches use: the
    /// CA in ExtraStore with unknown authorities allowed (a local, and a chain created with an object initializer), and
    /// custom root trust. Pinning to a private CA, which rarely publishes revocation lists: not reported. A chain that only
    /// adds intermediates still trusts the system's roots, and a chain that is not the anchored one is judged alone.
    /// </summary>
    [Fact]
    public Task ChainsAnchoredToTheCodesOwnCa_AreNotReported_OtherChainsAre() => Verify.VerifyAsync("""
        using System;
        using System.Security.Cryptography.X509Certificates;
        static class TrustedIssuer
        {
            public static bool Check(X509Certificate2 certificate, X509Certificate2 authority)
            {
                using X509Chain chain = new X509Chain();
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
                chain.ChainPolicy.ExtraStore.Add(authority);
                return chain.Build(certificate) && chain.ChainElements[chain.ChainElements.Count - 1].Certificate.Thumbprint == authority.Thumbprint;
            }

            public static X509Chain FromCaFile(X509Certificate2Collection caCertificates)
            {
                X509Chain? certificateChain = new()
                {
                    ChainPolicy =
                    {
                        RevocationMode = X509RevocationMode.NoCheck,
                        VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority | X509VerificationFlags.IgnoreEndRevocationUnknown,
                    },
                };
                foreach (var caCertificate in caCertificates)
                {
                    certificateChain.ChainPolicy.ExtraStore.Add(caCertificate);
                }

                return certificateChain;
            }

            public static bool CustomRoot(X509Certificate2 certificate, X509Certificate2 root)
            {
                var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(root);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            }

            public static bool WithIntermediates(X509Certificate2 certificate, X509Certificate2Collection intermediates)
            {
                var chain = new X509Chain();
                chain.ChainPolicy.RevocationMode = {|#0:X509RevocationMode.NoCheck|};
                chain.ChainPolicy.ExtraStore.AddRange(intermediates);
                return chain.Build(certificate);
            }

            public static bool TwoChains(X509Certificate2 certificate, X509Certificate2 authority)
            {
                var pinned = new X509Chain();
                pinned.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
                pinned.ChainPolicy.ExtraStore.Add(authority);
                var system = new X509Chain();
                system.ChainPolicy.RevocationMode = {|#1:X509RevocationMode.NoCheck|};
                return pinned.Build(certificate) && system.Build(certificate);
            }
        }
        """,
        References.Net80,
        Expect(0, "X509ChainPolicy.RevocationMode = X509RevocationMode.NoCheck", "set it to X509RevocationMode.Online"),
        Expect(1, "X509ChainPolicy.RevocationMode = X509RevocationMode.NoCheck", "set it to X509RevocationMode.Online"));
}
