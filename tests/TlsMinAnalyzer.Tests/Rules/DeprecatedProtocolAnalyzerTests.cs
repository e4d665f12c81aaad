using System.Threading.Tasks;
using TlsMinAnalyzer.Rules;
using TlsMinAnalyzer.Tests.Verifiers;
using Verify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Rules.DeprecatedProtocolAnalyzer>;

namespace TlsMinAnalyzer.Tests.Rules;

public class DeprecatedProtocolAnalyzerTests
{
    [Fact]
    public Task ServicePointManagerAssignment_Tls11_Reports() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            void M()
            {
                ServicePointManager.SecurityProtocol = {|#0:SecurityProtocolType.Tls12 | SecurityProtocolType.Tls11|};
            }
        }
        """,
        Verify.Diagnostic("TLS001").WithLocation(0).WithArguments(
            "ServicePointManager.SecurityProtocol", "TLS 1.1", "RFC 8996", "SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13"));
}
