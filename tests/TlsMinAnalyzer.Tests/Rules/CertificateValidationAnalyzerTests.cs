using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TlsMinAnalyzer.Tests.Verifiers;
using Verify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls002>;

namespace TlsMinAnalyzer.Tests.Rules;

public class CertificateValidationAnalyzerTests
{
    private const string All = "accepts every certificate";
    private const string Ignores = "returns true for certificates with errors without looking at the errors or the certificate";

    private static DiagnosticResult Expect(int location, string hook, string what)
        => Verify.Diagnostic("TLS002").WithLocation(location).WithArguments(hook, "is given a callback that " + what, "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None");

    private const string Usings = """
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        """;

    // ---- sinks ----

    [Fact]
    public Task ServicePointManagerLambdaAndAnonymousMethod_Report() => Verify.VerifyAsync(Usings + """
        class C
        {
            void M()
            {
                ServicePointManager.ServerCertificateValidationCallback = {|#0:(sender, certificate, chain, errors) => true|};
                ServicePointManager.ServerCertificateValidationCallback += {|#1:delegate { return true; }|};
                ServicePointManager.ServerCertificateValidationCallback = {|#2:new RemoteCertificateValidationCallback((s, c, ch, e) => true)|};
            }
        }
        """,
        Expect(0, "ServicePointManager.ServerCertificateValidationCallback", All),
        Expect(1, "ServicePointManager.ServerCertificateValidationCallback", All),
        Expect(2, "ServicePointManager.ServerCertificateValidationCallback", All));

    [Fact]
    public Task HttpClientHandlerInitializerAndDangerousValidator_Report() => Verify.VerifyAsync(Usings + """
        class C
        {
            HttpClient A() => new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = {|#0:(message, cert, chain, errors) => true|} });

            void B(HttpClientHandler handler)
            {
                handler.ServerCertificateCustomValidationCallback = {|#1:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|};
                var validator = {|#2:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|};
            }
        }
        """,
        Expect(0, "HttpClientHandler.ServerCertificateCustomValidationCallback", All),
        Expect(1, "HttpClientHandler.ServerCertificateCustomValidationCallback", All + " (HttpClientHandler.DangerousAcceptAnyServerCertificateValidator)"),
        Expect(2, "A certificate validation hook", All + " (HttpClientHandler.DangerousAcceptAnyServerCertificateValidator)"));

    [Fact]
    public Task SslOptionsSslStreamAndWebSocket_Report() => Verify.VerifyAsync(Usings + """
        using System.IO;
        using System.Net.WebSockets;
        class C
        {
            void M(SocketsHttpHandler handler, Stream stream, ClientWebSocket socket)
            {
                handler.SslOptions.RemoteCertificateValidationCallback = {|#0:(s, c, ch, e) => true|};
                var options = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = {|#1:(s, c, ch, e) => true|} };
                var ssl = new SslStream(stream, false, {|#2:(s, c, ch, e) => true|});
                socket.Options.RemoteCertificateValidationCallback = {|#3:(s, c, ch, e) => true|};
            }
        }
        """,
        Expect(0, "SslClientAuthenticationOptions.RemoteCertificateValidationCallback", All),
        Expect(1, "SslClientAuthenticationOptions.RemoteCertificateValidationCallback", All),
        Expect(2, "new SslStream(userCertificateValidationCallback)", All),
        Expect(3, "ClientWebSocketOptions.RemoteCertificateValidationCallback", All));

    [Fact]
    public Task HttpWebRequestOnNetFramework_Reports() => Verify.VerifyAsync(Usings + """
        class C
        {
            void M(HttpWebRequest request)
            {
                request.ServerCertificateValidationCallback = {|#0:(s, c, ch, e) => true|};
            }
        }
        """,
        References.Net48,
        Expect(0, "HttpWebRequest.ServerCertificateValidationCallback", All));

