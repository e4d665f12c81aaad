using System.Threading.Tasks;
using TlsMinAnalyzer.CodeFixes.Rules;
using TlsMinAnalyzer.Tests.Verifiers;
using Fix = TlsMinAnalyzer.Tests.Verifiers.CodeFixVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls001, TlsMinAnalyzer.CodeFixes.Rules.DeprecatedProtocolCodeFixProvider>;
using Verify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls001>;

namespace TlsMinAnalyzer.Tests.Rules;

/// <summary><c>tlsmin.minimum_tls_version</c>: at 1.3, TLS001 also reports TLS 1.2 and its fix offers TLS 1.3 alone.</summary>
public class MinimumVersionOptionTests
{
    private const string Source = """
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = {|#0:SslProtocols.Tls12|};
                handler.SslProtocols = {|#1:SslProtocols.Tls11 | SslProtocols.Tls12 | SslProtocols.Tls13|};
                handler.SslProtocols = SslProtocols.Tls13;
            }
        }
        """;

    [Fact]
    public Task Minimum13_ReportsTls12CitingThePolicy() => Verify.VerifyWithOptionsAsync(Source, "tlsmin.minimum_tls_version = 1.3", References.Net80,
        Verify.Diagnostic("TLS001").WithLocation(0).WithArguments("HttpClientHandler.SslProtocols", "TLS 1.2", "the project's policy (tlsmin.minimum_tls_version = 1.3)", "SslProtocols.Tls13"),
        Verify.Diagnostic("TLS001").WithLocation(1).WithArguments("HttpClientHandler.SslProtocols", "TLS 1.1 and TLS 1.2", "RFC 8996 and the project's policy (tlsmin.minimum_tls_version = 1.3)", "SslProtocols.Tls13"));

    [Theory]
    [InlineData("tlsmin.minimum_tls_version = 1.2")]
    [InlineData("tlsmin.minimum_tls_version = banana")]
    [InlineData("")]
    public Task Minimum12OrUnknownValue_ReportsOnlyDeprecatedVersions(string option) => Verify.VerifyWithOptionsAsync(
        Source.Replace("{|#0:SslProtocols.Tls12|}", "SslProtocols.Tls12"), option, References.Net80,
        Verify.Diagnostic("TLS001").WithLocation(1).WithArguments("HttpClientHandler.SslProtocols", "TLS 1.1", "RFC 8996", "SslProtocols.Tls12 | SslProtocols.Tls13"));

    [Fact]
    public Task Minimum13_FixesToTls13Alone() => Fix.VerifyAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = [|SslProtocols.Tls12|];
                handler.SslProtocols = [|SslProtocols.Tls11 | SslProtocols.Tls12|];
            }
        }
        """, """
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = SslProtocols.Tls13;
                handler.SslProtocols = SslProtocols.Tls13;
            }
        }
        """, DeprecatedProtocolCodeFixProvider.UseModernVersionsKey, editorConfig: "tlsmin.minimum_tls_version = 1.3");
}
