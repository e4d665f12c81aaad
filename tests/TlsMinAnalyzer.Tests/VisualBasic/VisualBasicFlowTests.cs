using System.Threading.Tasks;
using TlsMinAnalyzer.Tests.Verifiers;

namespace TlsMinAnalyzer.Tests.VisualBasic;

/// <summary>
/// Values that reach a setting from elsewhere, in VB's shapes: <c>Dim</c> and <c>Static</c> locals, <c>Const</c>, branches,
/// optional parameters, <c>ReadOnly</c> properties, settings classes' defaults, validator classes in another file,
/// <c>AddHandler</c>; and the options (<c>tlsmin.minimum_tls_version</c>, exempt hosts) through <c>.editorconfig</c>.
/// </summary>
public class VisualBasicFlowTests
{
    [Fact]
    public Task ProtocolValuesThroughLocalsConstantsAndOptionalParameters_Report() => VisualBasicVerifier<Tls001>.VerifyAsync("""
        Imports System.Net.Http
        Imports System.Net.Security
        Imports System.Security.Authentication

        Public Class Transport
            Public Const Legacy As SslProtocols = {|#0:SslProtocols.Tls Or SslProtocols.Tls11|}

            Public Sub Connect(stream As SslStream, Optional protocols As SslProtocols = {|#1:SslProtocols.Tls11|})
                stream.AuthenticateAsClient("db.example.com", Nothing, protocols, True)
            End Sub

            Public Function Create(strict As Boolean) As HttpClientHandler
                Dim chosen As SslProtocols = {|#2:SslProtocols.Tls|}
                If strict Then
                    chosen = SslProtocols.Tls12
                End If

                Return New HttpClientHandler With {.SslProtocols = chosen}
            End Function

            ' Compared or masked: reads, never findings.
            Public Function IsLegacy(protocol As SslProtocols) As Boolean
                Return protocol = Legacy OrElse (protocol And Not (SslProtocols.Tls Or SslProtocols.Tls11)) = 0
            End Function
        End Class
        """,
        VisualBasicVerifier<Tls001>.Diagnostic("TLS001").WithLocation(0).WithArguments("Transport.Legacy", "TLS 1.0 and TLS 1.1", "RFC 8996", "SslProtocols.Tls12 Or SslProtocols.Tls13"),
        VisualBasicVerifier<Tls001>.Diagnostic("TLS001").WithLocation(1).WithArguments("The default value of parameter 'protocols'", "TLS 1.1", "RFC 8996", "SslProtocols.Tls12 Or SslProtocols.Tls13"),
        VisualBasicVerifier<Tls001>.Diagnostic("TLS001").WithLocation(2).WithArguments("Local 'chosen', used as a TLS setting,", "TLS 1.0", "RFC 8996", "SslProtocols.Tls12 Or SslProtocols.Tls13"));

