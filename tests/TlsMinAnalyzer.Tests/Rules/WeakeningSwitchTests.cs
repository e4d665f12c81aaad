using System.Threading.Tasks;
using TlsMinAnalyzer.CodeFixes.Rules;
using TlsMinAnalyzer.Tests.Verifiers;
using Fix = TlsMinAnalyzer.Tests.Verifiers.CodeFixVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls007, TlsMinAnalyzer.CodeFixes.Rules.WeakeningSwitchCodeFixProvider>;
using Verify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls007>;

namespace TlsMinAnalyzer.Tests.Rules;

public class WeakeningSwitchTests
{
    [Fact]
    public Task WeakeningSwitchesSetToTrue_Report() => Verify.VerifyAsync("""
        using System;
        class C
        {
            private const string StrongCrypto = "Switch.System.Net.DontEnableSchUseStrongCrypto";

            void M()
            {
                {|#0:AppContext.SetSwitch(StrongCrypto, true)|};
                var wcf = "Switch.System.ServiceModel.DisableUsingServicePointManagerSecurityProtocols";
                {|#1:AppContext.SetSwitch(wcf, true)|};
                {|#2:AppContext.SetSwitch("Switch.System.Net.DontEnableSystemDefaultTlsVersions", isEnabled: true)|};
                {|#3:AppContext.SetSwitch("Switch.System.ServiceModel.DontEnableSystemDefaultTlsVersions", true)|};
            }
        }
        """,
        References.Net48,
        Verify.Diagnostic("TLS007").WithLocation(0).WithArguments("AppContext.SetSwitch(\"Switch.System.Net.DontEnableSchUseStrongCrypto\", true)", "stops .NET Framework from using strong cryptography: SSL 3.0 and TLS 1.0 become negotiable and TLS 1.2 may not be offered"),
        Verify.Diagnostic("TLS007").WithLocation(1).WithArguments("AppContext.SetSwitch(\"Switch.System.ServiceModel.DisableUsingServicePointManagerSecurityProtocols\", true)", "makes WCF ignore ServicePointManager.SecurityProtocol and fall back to its own older protocol defaults"),
        Verify.Diagnostic("TLS007").WithLocation(2).WithArguments("AppContext.SetSwitch(\"Switch.System.Net.DontEnableSystemDefaultTlsVersions\", true)", "makes ServicePointManager use the framework's old hard-coded versions (SSL 3.0/TLS 1.0) instead of the operating system's defaults"),
        Verify.Diagnostic("TLS007").WithLocation(3).WithArguments("AppContext.SetSwitch(\"Switch.System.ServiceModel.DontEnableSystemDefaultTlsVersions\", true)", "makes WCF use its hard-coded old TLS versions instead of the operating system's defaults"));

    [Fact]
    public Task SafeDirectionUnknownOrOtherSwitches_DoNotReport() => Verify.VerifyAsync("""
        using System;
        class C
        {
            void M(bool configured, string name)
            {
                AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", false);
                AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", configured);
                AppContext.SetSwitch(name, true);
                AppContext.SetSwitch("System.Globalization.Invariant", true);
                AppContext.TryGetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", out var enabled);
            }
        }
        """,
        References.Net48);

    [Fact]
    public Task SwitchCall_FixesByRemovingIt() => Fix.VerifyAsync("""
        using System;
        class C
        {
            void M()
            {
                [|AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true)|];
                Console.WriteLine();
            }
        }
        """, """
        using System;
        class C
        {
            void M()
            {
                Console.WriteLine();
            }
        }
        """, WeakeningSwitchCodeFixProvider.RemoveSwitchKey, References.Net48);
}
