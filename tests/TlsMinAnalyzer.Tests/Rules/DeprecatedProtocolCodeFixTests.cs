using System.Threading.Tasks;
using TlsMinAnalyzer.CodeFixes.Rules;
using TlsMinAnalyzer.Tests.Verifiers;
using Verify = TlsMinAnalyzer.Tests.Verifiers.CodeFixVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls001, TlsMinAnalyzer.CodeFixes.Rules.DeprecatedProtocolCodeFixProvider>;

namespace TlsMinAnalyzer.Tests.Rules;

public class DeprecatedProtocolCodeFixTests
{
    private const string UseModern = DeprecatedProtocolCodeFixProvider.UseModernVersionsKey;
    private const string LetOsChoose = DeprecatedProtocolCodeFixProvider.LetOperatingSystemChooseKey;

    // ---- fix 1: TLS 1.2 and TLS 1.3 ----

    [Fact]
    public Task ServicePointManagerOnNet80_FixesToTls12AndTls13() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            void M()
            {
                ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12|];
            }
        }
        """, """
        using System.Net;
        class C
        {
            void M()
            {
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
            }
        }
        """, UseModern);

    [Fact]
    public Task ServicePointManagerOnNet472_FixesToTls12Only() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            void M()
            {
                ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls|];
            }
        }
        """, """
        using System.Net;
        class C
        {
            void M()
            {
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;
            }
        }
        """, UseModern, References.Net472);

    [Fact]
    public Task ServicePointManagerOnNet48_FixesToTls12AndTls13() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            void M()
            {
                ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls11|];
            }
        }
        """, """
        using System.Net;
        class C
        {
            void M()
            {
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
            }
        }
        """, UseModern, References.Net48);

    [Fact]
    public Task CompoundOr_FixesToAddModernVersionsOnly() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            void M()
            {
                ServicePointManager.SecurityProtocol |= [|SecurityProtocolType.Tls11|];
            }
        }
        """, """
        using System.Net;
        class C
        {
            void M()
            {
                ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
            }
        }
        """, UseModern, References.Net48);

    [Fact]
    public Task NonConstantPartsKept_FixesToKeepThem() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler, SslProtocols configured)
            {
                handler.SslProtocols = [|configured | SslProtocols.Tls | SslProtocols.Tls13|];
            }
        }
        """, """
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler, SslProtocols configured)
            {
                handler.SslProtocols = configured | SslProtocols.Tls12 | SslProtocols.Tls13;
            }
        }
        """, UseModern);

    [Fact]
    public Task IntegerCastsAndEnumParse_FixToNamedMembers() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = [|(SslProtocols)768|];
                handler.SslProtocols = [|(SslProtocols)(192 | 3072)|];
                handler.SslProtocols = [|Enum.Parse<SslProtocols>("Tls11")|];
                handler.SslProtocols = [|(SslProtocols)Enum.Parse(typeof(SslProtocols), "Tls, Tls13")|];
            }
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
            }
        }
        """, UseModern);

    [Fact]
    public Task ConditionalAndSwitchBranches_FixOnlyDeprecatedBranches() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler, bool legacy, int level)
            {
                handler.SslProtocols = [|legacy ? SslProtocols.Tls : SslProtocols.Tls12|];
                handler.SslProtocols = [|level switch { 0 => SslProtocols.Tls11, _ => SslProtocols.None }|];
            }
        }
        """, """
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler, bool legacy, int level)
            {
                handler.SslProtocols = legacy ? (SslProtocols.Tls12 | SslProtocols.Tls13) : SslProtocols.Tls12;
                handler.SslProtocols = level switch { 0 => SslProtocols.Tls12 | SslProtocols.Tls13, _ => SslProtocols.None };
            }
        }
        """, UseModern);

    [Fact]
    public Task LocalAndConstInitializers_FixTheInitializer() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            private const SslProtocols Legacy = [|SslProtocols.Tls11|];

            void M(HttpClientHandler handler)
            {
                var protocols = [|SslProtocols.Tls | SslProtocols.Tls12|]; // keep this comment
                handler.SslProtocols = protocols | Legacy;
            }
        }
        """, """
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            private const SslProtocols Legacy = SslProtocols.Tls12 | SslProtocols.Tls13;

            void M(HttpClientHandler handler)
            {
                var protocols = SslProtocols.Tls12 | SslProtocols.Tls13; // keep this comment
                handler.SslProtocols = protocols | Legacy;
            }
        }
        """, UseModern);

    [Fact]
    public Task QualifiedAndAliasedNames_FixKeepsTheSpelling() => Verify.VerifyAsync("""
        using Proto = System.Security.Authentication.SslProtocols;
        class C
        {
            void M(System.Net.Http.HttpClientHandler handler)
            {
                handler.SslProtocols = [|System.Security.Authentication.SslProtocols.Tls11|];
                handler.SslProtocols = [|Proto.Tls|];
            }
        }
        """, """
        using Proto = System.Security.Authentication.SslProtocols;
        class C
        {
            void M(System.Net.Http.HttpClientHandler handler)
            {
                handler.SslProtocols = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13;
                handler.SslProtocols = Proto.Tls12 | Proto.Tls13;
            }
        }
        """, UseModern);

    [Fact]
    public Task SslStreamArguments_FixAllInDocument() => Verify.VerifyAsync("""
        using System.Net.Security;
        using System.Security.Authentication;
        class C
        {
            void M(SslStream a, SslStream b)
            {
                a.AuthenticateAsClient("h", null, [|SslProtocols.Tls|], true);
                b.AuthenticateAsClient("h", null, [|SslProtocols.Tls11 | SslProtocols.Tls12|], true);
            }
        }
        """, """
        using System.Net.Security;
        using System.Security.Authentication;
        class C
        {
            void M(SslStream a, SslStream b)
            {
                a.AuthenticateAsClient("h", null, SslProtocols.Tls12 | SslProtocols.Tls13, true);
                b.AuthenticateAsClient("h", null, SslProtocols.Tls12 | SslProtocols.Tls13, true);
            }
        }
        """, UseModern);

    // ---- fix 2: let the operating system choose ----

    [Fact]
    public Task SslStreamArgument_FixesToNone() => Verify.VerifyAsync("""
        using System.Net.Security;
        using System.Security.Authentication;
        class C
        {
            void M(SslStream stream) => stream.AuthenticateAsClient("h", null, [|SslProtocols.Tls | SslProtocols.Tls12|], true);
        }
        """, """
        using System.Net.Security;
        using System.Security.Authentication;
        class C
        {
            void M(SslStream stream) => stream.AuthenticateAsClient("h", null, SslProtocols.None, true);
        }
        """, LetOsChoose);

    [Fact]
    public Task ServicePointManagerOnNet472_FixesToSystemDefault() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            void M()
            {
                ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls | SecurityProtocolType.Tls12|];
                ServicePointManager.SecurityProtocol |= [|SecurityProtocolType.Tls11|];
            }
        }
        """, """
        using System.Net;
        class C
        {
            void M()
            {
                ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
            }
        }
        """, LetOsChoose, References.Net472);

    [Fact]
    public Task ObsoleteServicePointManager_FixesByRemovingTheStatement() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            void M()
            {
                var x = 1;
                ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls11|];
                x++;
            }
        }
        """, """
        using System.Net;
        class C
        {
            void M()
            {
                var x = 1;
                x++;
            }
        }
        """, LetOsChoose, References.Net90);

    [Fact]
    public Task ServicePointManagerOnNet80_FixesToSystemDefault() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            void M() => ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls11|];
        }
        """, """
        using System.Net;
        class C
        {
            void M() => ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
        }
        """, LetOsChoose);

    [Fact]
    public Task ValueWithOtherParts_FixReplacesOnlyTheDeprecatedParts() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            private static readonly SslProtocols Pinned = SslProtocols.Tls12 | SslProtocols.Tls13;

            void M(HttpClientHandler handler, bool legacy, SslProtocols configured)
            {
                handler.SslProtocols = [|legacy ? SslProtocols.Tls : Pinned|];
                handler.SslProtocols = [|configured | SslProtocols.Tls11|];
            }
        }
        """, """
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            private static readonly SslProtocols Pinned = SslProtocols.Tls12 | SslProtocols.Tls13;

            void M(HttpClientHandler handler, bool legacy, SslProtocols configured)
            {
                handler.SslProtocols = legacy ? SslProtocols.None : Pinned;
                handler.SslProtocols = configured;
            }
        }
        """, LetOsChoose);

    [Fact]
    public Task LocalInitializer_FixesToNone() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler)
            {
                var protocols = [|SslProtocols.Tls11|];
                handler.SslProtocols = protocols;
            }
        }
        """, """
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler)
            {
                var protocols = SslProtocols.None;
                handler.SslProtocols = protocols;
            }
        }
        """, LetOsChoose);

    [Fact]
    public Task ServicePointManagerOnNet461_OffersNoSystemDefault() => Verify.VerifyNotOfferedAsync("""
        using System.Net;
        class C
        {
            void M() => ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls|];
        }
        """, LetOsChoose, References.Net461);

    [Fact]
    public Task ServicePointManagerOnNet461_FixesToTls12() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            void M() => ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls | SecurityProtocolType.Tls11|];
        }
        """, """
        using System.Net;
        class C
        {
            void M() => ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;
        }
        """, UseModern, References.Net461);

    [Fact]
    public Task FindingsAcrossDocuments_FixAllInSolution() => Verify.VerifyAsync(
        new[]
        {
            """
            using System.Net.Http;
            using System.Security.Authentication;
            class A { void M(HttpClientHandler h) => h.SslProtocols = [|SslProtocols.Tls|]; }
            """,
            """
            using System.Net.Security;
            using System.Security.Authentication;
            class B { SslClientAuthenticationOptions O => new() { EnabledSslProtocols = [|SslProtocols.Tls11 | SslProtocols.Tls12|] }; }
            """,
        },
        new[]
        {
            """
            using System.Net.Http;
            using System.Security.Authentication;
            class A { void M(HttpClientHandler h) => h.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13; }
            """,
            """
            using System.Net.Security;
            using System.Security.Authentication;
            class B { SslClientAuthenticationOptions O => new() { EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 }; }
            """,
        },
        UseModern);

    [Fact]
    public Task TryParseFinding_OffersNoFix() => Verify.VerifyNotOfferedAsync("""
        using System;
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M(HttpClientHandler handler)
            {
                if (Enum.TryParse<SslProtocols>([|"Tls11"|], out var parsed)) handler.SslProtocols = parsed;
            }
        }
        """, UseModern);
}