    [Fact]
    public Task CallbacksDecidedInBranchesAndHandlers_Report() => VisualBasicVerifier<Tls002>.VerifyAsync("""
        Imports System.Net
        Imports System.Net.Security
        Imports System.Security.Cryptography.X509Certificates

        Public Class Options
            Public Property TrustAll As Boolean
        End Class

        Public Class Clients
            Private Shared Function Strict(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                Return errors = SslPolicyErrors.None
            End Function

            Public Sub Configure(options As Options)
                Dim callback As RemoteCertificateValidationCallback
                If options.TrustAll Then
                    callback = Function(sender, certificate, chain, errors) {|#1:True|}
                Else
                    callback = AddressOf Strict
                End If

                ServicePointManager.ServerCertificateValidationCallback = {|#0:callback|}
                ServicePointManager.ServerCertificateValidationCallback = {|#2:If(options.TrustAll, New RemoteCertificateValidationCallback(Function(sender, certificate, chain, errors) True), Nothing)|}
            End Sub
        End Class
        """,
        VisualBasicVerifier<Tls002>.Diagnostic("TLS002").WithLocation(0).WithLocation(1).WithArguments("ServicePointManager.ServerCertificateValidationCallback", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"),
        VisualBasicVerifier<Tls002>.Diagnostic("TLS002").WithLocation(2).WithArguments("ServicePointManager.ServerCertificateValidationCallback", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"));

    [Fact]
    public Task ValidatorClassInAnotherFile_Reports() => VisualBasicVerifier<Tls002>.VerifyAsync(
        new[]
        {
            """
            Imports System.Net.Http
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates

            Public Class CertificateValidator
                Public Property AllowUntrusted As Boolean

                Public Function Validate(request As HttpRequestMessage, certificate As X509Certificate2, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    If AllowUntrusted Then
                        {|#1:Return True|}
                    End If

                    Return errors = SslPolicyErrors.None
                End Function
            End Class
            """,
            """
            Imports System.Net.Http

            Public Module Clients
                Public Function Create(validator As CertificateValidator) As HttpClient
                    Dim handler As New HttpClientHandler()
                    handler.ServerCertificateCustomValidationCallback = {|#0:AddressOf validator.Validate|}
                    Return New HttpClient(handler)
                End Function
            End Module
            """,
        },
        References.Net80,
        VisualBasicVerifier<Tls002>.Diagnostic("TLS002").WithLocation(0).WithLocation(1).WithArguments("HttpClientHandler.ServerCertificateCustomValidationCallback", "is given a callback that returns true for certificates with errors without looking at the errors or the certificate", "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"));

    [Fact]
    public Task MailSettingsDefaultsAndBranches_Report() => VisualBasicVerifier<Tls004>.VerifyAsync(
        new[]
        {
            """
            Public Class MailSettings
                Public Property Host As String = "smtp.example.com"
                Public Property Port As Integer = 587
                Public Property UseSsl As Boolean = False
                Public Property SslOverride As Boolean
            End Class
            """,
            """
            Imports MailKit.Net.Smtp

            Public Class Sender
                Private ReadOnly _settings As New MailSettings()

                Public Sub Send(client As SmtpClient)
                    client.Connect(_settings.Host, _settings.Port, {|#0:_settings.UseSsl|})
                    Dim useSsl = If(_settings.Port = 587 AndAlso Not _settings.SslOverride, False, True)
                    client.Connect(_settings.Host, _settings.Port, {|#1:useSsl|})
                End Sub
            End Class
            """,
        },
        References.Net80WithMailKit,
        VisualBasicVerifier<Tls004>.Diagnostic("TLS004").WithLocation(0).WithArguments(
            "SmtpClient.Connect to the server", "useSsl:=False while MailSettings.UseSsl keeps its default (False)", "use SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"),
        VisualBasicVerifier<Tls004>.Diagnostic("TLS004").WithLocation(1).WithArguments(
            "SmtpClient.Connect to the server", "useSsl:=False when _settings.Port = 587 AndAlso Not _settings.SslOverride", "use SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"));

    [Fact]
    public Task MinimumTls13Policy_ReportsTls12() => VisualBasicVerifier<Tls001>.VerifyWithOptionsAsync("""
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Module Clients
            Public Function Create() As HttpClientHandler
                Return New HttpClientHandler With {.SslProtocols = {|#0:SslProtocols.Tls12 Or SslProtocols.Tls13|}}
            End Function
        End Module
        """,
        "tlsmin.minimum_tls_version = 1.3",
        References.Net80,
        VisualBasicVerifier<Tls001>.Diagnostic("TLS001").WithLocation(0).WithArguments("HttpClientHandler.SslProtocols", "TLS 1.2", "the project's policy (tlsmin.minimum_tls_version = 1.3)", "SslProtocols.Tls13"));

    [Fact]
    public Task ExemptHosts_AreNotReported() => VisualBasicVerifier<Tls003>.VerifyWithOptionsAsync("""
        Imports System.Net.Mail

        Public Module Relay
            Public Sub Send(message As MailMessage)
                Dim internal As New SmtpClient("relay.corp.internal", 25)
                internal.Send(message)
                Dim external = {|#0:New SmtpClient("smtp.example.com", 25)|}
                external.Send(message)
            End Sub
        End Module
        """,
        "tlsmin.exempt_hosts = relay.corp.internal",
        References.Net80,
        VisualBasicVerifier<Tls003>.Diagnostic("TLS003").WithLocation(0).WithArguments(
            "SmtpClient sends to smtp.example.com:25 without TLS (EnableSsl is not set)",
            "set EnableSsl = True (mandatory STARTTLS, on the submission port 587) or use MailKit with SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"));

    // VB cannot declare an event whose delegate returns a value (BC31084): AddHandler meets a validation hook on an event a
    // C# library declares (a broker or FTP client), as in the next test.
    [Fact]
    public Task StaticLocalsAndReadOnlyProperties_Report() => VisualBasicVerifier<Tls002>.VerifyAsync("""
        Imports System.Net
        Imports System.Net.Security
        Imports System.Security.Cryptography.X509Certificates

        Public Class Connector
            Public ReadOnly Property Validation As RemoteCertificateValidationCallback = {|#0:Function(sender, certificate, chain, errors) True|}

            Public Function Cached() As RemoteCertificateValidationCallback
                Static kept As RemoteCertificateValidationCallback = {|#1:Function(sender, certificate, chain, errors) True|}
                Return kept
            End Function

            Public Sub Install()
                Static strict As RemoteCertificateValidationCallback = Function(sender, certificate, chain, errors) errors = SslPolicyErrors.None
                ServicePointManager.ServerCertificateValidationCallback = strict
            End Sub
        End Class
        """,
        VisualBasicVerifier<Tls002>.Diagnostic("TLS002").WithLocation(0).WithArguments("Connector.Validation (a RemoteCertificateValidationCallback kept to be installed)", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"),
        VisualBasicVerifier<Tls002>.Diagnostic("TLS002").WithLocation(1).WithArguments("The local 'kept' (a RemoteCertificateValidationCallback)", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"));

    [Fact]
    public async Task AddHandlerOnALibrarysValidationEvent_Reports()
    {
        // A third-party client written in C#, as VB code consumes it: an event whose handler validates the server certificate.
        var framework = await Robustness.AnalyzerHarness.ReferencesAsync(References.Net80);
        var library = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "BrokerClient",
            new[]
            {
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
                    using System.Net.Security;
                    using System.Security.Cryptography.X509Certificates;
                    namespace Vendor
                    {
                        public delegate bool CertificateCheck(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors);
                        public class BrokerClient { public event CertificateCheck VerifyServerCertificate; }
                    }
                    """),
            },
            framework,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using var image = new System.IO.MemoryStream();
        Assert.True(library.Emit(image).Success);
        var target = new TestTarget(References.Net80, System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.MetadataReference>(Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray())));

        await VisualBasicVerifier<Tls002>.VerifyAsync("""
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates
            Imports Vendor

            Public Class Consumer
                Public Sub Attach(broker As BrokerClient)
                    AddHandler broker.VerifyServerCertificate, {|#0:AddressOf TrustAll|}
                    AddHandler broker.VerifyServerCertificate, AddressOf Strict
                End Sub

                Private Function TrustAll(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    {|#1:Return True|}
                End Function

                Private Function Strict(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    Return errors = SslPolicyErrors.None
                End Function
            End Class
            """,
            target,
            VisualBasicVerifier<Tls002>.Diagnostic("TLS002").WithLocation(0).WithLocation(1).WithArguments("BrokerClient.VerifyServerCertificate", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"));
    }
}