    [Fact]
    public Task MailKitCallback_Reports() => Verify.VerifyAsync("""
        using MailKit.Net.Smtp;
        class C
        {
            void M(SmtpClient client)
            {
                client.ServerCertificateValidationCallback = {|#0:(sender, certificate, chain, errors) => true|};
            }
        }
        """,
        References.Net80WithMailKit,
        Expect(0, "MailService.ServerCertificateValidationCallback", All));

    [Fact]
    public Task ThirdPartyHookOfTheSameShape_Reports() => Verify.VerifyAsync(Usings + """
        public delegate bool CertificateCheck(X509Certificate certificate, SslPolicyErrors errors);
        public class FtpClient { public CertificateCheck ValidateCertificate { get; set; } public event CertificateCheck Validating; }
        class C
        {
            void M(FtpClient client)
            {
                client.ValidateCertificate = {|#0:(cert, errors) => true|};
                client.Validating += {|#1:(cert, errors) => true|};
            }
        }
        """,
        Expect(0, "FtpClient.ValidateCertificate", All),
        Expect(1, "FtpClient.Validating", All));

    // ---- sources ----

    [Fact]
    public Task MethodGroupLocalFunctionLocalAndField_Report() => Verify.VerifyAsync(Usings + """
        class C
        {
            private static readonly RemoteCertificateValidationCallback AcceptAll = (s, c, ch, e) => {|#5:true|};

            void M(HttpClientHandler handler)
            {
                ServicePointManager.ServerCertificateValidationCallback = {|#0:Validate|};
                ServicePointManager.ServerCertificateValidationCallback = {|#2:Local|};
                RemoteCertificateValidationCallback callback = (s, c, ch, e) => {|#7:true|};
                ServicePointManager.ServerCertificateValidationCallback = {|#6:callback|};
                ServicePointManager.ServerCertificateValidationCallback = {|#4:AcceptAll|};

                bool Local(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) => {|#3:true|};
            }

            private static bool Validate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
            {
                Console.WriteLine(errors);
                {|#1:return true;|}
            }
        }
        """,
        Expect(0, "ServicePointManager.ServerCertificateValidationCallback", All).WithLocation(1),
        Expect(2, "ServicePointManager.ServerCertificateValidationCallback", All).WithLocation(3),
        Expect(4, "ServicePointManager.ServerCertificateValidationCallback", All).WithLocation(5),
        Expect(6, "ServicePointManager.ServerCertificateValidationCallback", All).WithLocation(7));

    [Fact]
    public Task ThrowOnUnrelatedPathAndLogging_ReportsAcceptsAll() => Verify.VerifyAsync(Usings + """
        class C
        {
            void M()
            {
                ServicePointManager.ServerCertificateValidationCallback = {|#0:(s, certificate, chain, errors) =>
                {
                    if (certificate == null) throw new ArgumentNullException(nameof(certificate));
                    if (errors != SslPolicyErrors.None) Console.WriteLine("TLS error ignored: " + errors);
                    return true;
                }|};
            }
        }
        """,
        Expect(0, "ServicePointManager.ServerCertificateValidationCallback", All));

    [Fact]
    public Task TrueOnPathThatIgnoresErrors_Reports() => Verify.VerifyAsync(Usings + """
        class C
        {
            public static bool AllowInvalidCertificates;

            void M(HttpClientHandler handler)
            {
                handler.ServerCertificateCustomValidationCallback = {|#0:(request, certificate, chain, errors) =>
                {
                    if (AllowInvalidCertificates) return true;
                    return errors == SslPolicyErrors.None;
                }|};
                handler.ServerCertificateCustomValidationCallback = {|#1:(request, certificate, chain, errors) =>
                    request.RequestUri.Host == "intranet.local" || errors == SslPolicyErrors.None|};
            }
        }
        """,
        Expect(0, "HttpClientHandler.ServerCertificateCustomValidationCallback", Ignores),
        Expect(1, "HttpClientHandler.ServerCertificateCustomValidationCallback", Ignores));

