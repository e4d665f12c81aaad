using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TlsMinAnalyzer.Tests.Robustness;
using TlsMinAnalyzer.Tests.Verifiers;
using Xunit;
using Verify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls002>;

namespace TlsMinAnalyzer.Tests.Rules;

/// <summary>
/// TLS002 on callbacks decided away from where they are installed, in the shapes real code has: validator classes in their
/// own file, callbacks kept in fields set by a constructor, in settings properties, returned by public helpers.
/// </summary>
public class CertificateValidationFlowTests
{
    private const string All = "accepts every certificate";
    private const string Ignores = "returns true for certificates with errors without looking at the errors or the certificate";

    private static DiagnosticResult Expect(int location, string hook, string what)
        => Verify.Diagnostic("TLS002").WithLocation(location).WithArguments(hook, "is given a callback that " + what, "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None");

    private const string Validator = """
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        public class ProxySettings
        {
            public bool IgnoreCertificateErrors { get; set; }
        }

        // Its own file, as validators are in real code: a settings flag bypasses validation.
        public class CertificateValidator
        {
            private readonly ProxySettings _settings;

            public CertificateValidator(ProxySettings settings) => _settings = settings;

            public bool Validate(HttpRequestMessage request, X509Certificate2 certificate, X509Chain chain, SslPolicyErrors errors)
            {
                if (_settings.IgnoreCertificateErrors)
                {
                    {|#9:return true;|}
                }

                return errors == SslPolicyErrors.None;
            }

            public bool Strict(HttpRequestMessage request, X509Certificate2 certificate, X509Chain chain, SslPolicyErrors errors)
                => errors == SslPolicyErrors.None;
        }
        """;

    [Fact]
    public Task ValidatorClassInAnotherFile_InstalledAsAMethodGroupOrWrapped_Reports() => Verify.VerifyAsync(
        new[]
        {
            Validator,
            """
            using System.Net.Http;
            class Clients
            {
                public HttpClient Create(CertificateValidator validator)
                {
                    var handler = new HttpClientHandler();
                    handler.ServerCertificateCustomValidationCallback = {|#0:validator.Validate|};
                    handler.ServerCertificateCustomValidationCallback = {|#1:(request, certificate, chain, errors) => validator.Validate(request, certificate, chain, errors)|};
                    handler.ServerCertificateCustomValidationCallback = validator.Strict;
                    handler.ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => validator.Strict(request, certificate, chain, errors);
                    return new HttpClient(handler);
                }
            }
            """,
        },
        Expect(0, "HttpClientHandler.ServerCertificateCustomValidationCallback", Ignores).WithLocation(9),
        Expect(1, "HttpClientHandler.ServerCertificateCustomValidationCallback", Ignores).WithLocation(9));

    [Fact]
    public Task CallbacksKeptInMembers_AreReportedWhereTheyAreWritten() => Verify.VerifyAsync("""
        using System.IO;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        public class TlsOptions
        {
            // A settings class whose default accepts everything: most users never change it.
            public RemoteCertificateValidationCallback ServerCertificateValidation { get; set; } = {|#0:(sender, certificate, chain, errors) => true|};
        }

        public class Connection
        {
            internal readonly RemoteCertificateValidationCallback Validation;
            private readonly RemoteCertificateValidationCallback _private;

            public Connection(bool trustAll)
            {
                // Stored by the constructor, used by another method (or another type).
                Validation = {|#1:(sender, certificate, chain, errors) => true|};
                _private = trustAll ? (sender, certificate, chain, errors) => {|#3:true|} : null;
            }

            public SslStream Open(Stream inner)
            {
                var stream = new SslStream(inner, false, {|#2:_private|});
                stream.AuthenticateAsClient("db.example.com");
                return stream;
            }

            public static RemoteCertificateValidationCallback TrustAll() => {|#4:(sender, certificate, chain, errors) => true|};
        }
        """,
        Expect(0, "TlsOptions.ServerCertificateValidation (a RemoteCertificateValidationCallback kept to be installed)", All),
        Expect(1, "Connection.Validation (a RemoteCertificateValidationCallback kept to be installed)", All),
        Expect(2, "new SslStream(userCertificateValidationCallback)", All).WithLocation(3),
        Expect(4, "What Connection.TrustAll() returns (a RemoteCertificateValidationCallback)", All));

    private const string Listener = """
        using System.IO;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        using System.Threading.Tasks;

        public class Listener
        {
            private readonly Handshake _handshake = new Handshake();

            public Task ServeAsync(Stream inner)
            {
                var stream = new SslStream(inner, false, (sender, certificate, chain, errors) => true);
                return _handshake.AsServerAsync(stream);
            }

            public Task ServeDirectAsync(Stream inner) => _handshake.AsServerAsync(new SslStream(inner, false, AcceptAnyClient));

            public Task ServeWrappedAsync(Stream inner) => Wrap(inner).AuthenticateAsServerAsync(Handshake.Certificate, true, false);

            public Task ConnectAsync(Stream inner)
            {
                var stream = new SslStream(inner, false, {|#0:(sender, certificate, chain, errors) => true|});
                return _handshake.AsClientAsync(stream);
            }

            private SslStream Wrap(Stream inner) => new SslStream(inner, false, AcceptAnyClient);

            private static bool AcceptAnyClient(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
        }
        """;

