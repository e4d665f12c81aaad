using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TlsMinAnalyzer.CodeFixes.Rules;
using TlsMinAnalyzer.Rules;
using TlsMinAnalyzer.Tests.Verifiers;
using Fix = TlsMinAnalyzer.Tests.Verifiers.CodeFixVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls005, TlsMinAnalyzer.CodeFixes.Rules.PinnedVersionsCodeFixProvider>;
using Verify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls005>;

namespace TlsMinAnalyzer.Tests.Rules;

public class PinnedVersionsTests
{
    private static DiagnosticResult Expect(int location, string setting, string advice)
        => Verify.Diagnostic("TLS005").WithLocation(location).WithArguments(setting, advice);

    private const string SslAdvice = "add SslProtocols.Tls13, or let the operating system choose (SslProtocols.None)";
    private const string SpmAdvice = "add SecurityProtocolType.Tls13, or let the operating system choose (SecurityProtocolType.SystemDefault)";

    [Fact]
    public Task Tls12OnlyOnModernTargets_Reports() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            private const SslProtocols Pinned = {|#2:SslProtocols.Tls12|};

            void M(HttpClientHandler handler)
            {
                ServicePointManager.SecurityProtocol = {|#0:SecurityProtocolType.Tls12|};
                handler.SslProtocols = {|#1:(SslProtocols)3072|};
                handler.SslProtocols = Pinned;
            }
        }
        """,
        Expect(0, "ServicePointManager.SecurityProtocol", SpmAdvice),
        Expect(1, "HttpClientHandler.SslProtocols", SslAdvice),
        Expect(2, "C.Pinned", SslAdvice));

    [Fact]
    public Task Tls12OnNet48_Reports() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            void M() => ServicePointManager.SecurityProtocol = {|#0:SecurityProtocolType.Tls12|};
        }
        """,
        References.Net48,
        Expect(0, "ServicePointManager.SecurityProtocol", SpmAdvice));

    [Fact]
    public Task Tls12WhereTls13IsMissing_DoesNotReport() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            void M() => ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;
        }
        """,
        References.Net472);

    [Fact]
    public Task ModernDefaultDeprecatedOrNonConstant_DoesNotReport() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler, SslProtocols configured, bool strict)
            {
                handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                handler.SslProtocols = SslProtocols.None;
                ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                handler.SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12;
                handler.SslProtocols = configured | SslProtocols.Tls12;
                handler.SslProtocols = strict ? SslProtocols.Tls13 : SslProtocols.Tls12;
                if (handler.SslProtocols == SslProtocols.Tls12) { }
            }
        }
        """);

    [Fact]
    public Task Pins_FixToAddTls13() => Fix.VerifyAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler)
            {
                ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls12|];
                handler.SslProtocols = [|(SslProtocols)3072|];
            }
        }
        """, """
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler)
            {
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
                handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
            }
        }
        """, PinnedVersionsCodeFixProvider.AddTls13Key);

    [Fact]
    public Task Pins_FixToOperatingSystemChoice() => Fix.VerifyAsync("""
        using System.Net.Security;
        using System.Security.Authentication;
        class C
        {
            SslClientAuthenticationOptions M() => new() { EnabledSslProtocols = [|SslProtocols.Tls12|] };
        }
        """, """
        using System.Net.Security;
        using System.Security.Authentication;
        class C
        {
            SslClientAuthenticationOptions M() => new() { EnabledSslProtocols = SslProtocols.None };
        }
        """, PinnedVersionsCodeFixProvider.LetOperatingSystemChooseKey);

    [Fact]
    public Task MinimumTls13Policy_LeavesTls12ToTls001() => Verify.VerifyWithOptionsAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler) => handler.SslProtocols = SslProtocols.Tls12;
        }
        """,
        "tlsmin.minimum_tls_version = 1.3",
        References.Net80);

    [Fact]
    public Task Tls12ConstantOredWithOtherVersionsBeforeUse_IsNotAPin_OneUsedAsItIs_Is() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            HttpClientHandler Combined()
            {
                var baseSet = SslProtocols.Tls12;
                return new HttpClientHandler { SslProtocols = baseSet | SslProtocols.Tls13 };
            }

            HttpClientHandler AsItIs()
            {
                var pinned = {|#0:SslProtocols.Tls12|};
                return new HttpClientHandler { SslProtocols = pinned };
            }
        }
        """,
        Expect(0, "Local 'pinned', used as a TLS setting,", SslAdvice));

    [Fact]
    public Task VersionsAddedOneByOneToASettingsProperty_AreNotAPin() => Verify.VerifyAsync("""
        using System.Net.Security;
        using System.Security.Authentication;
        class ConnectionSettings
        {
            public ConnectionSettings(string tlsVersion)
            {
                foreach (var minor in tlsVersion)
                {
                    if (minor == '2')
                        TlsVersions |= SslProtocols.Tls12;
                    else if (minor == '3')
                        TlsVersions |= SslProtocols.Tls13;
                }

                Pinned = {|#0:SslProtocols.Tls12|};
            }

            public SslProtocols TlsVersions { get; }

            public SslProtocols Pinned { get; }
        }

        class Session
        {
            SslClientAuthenticationOptions Options(ConnectionSettings cs)
                => new SslClientAuthenticationOptions { EnabledSslProtocols = cs.TlsVersions };

            SslClientAuthenticationOptions PinnedOptions(ConnectionSettings cs)
                => new SslClientAuthenticationOptions { EnabledSslProtocols = cs.Pinned };
        }
        """,
        Expect(0, "ConnectionSettings.Pinned", SslAdvice));
}
