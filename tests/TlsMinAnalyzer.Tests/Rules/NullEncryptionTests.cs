using System.Threading.Tasks;
using TlsMinAnalyzer.CodeFixes.Rules;
using TlsMinAnalyzer.Tests.Verifiers;
using Fix = TlsMinAnalyzer.Tests.Verifiers.CodeFixVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls009, TlsMinAnalyzer.CodeFixes.Rules.NullEncryptionCodeFixProvider>;
using Verify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls009>;

namespace TlsMinAnalyzer.Tests.Rules;

public class NullEncryptionTests
{
    [Fact]
    public Task NullCipherPolicies_Report() => Verify.VerifyAsync("""
        using System.IO;
        using System.Net.Security;
        class C
        {
            void M(Stream stream)
            {
                var ssl = new SslStream(stream, false, null, null, {|#0:EncryptionPolicy.AllowNoEncryption|});
                var client = new SslClientAuthenticationOptions { EncryptionPolicy = {|#1:EncryptionPolicy.NoEncryption|} };
                const EncryptionPolicy weak = EncryptionPolicy.AllowNoEncryption;
                var server = new SslServerAuthenticationOptions();
                server.EncryptionPolicy = {|#2:weak|};
            }
        }
        """,
        Verify.Diagnostic("TLS009").WithLocation(0).WithArguments("new SslStream(encryptionPolicy)", "AllowNoEncryption"),
        Verify.Diagnostic("TLS009").WithLocation(1).WithArguments("SslClientAuthenticationOptions.EncryptionPolicy", "NoEncryption"),
        Verify.Diagnostic("TLS009").WithLocation(2).WithArguments("SslServerAuthenticationOptions.EncryptionPolicy", "AllowNoEncryption"));

    [Fact]
    public Task ThirdPartyCall_JudgedByItsArguments_IncludingAnOmittedDefault() => Verify.VerifyAsync("""
        using System.Net.Security;
        static class Tunnel
        {
            public static void Open(string host, EncryptionPolicy policy = EncryptionPolicy.AllowNoEncryption) { }
            public static void Open(string host, int port) { }
        }
        class C
        {
            void M()
            {
                Tunnel.Open("h", {|#0:EncryptionPolicy.NoEncryption|});
                {|#1:Tunnel.Open("h")|};
                Tunnel.Open("h", EncryptionPolicy.RequireEncryption);
                Tunnel.Open("h", 443);
            }
        }
        """,
        Verify.Diagnostic("TLS009").WithLocation(0).WithArguments("Tunnel.Open(policy)", "NoEncryption"),
        Verify.Diagnostic("TLS009").WithLocation(1).WithArguments("Tunnel.Open(policy)", "AllowNoEncryption"));

    [Fact]
    public Task RequireEncryptionOrUnknown_DoesNotReport() => Verify.VerifyAsync("""
        using System.IO;
        using System.Net.Security;
        class C
        {
            void M(Stream stream, EncryptionPolicy configured)
            {
                var a = new SslStream(stream, false, null, null, EncryptionPolicy.RequireEncryption);
                var b = new SslStream(stream, false, null, null, configured);
                if (configured == EncryptionPolicy.NoEncryption) { }
            }
        }
        """);

    [Fact]
    public Task NullCipherPolicies_FixToRequireEncryption() => Fix.VerifyAsync("""
        using System.IO;
        using System.Net.Security;
        class C
        {
            void M(Stream stream)
            {
                var ssl = new SslStream(stream, false, null, null, [|EncryptionPolicy.AllowNoEncryption|]);
                var client = new SslClientAuthenticationOptions { EncryptionPolicy = [|System.Net.Security.EncryptionPolicy.NoEncryption|] };
            }
        }
        """, """
        using System.IO;
        using System.Net.Security;
        class C
        {
            void M(Stream stream)
            {
                var ssl = new SslStream(stream, false, null, null, EncryptionPolicy.RequireEncryption);
                var client = new SslClientAuthenticationOptions { EncryptionPolicy = System.Net.Security.EncryptionPolicy.RequireEncryption };
            }
        }
        """, NullEncryptionCodeFixProvider.RequireEncryptionKey);

    [Fact]
    public Task PolicyDecidedBySettings_ReportsTheWeakOutcome() => Verify.VerifyAsync("""
        using System.IO;
        using System.Net.Security;
        class TransportSettings
        {
            public bool AllowNullCipher { get; set; }
            public EncryptionPolicy Policy { get; set; } = EncryptionPolicy.AllowNoEncryption;
        }
        class C
        {
            SslStream Open(Stream stream, TransportSettings settings, bool callerAllows)
            {
                var chosen = new SslStream(stream, false, null, null, {|#0:settings.AllowNullCipher ? EncryptionPolicy.AllowNoEncryption : EncryptionPolicy.RequireEncryption|});
                var byDefault = new SslStream(stream, false, null, null, {|#1:settings.Policy|});
                // The caller's argument decides: reported where the caller passes it, not here.
                return new SslStream(stream, false, null, null, callerAllows ? EncryptionPolicy.AllowNoEncryption : EncryptionPolicy.RequireEncryption);
            }
        }
        """,
        References.Net48,
        Verify.Diagnostic("TLS009").WithLocation(0).WithArguments("new SslStream(encryptionPolicy)", "AllowNoEncryption when settings.AllowNullCipher"),
        Verify.Diagnostic("TLS009").WithLocation(1).WithArguments("new SslStream(encryptionPolicy)", "AllowNoEncryption while TransportSettings.Policy keeps its default (EncryptionPolicy.AllowNoEncryption)"));
}