    private const string Handshake = """
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        using System.Threading.Tasks;

        public class Handshake
        {
            public static X509Certificate2 Certificate { get; } = null!;

            public Task AsServerAsync(SslStream stream) => Authenticate(stream);

            public Task AsClientAsync(SslStream stream) => stream.AuthenticateAsClientAsync("backend.example.com");

            private static Task Authenticate(SslStream stream) => stream.AuthenticateAsServerAsync(Certificate, clientCertificateRequired: true, checkCertificateRevocation: true);
        }
        """;

    /// <summary>
    /// A stream's role is decided by what happens to it, wherever that is: handed to a method in another file that
    /// authenticates it as the server (through one more call), or returned by a factory whose caller does. Its callback
    /// then judges client certificates. The same shape handed to a client handshake is reported.
    /// </summary>
    [Fact]
    public Task StreamsAuthenticatedAsServersElsewhere_AreServers() => Verify.VerifyAsync(
        new[] { Listener, Handshake },
        References.Net80,
        Expect(0, "new SslStream(userCertificateValidationCallback)", All));

    [Fact]
    public async Task StreamsAuthenticatedAsServersElsewhere_TheIdeSeesWhatTheBuildSees()
    {
        var references = await AnalyzerHarness.ReferencesAsync(References.Net80);
        var compilation = AnalyzerHarness.Compile(new[] { Listener.Replace("{|#0:", string.Empty).Replace("true|}", "true"), Handshake }, references);
        var (build, exceptions) = await AnalyzerHarness.AnalyzeAsync(compilation);
        Assert.Empty(exceptions);
        var ide = await AnalyzerHarness.AnalyzeDocumentAsync(compilation, 0);
        Assert.Single(ide);
        Assert.Equal(AnalyzerHarness.Lines(build), AnalyzerHarness.Lines(ide));
    }

    // A database driver's connector, a partial class over several files: the callbacks of each SSL mode kept in private
    // static fields in one part, chosen by mode and installed in another.
    private const string ConnectorCallbacks = """
        using System.Net.Security;

        public sealed partial class Connector
        {
            static readonly RemoteCertificateValidationCallback VerifyFull = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None;

            static readonly RemoteCertificateValidationCallback TrustServer = (sender, certificate, chain, errors) => {|#1:true|};
        }
        """;

    private const string ConnectorHandshake = """
        using System.IO;
        using System.Net.Security;
        using System.Threading.Tasks;

        public enum SslMode { Require, VerifyFull }

        partial class Connector
        {
            public async Task<SslStream> OpenAsync(Stream inner, string host, SslMode mode)
            {
                RemoteCertificateValidationCallback callback;
                if (mode == SslMode.Require)
                {
                    callback = TrustServer;
                }
                else
                {
                    callback = VerifyFull;
                }

                var stream = new SslStream(inner, leaveInnerStreamOpen: false);
                await stream.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host, RemoteCertificateValidationCallback = {|#0:callback|} });
                return stream;
            }
        }
        """;

    /// <summary>
    /// A callback kept in a private field of a partial type and installed in another part is reported once, at the install
    /// (with the accepting return as its second location), not a second time where it is created.
    /// </summary>
    [Fact]
    public Task CallbackKeptInAPartialTypesFieldAndInstalledInAnotherPart_IsReportedOnceAtTheInstall() => Verify.VerifyAsync(
        new[] { ConnectorCallbacks, ConnectorHandshake },
        References.Net80,
        Verify.Diagnostic("TLS002").WithLocation(0).WithLocation(1).WithArguments(
            "SslClientAuthenticationOptions.RemoteCertificateValidationCallback", "is given a callback that " + All, "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"));

    [Fact]
    public async Task CallbackKeptInAPartialTypesField_TheIdeViewOfTheFieldsDocumentShowsNothing()
    {
        var references = await AnalyzerHarness.ReferencesAsync(References.Net80);
        var compilation = AnalyzerHarness.Compile(new[] { ConnectorCallbacks.Replace("{|#1:", string.Empty).Replace("true|}", "true"), ConnectorHandshake.Replace("{|#0:", string.Empty).Replace("callback|}", "callback") }, references);
        var (build, exceptions) = await AnalyzerHarness.AnalyzeAsync(compilation);
        Assert.Empty(exceptions);
        Assert.Single(build);
        Assert.Empty(await AnalyzerHarness.AnalyzeDocumentAsync(compilation, 0));
        Assert.Equal(AnalyzerHarness.Lines(build), AnalyzerHarness.Lines(await AnalyzerHarness.AnalyzeDocumentAsync(compilation, 1)));
    }

