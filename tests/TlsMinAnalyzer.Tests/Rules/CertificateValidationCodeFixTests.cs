using System.Threading.Tasks;
using TlsMinAnalyzer.CodeFixes.Rules;
using TlsMinAnalyzer.Tests.Verifiers;
using Verify = TlsMinAnalyzer.Tests.Verifiers.CodeFixVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls002, TlsMinAnalyzer.CodeFixes.Rules.CertificateValidationCodeFixProvider>;

namespace TlsMinAnalyzer.Tests.Rules;

public class CertificateValidationCodeFixTests
{
    private const string Remove = CertificateValidationCodeFixProvider.RemoveCallbackKey;
    private const string Strict = CertificateValidationCodeFixProvider.AcceptOnlyValidKey;

    // ---- fix 1: use the platform's validation ----

    [Fact]
    public Task AssignmentStatements_FixesToRemoval() => Verify.VerifyAsync("""
        using System.Net;
        class C
        {
            void M()
            {
                var x = 1;
                ServicePointManager.ServerCertificateValidationCallback = [|(s, c, ch, e) => true|];
                ServicePointManager.ServerCertificateValidationCallback += [|delegate { return true; }|];
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
        """, Remove);

    [Fact]
    public Task InitializerMember_FixesToRemovingTheMember() => Verify.VerifyAsync("""
        using System.Net.Http;
        class C
        {
            HttpClientHandler M() => new HttpClientHandler
            {
                UseProxy = false,
                ServerCertificateCustomValidationCallback = [|HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|],
                AllowAutoRedirect = false,
            };
        }
        """, """
        using System.Net.Http;
        class C
        {
            HttpClientHandler M() => new HttpClientHandler
            {
                UseProxy = false,
                AllowAutoRedirect = false,
            };
        }
        """, Remove);

    [Fact]
    public Task SslStreamConstructor_FixesToOverloadWithoutCallbackOrNull() => Verify.VerifyAsync("""
        using System.IO;
        using System.Net.Security;
        class C
        {
            void M(Stream stream)
            {
                var a = new SslStream(stream, false, [|(s, c, ch, e) => true|]);
                var b = new SslStream(stream, false, [|(s, c, ch, e) => true|], null);
            }
        }
        """, """
        using System.IO;
        using System.Net.Security;
        class C
        {
            void M(Stream stream)
            {
                var a = new SslStream(stream, false);
                var b = new SslStream(stream, false, null, null);
            }
        }
        """, Remove);

    [Fact]
    public Task MethodGroupAndLocal_FixRemovesTheDeadCallback() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        class C
        {
            void M()
            {
                ServicePointManager.ServerCertificateValidationCallback = [|Validate|];
            }

            void N()
            {
                RemoteCertificateValidationCallback callback = (s, c, ch, e) => true;
                ServicePointManager.ServerCertificateValidationCallback = [|callback|];
            }

            private static bool Validate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
            {
                return true;
            }
        }
        """, """
        using System.Net;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        class C
        {
            void M()
            {
            }

            void N()
            {
            }
        }
        """, Remove);

    [Fact]
    public Task CallbackUsedElsewhere_FixKeepsIt() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        class C
        {
            // Still kept, now installed nowhere this file shows: reported where it is created (as CA5359 does).
            private static readonly RemoteCertificateValidationCallback AcceptAll = (s, c, ch, e) => true;

            void M(HttpWebRequest request)
            {
                ServicePointManager.ServerCertificateValidationCallback = [|AcceptAll|];
                var keep = AcceptAll;
            }
        }
        """, """
        using System.Net;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        class C
        {
            // Still kept, now installed nowhere this file shows: reported where it is created (as CA5359 does).
            private static readonly RemoteCertificateValidationCallback AcceptAll = [|(s, c, ch, e) => true|];

            void M(HttpWebRequest request)
            {
                var keep = AcceptAll;
            }
        }
        """, Remove);

    // ---- fix 2: accept only certificates without errors ----

    [Fact]
    public Task Lambdas_FixToErrorsEqualsNone() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Http;
        class C
        {
            void M(HttpClientHandler handler)
            {
                ServicePointManager.ServerCertificateValidationCallback = [|(sender, certificate, chain, policyErrors) =>
                {
                    System.Console.WriteLine(policyErrors);
                    return true;
                }|];
                handler.ServerCertificateCustomValidationCallback = [|(_, _, _, _) => true|];
                ServicePointManager.ServerCertificateValidationCallback += [|delegate { return true; }|];
            }
        }
        """, """
        using System.Net;
        using System.Net.Http;
        class C
        {
            void M(HttpClientHandler handler)
            {
                ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, policyErrors) => policyErrors == System.Net.Security.SslPolicyErrors.None;
                handler.ServerCertificateCustomValidationCallback = (_, _, _, sslPolicyErrors) => sslPolicyErrors == System.Net.Security.SslPolicyErrors.None;
                ServicePointManager.ServerCertificateValidationCallback += (sender, certificate, chain, sslPolicyErrors) => sslPolicyErrors == System.Net.Security.SslPolicyErrors.None;
            }
        }
        """, Strict);

    [Fact]
    public Task MethodAndDangerousValidator_FixToErrorsEqualsNone() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        class C
        {
            void M(HttpClientHandler handler)
            {
                ServicePointManager.ServerCertificateValidationCallback = [|Validate|];
                handler.ServerCertificateCustomValidationCallback = [|HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|];
            }

            private static bool Validate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
            {
                return true;
            }
        }
        """, """
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        class C
        {
            void M(HttpClientHandler handler)
            {
                ServicePointManager.ServerCertificateValidationCallback = Validate;
                handler.ServerCertificateCustomValidationCallback = (request, certificate, chain, sslPolicyErrors) => sslPolicyErrors == SslPolicyErrors.None;
            }

            private static bool Validate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
            {
                return errors == SslPolicyErrors.None;
            }
        }
        """, Strict);

    [Fact]
    public Task DangerousValidatorNotInstalled_OffersNoFix() => Verify.VerifyNotOfferedAsync("""
        using System.Net.Http;
        class C
        {
            object M() => [|HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|];
        }
        """, Remove);
    // ---- callbacks kept in members: made strict where they are written ----

    [Fact]
    public Task CallbacksKeptInMembers_FixToErrorsEqualsNone() => Verify.VerifyAsync("""
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        public class TlsOptions
        {
            public RemoteCertificateValidationCallback ServerCertificateValidation { get; set; } = [|(sender, certificate, chain, errors) => true|];

            internal RemoteCertificateValidationCallback Fallback;

            public TlsOptions() => Fallback = [|AcceptAll|];

            private static bool AcceptAll(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors sslPolicyErrors)
            {
                return true;
            }
        }
        """, """
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        public class TlsOptions
        {
            public RemoteCertificateValidationCallback ServerCertificateValidation { get; set; } = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None;

            internal RemoteCertificateValidationCallback Fallback;

            public TlsOptions() => Fallback = AcceptAll;

            private static bool AcceptAll(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors sslPolicyErrors)
            {
                return sslPolicyErrors == SslPolicyErrors.None;
            }
        }
        """, CertificateValidationCodeFixProvider.KeptCallbackAcceptOnlyValidKey);

    [Fact]
    public Task CallbackKeptInAMember_IsNotRemoved() => Verify.VerifyNotOfferedAsync("""
        using System.Net.Security;
        public class TlsOptions
        {
            public RemoteCertificateValidationCallback ServerCertificateValidation { get; set; } = [|(sender, certificate, chain, errors) => true|];
        }
        """, Remove);
}
