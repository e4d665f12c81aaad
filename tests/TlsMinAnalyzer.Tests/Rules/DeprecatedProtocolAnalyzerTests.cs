using System.Threading.Tasks;
using TlsMinAnalyzer.Tests.Verifiers;
using Verify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls001>;

namespace TlsMinAnalyzer.Tests.Rules;

public class DeprecatedProtocolAnalyzerTests
{
    private const string Modern = "SslProtocols.Tls12 | SslProtocols.Tls13";
    private const string ModernSpm = "SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expect(int location, string setting, string versions, string rfc = "RFC 8996", string recommended = Modern)
        => Verify.Diagnostic("TLS001").WithLocation(location).WithArguments(setting, versions, rfc, recommended);

    // ---- settings and forms that enable a deprecated version ----

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
        Expect(0, "ServicePointManager.SecurityProtocol", "TLS 1.1", recommended: ModernSpm));

    [Fact]
    public Task ServicePointManagerCompoundOr_Tls_Reports() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            void M()
            {
                ServicePointManager.SecurityProtocol |= {|#0:SecurityProtocolType.Tls|};
            }
        }
        """,
        Expect(0, "ServicePointManager.SecurityProtocol", "TLS 1.0", recommended: ModernSpm));

    [Fact]
    public Task ServicePointManagerOnNet472_RecommendsTls12Only_Reports() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            void M()
            {
                ServicePointManager.SecurityProtocol = {|#0:SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls|};
            }
        }
        """,
        References.Net472,
        Expect(0, "ServicePointManager.SecurityProtocol", "SSL 3.0 and TLS 1.0", "RFC 7568 and RFC 8996", "SecurityProtocolType.Tls12"));

    [Fact]
    public Task ServicePointManagerOnNet48_RecommendsTls13_Reports() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            void M()
            {
                ServicePointManager.SecurityProtocol = {|#0:SecurityProtocolType.Tls11|};
            }
        }
        """,
        References.Net48,
        Expect(0, "ServicePointManager.SecurityProtocol", "TLS 1.1", recommended: ModernSpm));

    [Fact]
    public Task HttpClientHandlerObjectInitializer_Reports() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            HttpClient M() => new HttpClient(new HttpClientHandler { SslProtocols = {|#0:SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12|} });
        }
        """,
        Expect(0, "HttpClientHandler.SslProtocols", "TLS 1.0 and TLS 1.1"));

    [Fact]
    public Task SocketsHttpHandlerNestedSslOptions_Reports() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Authentication;
        class C
        {
            SocketsHttpHandler M() => new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions { EnabledSslProtocols = {|#0:SslProtocols.Tls11|} },
            };

            void N(SocketsHttpHandler handler) => handler.SslOptions.EnabledSslProtocols = {|#1:SslProtocols.Ssl3|};
        }
        """,
        Expect(0, "SslClientAuthenticationOptions.EnabledSslProtocols", "TLS 1.1"),
        Expect(1, "SslClientAuthenticationOptions.EnabledSslProtocols", "SSL 3.0", "RFC 7568"));

    [Fact]
    public Task ServerAuthenticationOptions_Reports() => Verify.VerifyAsync("""
        using System.Net.Security;
        using System.Security.Authentication;
        class C
        {
            SslServerAuthenticationOptions M() => new() { EnabledSslProtocols = {|#0:SslProtocols.Default|} };
        }
        """,
        Expect(0, "SslServerAuthenticationOptions.EnabledSslProtocols", "SSL 3.0 and TLS 1.0", "RFC 7568 and RFC 8996"));

    [Fact]
    public Task SslStreamAuthenticateArguments_Report() => Verify.VerifyAsync("""
        using System.Net.Security;
        using System.Security.Authentication;
        using System.Threading.Tasks;
        class C
        {
            async Task M(SslStream stream)
            {
                stream.AuthenticateAsClient("mail.example.com", null, {|#0:SslProtocols.Tls|}, true);
                await stream.AuthenticateAsClientAsync("mail.example.com", null, {|#1:SslProtocols.Ssl2 | SslProtocols.Tls12|}, true);
                stream.AuthenticateAsServer(null!, false, {|#2:SslProtocols.Tls11|}, true);
            }
        }
        """,
        Expect(0, "SslStream.AuthenticateAsClient(enabledSslProtocols)", "TLS 1.0"),
        Expect(1, "SslStream.AuthenticateAsClientAsync(enabledSslProtocols)", "SSL 2.0", "RFC 6176"),
        Expect(2, "SslStream.AuthenticateAsServer(enabledSslProtocols)", "TLS 1.1"));

    [Fact]
    public Task NamedArgumentToUserMethod_Reports() => Verify.VerifyAsync("""
        using System.Security.Authentication;
        class Client
        {
            public Client(string host, SslProtocols protocols) { }
            public static void Configure(SslProtocols? protocols = null) { }
        }
        class C
        {
            void M()
            {
                _ = new Client("h", protocols: {|#0:SslProtocols.Tls11|});
                Client.Configure({|#1:SslProtocols.Tls|});
            }
        }
        """,
        Expect(0, "new Client(protocols)", "TLS 1.1"),
        Expect(1, "Client.Configure(protocols)", "TLS 1.0"));

    [Fact]
    public Task IntegerCasts_Report() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = {|#0:(SslProtocols)768|};
                handler.SslProtocols = {|#1:(SslProtocols)(192 | 3072)|};
                ServicePointManager.SecurityProtocol = {|#2:(SecurityProtocolType)0x0300|};
                handler.SslProtocols = (SslProtocols)3072 | (SslProtocols)12288;
            }
        }
        """,
        Expect(0, "HttpClientHandler.SslProtocols", "TLS 1.1"),
        Expect(1, "HttpClientHandler.SslProtocols", "TLS 1.0"),
        Expect(2, "ServicePointManager.SecurityProtocol", "TLS 1.1", recommended: ModernSpm));

    [Fact]
    public Task EnumParseOfConstantString_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = {|#0:(SslProtocols)Enum.Parse(typeof(SslProtocols), "Tls11")|};
                handler.SslProtocols = {|#1:Enum.Parse<SslProtocols>("Tls, Tls12")|};
                handler.SslProtocols = {|#2:Enum.Parse<SslProtocols>("ssl3", ignoreCase: true)|};
                handler.SslProtocols = Enum.Parse<SslProtocols>("Tls12");
                if (Enum.TryParse<SslProtocols>({|#3:"Tls11"|}, out var parsed))
                {
                    handler.SslProtocols = parsed;
                }
            }
        }
        """,
        Expect(0, "HttpClientHandler.SslProtocols", "TLS 1.1"),
        Expect(1, "HttpClientHandler.SslProtocols", "TLS 1.0"),
        Expect(2, "HttpClientHandler.SslProtocols", "SSL 3.0", "RFC 7568"),
        Expect(3, "Local 'parsed'", "TLS 1.1"));

    [Fact]
    public Task ConditionalAndCoalesceAndSwitchExpression_Report() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler, bool legacy, SslProtocols? configured, int level)
            {
                handler.SslProtocols = {|#0:legacy ? SslProtocols.Tls : SslProtocols.Tls12|};
                handler.SslProtocols = {|#1:configured ?? SslProtocols.Tls11|};
                handler.SslProtocols = {|#2:level switch { 0 => SslProtocols.Tls, 1 => SslProtocols.Tls11, _ => SslProtocols.None }|};
            }
        }
        """,
        Expect(0, "HttpClientHandler.SslProtocols", "TLS 1.0"),
        Expect(1, "HttpClientHandler.SslProtocols", "TLS 1.1"),
        Expect(2, "HttpClientHandler.SslProtocols", "TLS 1.0 and TLS 1.1"));

    [Fact]
    public Task LocalFlowingToSetting_ReportsOnceAtInitializer() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler, bool strict)
            {
                var protocols = {|#0:SslProtocols.Tls11 | SslProtocols.Tls12|};
                const SslProtocols legacy = {|#1:SslProtocols.Tls|};
                var combined = protocols | legacy;
                handler.SslProtocols = strict ? SslProtocols.Tls12 : combined;
                handler.SslProtocols = protocols;
            }
        }
        """,
        Expect(0, "Local 'protocols', used as a TLS setting,", "TLS 1.1"),
        Expect(1, "Local 'legacy', used as a TLS setting,", "TLS 1.0"));

    [Fact]
    public Task LocalAssignedLaterAndCompound_Reports() => Verify.VerifyAsync("""
        using System.Net.Security;
        using System.Security.Authentication;
        class C
        {
            SslClientAuthenticationOptions M(bool legacy)
            {
                SslProtocols protocols = SslProtocols.Tls12;
                if (legacy)
                {
                    protocols |= {|#0:SslProtocols.Tls11|};
                }

                return new SslClientAuthenticationOptions { EnabledSslProtocols = protocols };
            }
        }
        """,
        Expect(0, "Local 'protocols', used as a TLS setting,", "TLS 1.1"));

    [Fact]
    public Task FieldsAndProperties_ReportAtInitializer() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        public class Settings
        {
            public const SslProtocols Legacy = {|#0:SslProtocols.Tls | SslProtocols.Tls11|};
            public static readonly SslProtocols Fallback = {|#1:SslProtocols.Tls11|};
            public SslProtocols Protocols { get; set; } = {|#2:SslProtocols.Ssl3|};
            private static readonly SslProtocols Used = {|#3:SslProtocols.Tls|};

            public void Apply(HttpClientHandler handler) => handler.SslProtocols = Used | Legacy;
        }
        """,
        Expect(0, "Settings.Legacy", "TLS 1.0 and TLS 1.1"),
        Expect(1, "Settings.Fallback", "TLS 1.1"),
        Expect(2, "Settings.Protocols", "SSL 3.0", "RFC 7568"),
        Expect(3, "Settings.Used", "TLS 1.0"));

    [Fact]
    public Task ReturnValues_Report() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Security.Authentication;
        class Policy
        {
            public static SslProtocols Get() => {|#0:SslProtocols.Tls11|};
            public SslProtocols Protocols => {|#1:SslProtocols.Tls|};
            public Func<SslProtocols> Factory = () => {|#2:SslProtocols.Tls11|};
            public IEnumerable<SslProtocols> All() { yield return {|#3:SslProtocols.Ssl3|}; }
            public bool IsLegacy(SslProtocols p) { return p == SslProtocols.Tls; }
            SslProtocols Local() { return Inner(); SslProtocols Inner() => {|#4:SslProtocols.Tls|}; }
        }
        """,
        Expect(0, "Policy.Get()", "TLS 1.1"),
        Expect(1, "Policy.Protocols", "TLS 1.0"),
        Expect(2, "A lambda", "TLS 1.1"),
        Expect(3, "Policy.All()", "SSL 3.0", "RFC 7568"),
        Expect(4, "Inner()", "TLS 1.0"));

    [Fact]
    public Task ParameterDefaultValue_Reports() => Verify.VerifyAsync("""
        using System.Security.Authentication;
        class C
        {
            public void Connect(string host, SslProtocols protocols = {|#0:SslProtocols.Tls|}) { }
        }
        """,
        Expect(0, "The default value of parameter 'protocols'", "TLS 1.0"));

    [Fact]
    public Task KestrelStyleLambdaConfiguration_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Security.Authentication;
        public class HttpsConnectionAdapterOptions { public SslProtocols SslProtocols { get; set; } }
        class C
        {
            void UseHttps(Action<HttpsConnectionAdapterOptions> configure) { }
            void M() => UseHttps(o => o.SslProtocols = {|#0:SslProtocols.Tls11 | SslProtocols.Tls12|});
        }
        """,
        Expect(0, "HttpsConnectionAdapterOptions.SslProtocols", "TLS 1.1"));

    [Fact]
    public Task FullyQualifiedAndAliased_Report() => Verify.VerifyAsync("""
        using Proto = System.Security.Authentication.SslProtocols;
        class C
        {
            void M(System.Net.Http.HttpClientHandler handler)
            {
                handler.SslProtocols = {|#0:System.Security.Authentication.SslProtocols.Tls11|};
                handler.SslProtocols = {|#1:Proto.Tls|};
            }
        }
        """,
        Expect(0, "HttpClientHandler.SslProtocols", "TLS 1.1"),
        Expect(1, "HttpClientHandler.SslProtocols", "TLS 1.0"));

    [Fact]
    public Task TopLevelStatements_Report() => Verify.VerifyProgramAsync("""
        using System.Net;
        ServicePointManager.SecurityProtocol = {|#0:SecurityProtocolType.Tls|};
        """,
        Expect(0, "ServicePointManager.SecurityProtocol", "TLS 1.0", recommended: ModernSpm));

    [Fact]
    public Task PrivateConstantUsedFromNestedType_Reports() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        class Outer
        {
            private const SslProtocols Legacy = {|#0:SslProtocols.Tls11|};

            class Inner
            {
                void M(HttpClientHandler handler) => handler.SslProtocols = Legacy;
            }
        }
        """,
        Expect(0, "Outer.Legacy", "TLS 1.1"));

    [Fact]
    public Task GeneratedCode_Reports() => Verify.VerifyAsync("""
        // <auto-generated/>
        using System.Net;
        class ServiceClient
        {
            static ServiceClient() => ServicePointManager.SecurityProtocol = {|#0:SecurityProtocolType.Tls|};
        }
        """,
        Expect(0, "ServicePointManager.SecurityProtocol", "TLS 1.0", recommended: ModernSpm));

    [Fact]
    public Task MailKitSslProtocols_Reports() => Verify.VerifyAsync("""
        using System.Security.Authentication;
        using MailKit.Net.Smtp;
        class C
        {
            SmtpClient M() => new SmtpClient { SslProtocols = {|#0:SslProtocols.Tls11 | SslProtocols.Tls12|} };
            void N(MailKit.Net.Imap.ImapClient client) => client.SslProtocols = {|#1:SslProtocols.Tls|};
        }
        """,
        References.Net80WithMailKit,
        Expect(0, "MailService.SslProtocols", "TLS 1.1"),
        Expect(1, "MailService.SslProtocols", "TLS 1.0"));

    [Fact]
    public Task ServicePointManagerOnNet461_RecommendsTls12_Reports() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            static C() { ServicePointManager.SecurityProtocol = {|#0:SecurityProtocolType.Tls|}; }
        }
        """,
        References.Net461,
        Expect(0, "ServicePointManager.SecurityProtocol", "TLS 1.0", recommended: "SecurityProtocolType.Tls12"));

    // ---- reads and masks: never reported ----

    [Fact]
    public Task ComparisonsBitTestsAndPatterns_DoNotReport() => Verify.VerifyAsync("""
        using System;
        using System.Net.Security;
        using System.Security.Authentication;
        class C
        {
            string M(SslStream stream, SslProtocols configured)
            {
                if (stream.SslProtocol == SslProtocols.Tls || stream.SslProtocol != SslProtocols.Tls11) { }
                if ((configured & SslProtocols.Tls11) != 0) { }
                if ((configured & (SslProtocols.Tls | SslProtocols.Tls11)) == SslProtocols.None) { }
                if (configured.HasFlag(SslProtocols.Ssl3)) { }
                if (stream.SslProtocol is SslProtocols.Tls or SslProtocols.Tls11) { }
                if (stream.SslProtocol < SslProtocols.Tls12) { }
                switch (stream.SslProtocol)
                {
                    case SslProtocols.Tls:
                    case SslProtocols.Tls11:
                        return "deprecated";
                }

                var label = stream.SslProtocol switch { SslProtocols.Tls => "1.0", SslProtocols.Tls11 => "1.1", _ => "ok" };
                Console.WriteLine(SslProtocols.Tls11);
                Console.WriteLine($"{SslProtocols.Tls}");
                return nameof(SslProtocols.Tls) + SslProtocols.Ssl3.ToString() + label;
            }
        }
        """);

    [Fact]
    public Task MasksThatRemoveVersions_DoNotReport() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            private const SslProtocols Weak = SslProtocols.Ssl3 | SslProtocols.Tls | SslProtocols.Tls11;

            void M(HttpClientHandler handler, SslProtocols configured)
            {
                handler.SslProtocols = configured & ~(SslProtocols.Tls | SslProtocols.Tls11);
                handler.SslProtocols &= ~SslProtocols.Tls11;
                handler.SslProtocols = configured & ~Weak;
                ServicePointManager.SecurityProtocol &= ~(SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls);
                handler.SslProtocols = (SslProtocols.Tls | SslProtocols.Tls12) & configured;
                handler.SslProtocols = ~SslProtocols.Tls11 & configured;
            }
        }
        """);

    [Fact]
    public Task PrivateConstantUsedOnlyInMasksByNestedType_DoesNotReport() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        class Outer
        {
            private const SslProtocols Weak = SslProtocols.Tls | SslProtocols.Tls11;

            class Configurer
            {
                void Apply(HttpClientHandler handler, SslProtocols configured) => handler.SslProtocols = configured & ~Outer.Weak;
            }
        }
        """);

    [Fact]
    public Task PrivateConstantEnabledByNestedType_Reports() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        class Outer
        {
            private static readonly SslProtocols Legacy = {|#0:SslProtocols.Tls11|};

            class Configurer
            {
                void Apply(HttpClientHandler handler) => handler.SslProtocols = Outer.Legacy;
            }
        }
        """,
        Expect(0, "Outer.Legacy", "TLS 1.1"));

    [Fact]
    public Task MaskLeavingDeprecatedVersion_Reports() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = {|#0:(SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12) & ~SslProtocols.Tls11|};
            }
        }
        """,
        Expect(0, "HttpClientHandler.SslProtocols", "TLS 1.0"));

    [Fact]
    public Task LocalsOnlyRead_DoNotReport() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Security;
        using System.Security.Authentication;
        class C
        {
            bool M(SslStream stream)
            {
                var deprecated = SslProtocols.Tls | SslProtocols.Tls11;
                var unused = SslProtocols.Ssl3;
                var copy = deprecated;
                var list = new List<SslProtocols> { SslProtocols.Tls, SslProtocols.Tls11 };
                var denied = new HashSet<SslProtocols>();
                denied.Add(SslProtocols.Ssl3);
                SslProtocols[] old = { SslProtocols.Tls, SslProtocols.Tls11 };
                return (stream.SslProtocol & copy) != 0 || list.Contains(stream.SslProtocol) || denied.Contains(stream.SslProtocol);
            }
        }
        """);

    [Fact]
    public Task PrivateConstantsOnlyReadOrMasked_DoNotReport() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Authentication;
        class C
        {
            private const SslProtocols Deprecated = SslProtocols.Ssl3 | SslProtocols.Tls | SslProtocols.Tls11;
            private static readonly SslProtocols Legacy = SslProtocols.Tls;

            bool IsDeprecated(SslStream stream) => (stream.SslProtocol & Deprecated) != 0 || stream.SslProtocol == Legacy;
            void Harden(HttpClientHandler handler) => handler.SslProtocols &= ~Deprecated;
        }
        """);

    [Fact]
    public Task ModernAndSystemDefaultValues_DoNotReport() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler, SslProtocols configured)
            {
                ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
                handler.SslProtocols = SslProtocols.None;
                handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                handler.SslProtocols = configured;
                handler.SslProtocols = (SslProtocols)3072;
                handler.SslProtocols = default;
            }
        }
        """);

    [Fact]
    public Task OtherEnumsWithSameMemberNames_DoNotReport() => Verify.VerifyAsync("""
        enum MyProtocols { Tls = 192, Tls11 = 768 }
        class C
        {
            MyProtocols P { get; set; } = MyProtocols.Tls;
            void M() => P = MyProtocols.Tls11 | (MyProtocols)768;
        }
        """);

    [Fact]
    public Task NonConstantEnumParse_DoesNotReport() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler, string configured)
            {
                handler.SslProtocols = Enum.Parse<SslProtocols>(configured);
                handler.SslProtocols = Enum.Parse<SslProtocols>("tls");
            }
        }
        """);

    [Fact]
    public Task PrivateMappingReadOnlyInComparisonsOrMasked_DoesNotReport() => Verify.VerifyAsync("""
        using System.Net.Security;
        using System.Security.Authentication;
        class ProtocolNames
        {
            private static SslProtocols FromVersion(int version) => version switch { 2 => SslProtocols.Tls11, 1 => SslProtocols.Tls, _ => SslProtocols.Tls12 };

            public static bool IsLegacy(int version) => FromVersion(version) != SslProtocols.Tls12;

            public static SslClientAuthenticationOptions Options(int version)
                => new SslClientAuthenticationOptions { EnabledSslProtocols = FromVersion(version) & ~(SslProtocols.Tls | SslProtocols.Tls11) };
        }
        """);

    [Fact]
    public Task PrivateMappingThatReachesASetting_ReportsItsArms() => Verify.VerifyAsync("""
        using System.Net.Security;
        using System.Security.Authentication;
        class ProtocolNames
        {
            private static SslProtocols FromVersion(int version) => {|#0:version switch { 2 => SslProtocols.Tls11, _ => SslProtocols.Tls12 }|};

            public static bool IsLegacy(int version) => FromVersion(version) != SslProtocols.Tls12;

            public static SslClientAuthenticationOptions Options(int version)
                => new SslClientAuthenticationOptions { EnabledSslProtocols = FromVersion(version) };
        }
        """, Expect(0, "ProtocolNames.FromVersion()", "TLS 1.1"));

    [Fact]
    public Task PrivateMappingUsedAsAMethodGroup_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Security.Authentication;
        class ProtocolNames
        {
            private static SslProtocols FromVersion(int version) => {|#0:version == 2 ? SslProtocols.Tls11 : SslProtocols.Tls12|};

            public static Func<int, SslProtocols> Mapper => FromVersion;
        }
        """, Expect(0, "ProtocolNames.FromVersion()", "TLS 1.1"));

    // ---- only settings are settings (real-code shapes: display tables, wire-version parsers) ----

    [Fact]
    public Task DisplayTablesAndCollections_AreData_NotSettings() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Security.Authentication;
        public static class ProtocolNames
        {
            public static readonly Dictionary<string, SslProtocols> ByName = new Dictionary<string, SslProtocols>
            {
                ["tls1.0"] = SslProtocols.Tls,
                ["tls1.1"] = SslProtocols.Tls11,
            };

            public static readonly List<SslProtocols> Known = new List<SslProtocols> { SslProtocols.Tls, SslProtocols.Tls11 };

            public static void Register(Dictionary<string, SslProtocols> table) => table["ssl3"] = SslProtocols.Ssl3;
        }
        """);

    [Fact]
    public Task WireVersionParser_IsARead_ItsResultIsReportedWhereATlsSettingTakesIt() => Verify.VerifyAsync(
        new[]
        {
            """
            using System.Security.Authentication;
            public static class Wire
            {
                // Maps the version a peer sent: a parser, not a setting.
                public static SslProtocols Parse(int version) => version switch
                {
                    0x0301 => SslProtocols.Tls,
                    0x0302 => SslProtocols.Tls11,
                    0x0303 => SslProtocols.Tls12,
                    _ => SslProtocols.None,
                };
            }
            """,
            """
            using System.Net.Http;
            using System.Security.Authentication;
            public class Session
            {
                private SslProtocols _negotiated;

                public void OnServerHello(int version) => _negotiated = Wire.Parse(version);

                public SslProtocols Negotiated => _negotiated;

                public HttpClientHandler FromConfiguration(int configured) => new HttpClientHandler { SslProtocols = {|#0:Wire.Parse(configured)|} };
            }
            """,
        },
        Expect(0, "HttpClientHandler.SslProtocols (through what Wire.Parse() can return)", "TLS 1.0 and TLS 1.1"));
}