    [Fact]
    public Task StrictOrServerCallbacksKeptInMembers_DoNotReport() => Verify.VerifyAsync("""
        using System.IO;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        namespace Microsoft.AspNetCore.Server.Kestrel.Https
        {
            public class HttpsConnectionAdapterOptions
            {
                public System.Func<X509Certificate2, X509Chain, SslPolicyErrors, bool> ClientCertificateValidation { get; set; }
            }
        }

        public class Listener
        {
            private readonly System.Func<X509Certificate2, X509Chain, SslPolicyErrors, bool> _clients = (certificate, chain, errors) => true;
            private readonly RemoteCertificateValidationCallback _serverSide = (sender, certificate, chain, errors) => true;
            public RemoteCertificateValidationCallback Pinned { get; } = (sender, certificate, chain, errors) => certificate?.GetCertHashString() == "AB12";

            public void Configure(Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions kestrel) => kestrel.ClientCertificateValidation = _clients;

            public void Serve(Stream inner, X509Certificate2 certificate)
            {
                var stream = new SslStream(inner, false, _serverSide);
                stream.AuthenticateAsServer(certificate, clientCertificateRequired: true, checkCertificateRevocation: true);
            }
        }
        """);

    [Fact]
    public async Task IdeView_TheInstallingDocumentAloneShowsTheFinding_TheValidatorsDocumentShowsNone()
    {
        var references = await AnalyzerHarness.ReferencesAsync(References.Net80);
        var user = """
            using System.Net.Http;
            class Clients
            {
                public HttpClientHandler Create(CertificateValidator validator)
                    => new HttpClientHandler { ServerCertificateCustomValidationCallback = validator.Validate };
            }
            """;
        var compilation = AnalyzerHarness.Compile(new[] { Validator.Replace("{|#9:", string.Empty).Replace("|}", string.Empty), user }, references);

        var installing = await AnalyzerHarness.AnalyzeDocumentAsync(compilation, 1);
        var finding = Assert.Single(installing);
        Assert.Equal("TLS002", finding.Id);
        Assert.Equal("File1.cs", finding.Location.SourceTree?.FilePath);
        Assert.Equal("validator.Validate", finding.Location.SourceTree!.GetText().ToString(finding.Location.SourceSpan));
        Assert.Equal("File0.cs", Assert.Single(finding.AdditionalLocations).SourceTree?.FilePath);

        Assert.Empty(await AnalyzerHarness.AnalyzeDocumentAsync(compilation, 0));

        // The full analysis agrees with the two document views.
        var (all, exceptions) = await AnalyzerHarness.AnalyzeAsync(compilation);
        Assert.Empty(exceptions);
        Assert.Equal(AnalyzerHarness.Describe(finding), AnalyzerHarness.Describe(Assert.Single(all)));
    }

    [Fact]
    public Task BypassBeforeAValidatorsLongValidation_Reports_ReassignedErrorsDoNot() => Verify.VerifyAsync(
        new[]
        {
            """
            using System.Linq;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            // A validator class in the shape real code has: an accept-all option first, then checks the analysis does not model.
            public class SslCertificateValidator
            {
                private readonly bool _acceptAll;
                private readonly string[] _hashes;

                public SslCertificateValidator(bool acceptAll, string[] hashes) => (_acceptAll, _hashes) = (acceptAll, hashes);

                public bool ValidateServerCertificate(object sender, X509Certificate cert, X509Chain chain, SslPolicyErrors sslPolicyErrors)
                {
                    if (_acceptAll)
                        {|#1:return true;|}

                    using var certificate = new X509Certificate2(cert);
                    foreach (var element in chain.ChainElements)
                    {
                        if (_hashes.Contains(element.Certificate.GetCertHashString()))
                            return true;
                    }

                    return sslPolicyErrors == SslPolicyErrors.None;
                }

                public bool FilteredThenStrict(object sender, X509Certificate cert, X509Chain chain, SslPolicyErrors sslPolicyErrors)
                {
                    sslPolicyErrors = Filter(sslPolicyErrors, chain);
                    if (sslPolicyErrors == SslPolicyErrors.None)
                        return true;

                    return false;
                }

                private static SslPolicyErrors Filter(SslPolicyErrors errors, X509Chain chain) => errors;
            }
            """,
            """
            using System.Net.Http;
            public static class HttpClientHelper
            {
                public static void Configure(HttpClientHandler handler, bool acceptAll, string[] hashes)
                {
                    var validator = new SslCertificateValidator(acceptAll, hashes);
                    handler.ServerCertificateCustomValidationCallback = {|#0:validator.ValidateServerCertificate|};
                    handler.ServerCertificateCustomValidationCallback = validator.FilteredThenStrict;
                }
            }
            """,
        },
        Expect(0, "HttpClientHandler.ServerCertificateCustomValidationCallback", Ignores).WithLocation(1));
}