    [Fact]
    public Task ExplicitlyAllowedErrors_ReportNamingThem() => Verify.VerifyAsync(Usings + """
        class C
        {
            void M()
            {
                ServicePointManager.ServerCertificateValidationCallback = {|#0:(s, c, ch, errors) =>
                    errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateNameMismatch|};
                ServicePointManager.ServerCertificateValidationCallback = {|#1:(s, c, ch, errors) =>
                    (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None|};
                ServicePointManager.ServerCertificateValidationCallback = {|#2:(s, c, ch, errors) => errors != SslPolicyErrors.None|};
                ServicePointManager.ServerCertificateValidationCallback = {|#3:(s, c, ch, errors) =>
                {
                    switch (errors)
                    {
                        case SslPolicyErrors.None:
                        case SslPolicyErrors.RemoteCertificateChainErrors:
                            return true;
                        default:
                            return false;
                    }
                }|};
                ServicePointManager.ServerCertificateValidationCallback = {|#4:(s, certificate, ch, errors) =>
                {
                    if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) return true;
                    return certificate.GetCertHashString() == "AB12";
                }|};
            }
        }
        """,
        Expect(0, "ServicePointManager.ServerCertificateValidationCallback", "accepts certificates with RemoteCertificateNameMismatch"),
        Expect(1, "ServicePointManager.ServerCertificateValidationCallback", "accepts certificates with RemoteCertificateChainErrors"),
        Expect(2, "ServicePointManager.ServerCertificateValidationCallback", "accepts certificates with RemoteCertificateNotAvailable, RemoteCertificateNameMismatch, RemoteCertificateChainErrors"),
        Expect(3, "ServicePointManager.ServerCertificateValidationCallback", "accepts certificates with RemoteCertificateChainErrors"),
        Expect(4, "ServicePointManager.ServerCertificateValidationCallback", "accepts certificates with RemoteCertificateNameMismatch"));

    // ---- never reported ----

    [Fact]
    public Task StrictCallbacks_DoNotReport() => Verify.VerifyAsync(Usings + """
        class C
        {
            void M()
            {
                ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, errors) => errors == SslPolicyErrors.None;
                ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, errors) => errors is SslPolicyErrors.None;
                ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, errors) =>
                    !errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors)
                    && !errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
                    && !errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable);
                ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, errors) =>
                {
                    if (errors != SslPolicyErrors.None)
                    {
                        Console.WriteLine("rejected: " + errors);
                        return false;
                    }

                    return true;
                };
                ServicePointManager.ServerCertificateValidationCallback = null;
            }
        }
        """);

    [Fact]
    public Task PinningAndCustomRootCallbacks_DoNotReport() => Verify.VerifyAsync(Usings + """
        class C
        {
            private const string Pinned = "3F2A...";
            private static readonly X509Certificate2 Root = null!;

            void M(HttpClientHandler handler)
            {
                ServicePointManager.ServerCertificateValidationCallback = (s, certificate, chain, errors) =>
                {
                    if (errors == SslPolicyErrors.None) return true;
                    return certificate != null && certificate.GetCertHashString() == Pinned;
                };
                handler.ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
                {
                    if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
                    chain.ChainPolicy.ExtraStore.Add(Root);
                    chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
                    return chain.Build(certificate) && chain.ChainElements[chain.ChainElements.Count - 1].Certificate.Thumbprint == Root.Thumbprint;
                };
                handler.ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => CertificatePolicy.IsTrusted(certificate, errors);
            }
        }

        static class CertificatePolicy
        {
            public static bool IsTrusted(X509Certificate2 certificate, SslPolicyErrors errors) => errors == SslPolicyErrors.None;
        }
        """);

