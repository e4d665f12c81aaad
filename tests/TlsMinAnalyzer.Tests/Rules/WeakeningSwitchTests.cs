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

    private const string Installer = """
        using Microsoft.Win32;

        class Installer
        {
            private const string NetFramework = @"SOFTWARE\Microsoft\.NETFramework\v4.0.30319";

            void Weaken()
            {
                {|#0:Registry.SetValue(@"HKEY_LOCAL_MACHINE\" + NetFramework, "SchUseStrongCrypto", 0, RegistryValueKind.DWord)|};
                using (var key = Registry.LocalMachine.CreateSubKey(@"SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319"))
                {
                    {|#1:key.SetValue("SystemDefaultTlsVersions", 0)|};
                }
            }

            void Harden()
            {
                Registry.SetValue(@"HKEY_LOCAL_MACHINE\" + NetFramework, "SchUseStrongCrypto", 1, RegistryValueKind.DWord);
                using (var key = Registry.LocalMachine.CreateSubKey(NetFramework))
                {
                    key.SetValue("SystemDefaultTlsVersions", 1);
                }
            }
        }
        """;

    [Fact]
    public Task RegistryValuesWrittenAsZero_Report_HardeningDoesNot() => Verify.VerifyAsync(
        Installer,
        References.Net48,
        Verify.Diagnostic("TLS007").WithLocation(0).WithArguments(
            "The registry value SchUseStrongCrypto = 0 (HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319)",
            "stops .NET Framework from using strong cryptography on this machine: SSL 3.0 and TLS 1.0 become negotiable and TLS 1.2 may not be offered"),
        Verify.Diagnostic("TLS007").WithLocation(1).WithArguments(
            "The registry value SystemDefaultTlsVersions = 0 (SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319)",
            "makes .NET Framework on this machine use its old hard-coded versions (SSL 3.0/TLS 1.0) instead of the operating system's defaults"));

    [Fact]
    public Task RegistryWrite_IsRemoved() => Fix.VerifyAsync("""
        using Microsoft.Win32;

        class Installer
        {
            void Weaken()
            {
                [|Registry.SetValue(@"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\.NETFramework\v4.0.30319", "SchUseStrongCrypto", 0, RegistryValueKind.DWord)|];
                using (var key = Registry.LocalMachine.CreateSubKey(@"SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319"))
                {
                    key.SetValue("Other", 1);
                    [|key.SetValue("SystemDefaultTlsVersions", 0)|];
                }
            }
        }
        """, """
        using Microsoft.Win32;

        class Installer
        {
            void Weaken()
            {
                using (var key = Registry.LocalMachine.CreateSubKey(@"SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319"))
                {
                    key.SetValue("Other", 1);
                }
            }
        }
        """, WeakeningSwitchCodeFixProvider.RemoveSwitchKey, References.Net48);

    [Fact]
    public Task SchannelKeysEnablingDeprecatedVersions_ReportTls001() => AnalyzerVerifier<Tls001>.VerifyAsync("""
        using Microsoft.Win32;

        class Installer
        {
            private const string Protocols = @"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\";

            void EnableLegacy()
            {
                {|#0:Registry.SetValue(Protocols + @"TLS 1.0\Client", "Enabled", 1, RegistryValueKind.DWord)|};
                {|#1:Registry.SetValue(Protocols + @"TLS 1.0\Client", "DisabledByDefault", 0, RegistryValueKind.DWord)|};
            }

            void DisableLegacy()
            {
                Registry.SetValue(Protocols + @"SSL 3.0\Client", "Enabled", 0, RegistryValueKind.DWord);
                Registry.SetValue(Protocols + @"TLS 1.1\Client", "DisabledByDefault", 1, RegistryValueKind.DWord);
                Registry.SetValue(Protocols + @"TLS 1.2\Client", "Enabled", 1, RegistryValueKind.DWord);
            }
        }
        """,
        References.Net48,
        AnalyzerVerifier<Tls001>.Diagnostic("TLS001").WithLocation(0).WithArguments(
            "The registry value Enabled = 1 under SCHANNEL's TLS 1.0 key (machine-wide)", "TLS 1.0", "RFC 8996", "leave TLS 1.0 with Enabled = 0 and DisabledByDefault = 1, or remove the write"),
        AnalyzerVerifier<Tls001>.Diagnostic("TLS001").WithLocation(1).WithArguments(
            "The registry value DisabledByDefault = 0 under SCHANNEL's TLS 1.0 key (machine-wide)", "TLS 1.0", "RFC 8996", "leave TLS 1.0 with Enabled = 0 and DisabledByDefault = 1, or remove the write"));
}
