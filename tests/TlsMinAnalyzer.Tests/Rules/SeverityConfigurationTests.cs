using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TlsMinAnalyzer.Tests.Verifiers;
using Pinned = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls005>;
using Deprecated = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls001>;

namespace TlsMinAnalyzer.Tests.Rules;

/// <summary>
/// The severity settings the README documents do what it says. (Category-wide settings are applied by the compiler's build
/// pipeline rather than by the test harness, so the package tests check that one in a real build.)
/// </summary>
public class SeverityConfigurationTests
{
    private const string Source = """
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = {|#0:SslProtocols.Tls12|};
                handler.SslProtocols = {|#1:SslProtocols.Tls11|};
            }
        }
        """;

    [Fact]
    public Task PerRuleSeverity_RaisesAnInfoRuleToWarning() => Pinned.VerifyWithOptionsAsync(
        Source.Replace("{|#1:SslProtocols.Tls11|}", "SslProtocols.Tls11"),
        "dotnet_diagnostic.TLS005.severity = warning",
        References.Net80,
        Pinned.Diagnostic("TLS005").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning)
            .WithArguments("HttpClientHandler.SslProtocols", "add SslProtocols.Tls13, or let the operating system choose (SslProtocols.None)"));

    [Fact]
    public Task SeverityNone_SilencesTheRule() => Deprecated.VerifyWithOptionsAsync(
        Source.Replace("{|#0:SslProtocols.Tls12|}", "SslProtocols.Tls12").Replace("{|#1:SslProtocols.Tls11|}", "SslProtocols.Tls11"),
        "dotnet_diagnostic.TLS001.severity = none",
        References.Net80);
}