    [Fact]
    public Task CallbackRead_DoesNotReport_ButOneStoredToBeInstalledLater_IsReportedWhereItIsCreated() => Verify.VerifyAsync(Usings + """
        class C
        {
            private RemoteCertificateValidationCallback _saved = {|#0:(s, c, ch, e) => true|};
            private RemoteCertificateValidationCallback _strict = (s, c, ch, e) => e == SslPolicyErrors.None;

            void M()
            {
                var previous = ServicePointManager.ServerCertificateValidationCallback;
                RemoteCertificateValidationCallback unused = {|#1:(s, c, ch, e) => true|};
                Console.WriteLine(previous == null);
                ServicePointManager.ServerCertificateValidationCallback = previous;
                ServicePointManager.ServerCertificateValidationCallback = null;
            }
        }
        """,
        Expect(0, "C._saved (a RemoteCertificateValidationCallback kept to be installed)", All),
        Expect(1, "The local 'unused' (a RemoteCertificateValidationCallback)", All));

    [Fact]
    public Task ClientCertificateValidationOnServers_DoesNotReport() => Verify.VerifyAsync(Usings + """
        namespace Microsoft.AspNetCore.Server.Kestrel.Https
        {
            public class HttpsConnectionAdapterOptions
            {
                public Func<X509Certificate2, X509Chain, SslPolicyErrors, bool> ClientCertificateValidation { get; set; }
            }
        }

        class C
        {
            void M(Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions kestrel)
            {
                kestrel.ClientCertificateValidation = (certificate, chain, errors) => true;
                var server = new SslServerAuthenticationOptions { RemoteCertificateValidationCallback = (s, c, ch, e) => true };
            }
        }
        """);

    [Fact]
    public Task CallbacksWithShapesNotModelled_DoNotReport() => Verify.VerifyAsync(Usings + """
        class C
        {
            void M()
            {
                ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, errors) =>
                {
                    var ok = errors == SslPolicyErrors.None;
                    return ok;
                };
                ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, errors) =>
                {
                    foreach (var element in ch.ChainElements) { if (element.Certificate.Thumbprint == "AB") return true; }
                    return errors == SslPolicyErrors.None;
                };
                ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, errors) => throw new NotSupportedException();
            }
        }
        """);

    [Fact]
    public Task ThirdPartyHookWithAnUnfamiliarName_InADocumentThatNamesNoValidationApi_IsStillFound()
        => Verify.VerifyAsync(
            new[]
            {
                """
                using System;
                using System.Net.Security;
                using System.Security.Cryptography.X509Certificates;
                public class Broker
                {
                    public event Func<object, X509Certificate, X509Chain, SslPolicyErrors, bool> VerifyServerCertificate;
                    public bool Check(X509Certificate certificate) => VerifyServerCertificate?.Invoke(this, certificate, null, SslPolicyErrors.None) ?? false;
                }
                """,
                """
                class Consumer
                {
                    void Attach(Broker broker) => broker.VerifyServerCertificate += {|#0:(sender, certificate, chain, errors) => true|};
                }
                """,
            },
            Verify.Diagnostic(TlsMinAnalyzer.DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithArguments("Broker.VerifyServerCertificate", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"));

    [Fact]
    public Task CallbackDecidedInBranches_ArmsAndHelpers_ReportsWhenAnyPathAcceptsAll() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        class Settings { public bool TrustAll { get; set; } public bool Pinned { get; set; } }
        class Clients
        {
            private static bool Strict(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors) => errors == SslPolicyErrors.None;

            private static RemoteCertificateValidationCallback Validator(Settings settings)
            {
                if (settings.TrustAll)
                {
                    return (sender, certificate, chain, errors) => {|#5:true|};
                }

                return Strict;
            }

            void Branches(Settings settings, SslStreamHolder holder)
            {
                RemoteCertificateValidationCallback callback;
                if (settings.TrustAll)
                {
                    callback = (sender, certificate, chain, errors) => {|#4:true|};
                }
                else
                {
                    callback = Strict;
                }

                System.Net.ServicePointManager.ServerCertificateValidationCallback = {|#0:callback|};
            }

            void Arms(Settings settings, HttpClientHandler handler, System.Func<HttpRequestMessage, X509Certificate2, X509Chain, SslPolicyErrors, bool> configured)
            {
                handler.ServerCertificateCustomValidationCallback = {|#1:configured ?? ((request, certificate, chain, errors) => true)|};
                handler.ServerCertificateCustomValidationCallback = {|#2:settings.TrustAll ? (request, certificate, chain, errors) => true : null|};
            }

            void Helper(Settings settings) => System.Net.ServicePointManager.ServerCertificateValidationCallback = {|#3:Validator(settings)|};

            void AllPathsStrict(Settings settings)
            {
                RemoteCertificateValidationCallback callback = Strict;
                if (settings.Pinned)
                {
                    callback = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None && certificate?.GetCertHashString() == "AB";
                }

                System.Net.ServicePointManager.ServerCertificateValidationCallback = callback;
            }
        }
        class SslStreamHolder { }
        """,
        Expect(0, "ServicePointManager.ServerCertificateValidationCallback", All).WithLocation(4),
        Expect(1, "HttpClientHandler.ServerCertificateCustomValidationCallback", All),
        Expect(2, "HttpClientHandler.ServerCertificateCustomValidationCallback", All),
        Expect(3, "ServicePointManager.ServerCertificateValidationCallback", All).WithLocation(5));
    // ---- Client or server: a server's callback judges its clients' certificates ----

    [Fact]
    public Task ServerStreams_DoNotReport_WhereverTheRoleIsShown() => Verify.VerifyAsync(Usings + """
        using System.IO;
        using System.Threading.Tasks;
        class Listener
        {
            private readonly SslStream _stream;

            // Created in the constructor, authenticated as the server by the method that serves the connection.
            public Listener(Stream inner) => _stream = new SslStream(inner, false, AcceptClient);

            public Task ServeAsync(X509Certificate2 certificate) => _stream.AuthenticateAsServerAsync(certificate, true, false);

            // A common, sound design: accept any client certificate in the handshake, check its thumbprint afterwards.
            private static bool AcceptClient(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors) => true;

            public void Serve(Stream inner, X509Certificate2 certificate)
            {
                using var stream = new SslStream(inner, false, (s, c, ch, e) => true);
                stream.AuthenticateAsServer(certificate, clientCertificateRequired: true, checkCertificateRevocation: true);
            }

            public void ServeDirectly(Stream inner, X509Certificate2 certificate)
                => new SslStream(inner, false, (s, c, ch, e) => true).AuthenticateAsServer(certificate);
        }
        """);

    [Fact]
    public Task StreamsWhoseRoleIsNotShown_AreJudgedAsTheClients() => Verify.VerifyAsync(Usings + """
        using System.IO;
        class Streams
        {
            // Handed to code elsewhere: which end authenticates is not seen here, and a client is the side RFC 8997 protects.
            public SslStream Create(Stream inner) => new SslStream(inner, false, {|#0:(s, c, ch, e) => true|});

            public void Connect(Stream inner)
            {
                var stream = new SslStream(inner, false, {|#1:(s, c, ch, e) => true|});
                stream.AuthenticateAsClient("backend.example.com");
            }
        }
        """,
        Expect(0, "new SslStream(userCertificateValidationCallback)", All),
        Expect(1, "new SslStream(userCertificateValidationCallback)", All));

    [Fact]
    public Task ChainStatusTests_Report_TheyIdentifyNoCertificate() => Verify.VerifyAsync(Usings + """
        using System.Linq;
        class C
        {
            HttpClientHandler SelfSigned() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = {|#0:(request, certificate, chain, errors) =>
                {
                    if (errors == SslPolicyErrors.None) return true;
                    return chain.ChainStatus.Length > 0 && chain.ChainStatus[0].Status == X509ChainStatusFlags.UntrustedRoot;
                }|},
            };

            HttpClientHandler AnyUntrustedRoot() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = {|#1:(request, certificate, chain, errors) =>
                    errors == SslPolicyErrors.None || chain.ChainStatus.All(s => s.Status == X509ChainStatusFlags.UntrustedRoot)|},
            };

            // Pinned: the root's own certificate is identified, so the status test is part of a real check.
            HttpClientHandler PinnedRoot() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
                    errors == SslPolicyErrors.None
                    || (chain.ChainStatus.All(s => s.Status == X509ChainStatusFlags.UntrustedRoot)
                        && chain.ChainElements[chain.ChainElements.Count - 1].Certificate.Thumbprint == "0123456789ABCDEF"),
            };

            // Offline revocation tolerated: a test that lets only RevocationStatusUnknown through still rejects an
            // untrusted root (TLS006's matter, not an accept-any).
            HttpClientHandler OfflineTolerant() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
                    errors == SslPolicyErrors.None
                    || (errors == SslPolicyErrors.RemoteCertificateChainErrors
                        && chain.ChainStatus.All(s => s.Status == X509ChainStatusFlags.RevocationStatusUnknown || s.Status == X509ChainStatusFlags.OfflineRevocation)),
            };

            // Strict: a status test that only rejects more.
            HttpClientHandler Stricter() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
                    errors == SslPolicyErrors.None && chain.ChainStatus.Length == 0,
            };
        }
        """,
        Expect(0, "HttpClientHandler.ServerCertificateCustomValidationCallback", "accepts certificates with RemoteCertificateNotAvailable, RemoteCertificateNameMismatch, RemoteCertificateChainErrors when the chain's status is X509ChainStatusFlags.UntrustedRoot (a status test identifies no certificate: any self-signed one passes)"),
        Expect(1, "HttpClientHandler.ServerCertificateCustomValidationCallback", "accepts certificates with RemoteCertificateNotAvailable, RemoteCertificateNameMismatch, RemoteCertificateChainErrors when the chain's status is X509ChainStatusFlags.UntrustedRoot (a status test identifies no certificate: any self-signed one passes)"));

    [Fact]
    public Task BypassForARequestTheCallbackNamesThroughAPattern_Reports() => Verify.VerifyAsync(Usings + """
        class C
        {
            static bool Validate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
            {
                if (errors == SslPolicyErrors.None) return true;
                if (sender is HttpRequestMessage request && request.RequestUri != null && request.RequestUri.Host.EndsWith(".intranet")) {|#1:return true;|}
                return false;
            }

            static bool Pinned(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
            {
                if (errors == SslPolicyErrors.None) return true;
                var pinned = certificate.GetCertHashString() == "0123456789ABCDEF";
                return pinned;
            }

            static bool PinnedThroughAString(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
            {
                if (errors == SslPolicyErrors.None) return true;
                var thumbprint = certificate.GetCertHashString();
                return thumbprint.Equals("0123456789ABCDEF", StringComparison.OrdinalIgnoreCase);
            }

            HttpClientHandler CreatePinnedThroughAString() => new HttpClientHandler { ServerCertificateCustomValidationCallback = PinnedThroughAString };

            HttpClientHandler Create() => new HttpClientHandler { ServerCertificateCustomValidationCallback = {|#0:Validate|} };

            HttpClientHandler CreatePinned() => new HttpClientHandler { ServerCertificateCustomValidationCallback = Pinned };
        }
        """,
        Verify.Diagnostic("TLS002").WithLocation(0).WithLocation(1).WithArguments(
            "HttpClientHandler.ServerCertificateCustomValidationCallback",
            "is given a callback that accepts certificates with RemoteCertificateNotAvailable, RemoteCertificateNameMismatch, RemoteCertificateChainErrors",
            "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"));

    [Fact]
    public Task KeptCallbackNamedForClientCertificates_IsAServersPolicy() => Verify.VerifyAsync(Usings + """
        public class ServerOptions
        {
            // A server that accepts any client certificate and checks its thumbprint after the handshake.
            public RemoteCertificateValidationCallback ClientCertificateValidation { get; set; } = (sender, certificate, chain, errors) => true;
        }

        public class ClientOptions
        {
            public RemoteCertificateValidationCallback ServerCertificateValidation { get; set; } = {|#0:(sender, certificate, chain, errors) => true|};
        }
        """,
        Expect(0, "ClientOptions.ServerCertificateValidation (a RemoteCertificateValidationCallback kept to be installed)", All));
}
