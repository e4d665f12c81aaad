using System.Threading.Tasks;
using TlsMinAnalyzer.Tests.Verifiers;

namespace TlsMinAnalyzer.Tests.VisualBasic;

/// <summary>
/// Every rule on Visual Basic code, in the shapes old VB code has: <c>Or</c>/<c>And Not</c> on protocol enums, <c>CType</c>
/// and integer constants, <c>Const</c>, module fields and <c>ReadOnly</c> properties, <c>Function</c> returns, object
/// initializers (<c>New SmtpClient() With {.EnableSsl = False}</c>), <c>AddressOf</c>, <c>Function(...) True</c> and
/// multi-line lambdas, <c>AddHandler</c>, named arguments (<c>useSsl:=False</c>), <c>Select Case</c> reads, and
/// <c>Option Strict</c> on and off.
/// </summary>
public class VisualBasicRuleTests
{
    // ---- TLS001 / TLS005 ----

    [Fact]
    public Task DeprecatedProtocols_Report() => VisualBasicVerifier<Tls001>.VerifyAsync("""
        Imports System.Net
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Module TlsSetup
            Private Const LegacyTls11 As SslProtocols = {|#2:CType(768, SslProtocols)|}

            Public ReadOnly Property Fallback As SecurityProtocolType = SecurityProtocolType.Tls12

            Public Sub Configure(handler As HttpClientHandler)
                ServicePointManager.SecurityProtocol = {|#0:SecurityProtocolType.Tls Or SecurityProtocolType.Tls12|}
                ServicePointManager.SecurityProtocol = {|#1:ServicePointManager.SecurityProtocol Or SecurityProtocolType.Tls11|}
                handler.SslProtocols = LegacyTls11
                handler.SslProtocols = Legacy()
                ' A mask that removes the old versions is not a finding.
                ServicePointManager.SecurityProtocol = ServicePointManager.SecurityProtocol And Not (SecurityProtocolType.Tls Or SecurityProtocolType.Tls11)
            End Sub

            Private Function Legacy() As SslProtocols
                Return {|#3:SslProtocols.Tls Or SslProtocols.Tls12|}
            End Function

            ' Reading a negotiated protocol is never a finding.
            Public Function Describe(protocol As SslProtocols) As String
                Select Case protocol
                    Case SslProtocols.Tls, SslProtocols.Tls11
                        Return "deprecated"
                    Case Else
                        Return protocol.ToString()
                End Select
            End Function
        End Module
        """,
        VisualBasicVerifier<Tls001>.Diagnostic("TLS001").WithLocation(0).WithArguments("ServicePointManager.SecurityProtocol", "TLS 1.0", "RFC 8996", "SecurityProtocolType.Tls12 Or SecurityProtocolType.Tls13"),
        VisualBasicVerifier<Tls001>.Diagnostic("TLS001").WithLocation(1).WithArguments("ServicePointManager.SecurityProtocol", "TLS 1.1", "RFC 8996", "SecurityProtocolType.Tls12 Or SecurityProtocolType.Tls13"),
        VisualBasicVerifier<Tls001>.Diagnostic("TLS001").WithLocation(2).WithArguments("TlsSetup.LegacyTls11", "TLS 1.1", "RFC 8996", "SslProtocols.Tls12 Or SslProtocols.Tls13"),
        VisualBasicVerifier<Tls001>.Diagnostic("TLS001").WithLocation(3).WithArguments("TlsSetup.Legacy()", "TLS 1.0", "RFC 8996", "SslProtocols.Tls12 Or SslProtocols.Tls13"));

    [Fact]
    public Task ParenthesizedVersions_Report() => VisualBasicVerifier<Tls001>.VerifyAsync("""
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Module Parentheses
            Public Sub Configure(handler As HttpClientHandler)
                ' VB keeps parentheses in the operation tree: the value inside still reaches the setting.
                handler.SslProtocols = {|#0:(SslProtocols.Tls11 Or SslProtocols.Tls12)|}
                handler.SslProtocols = handler.SslProtocols And Not (SslProtocols.Tls Or SslProtocols.Tls11)
            End Sub
        End Module
        """,
        VisualBasicVerifier<Tls001>.Diagnostic("TLS001").WithLocation(0).WithArguments("HttpClientHandler.SslProtocols", "TLS 1.1", "RFC 8996", "SslProtocols.Tls12 Or SslProtocols.Tls13"));

    [Fact]
    public Task PinnedToTls12_Reports() => VisualBasicVerifier<Tls005>.VerifyAsync("""
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Class Clients
            Public Function Create() As HttpClient
                Return New HttpClient(New HttpClientHandler With {.SslProtocols = {|#0:SslProtocols.Tls12|}})
            End Function

            Public Function Modern() As HttpClientHandler
                Return New HttpClientHandler With {.SslProtocols = SslProtocols.Tls12 Or SslProtocols.Tls13}
            End Function
        End Class
        """,
        VisualBasicVerifier<Tls005>.Diagnostic("TLS005").WithLocation(0).WithArguments("HttpClientHandler.SslProtocols", "add SslProtocols.Tls13, or let the operating system choose (SslProtocols.None)"));

    // ---- TLS002 ----

    [Fact]
    public Task StreamsAuthenticatedAsServersElsewhere_AreServers() => VisualBasicVerifier<Tls002>.VerifyAsync(
        new[]
        {
            """
            Imports System.IO
            Imports System.Net.Security
            Imports System.Threading.Tasks

            Public Class Listener
                Private ReadOnly _handshake As New Handshake()

                Public Function ServeAsync(inner As Stream) As Task
                    Dim stream = New SslStream(inner, False, Function(sender, certificate, chain, errors) True)
                    Return _handshake.AsServerAsync(stream)
                End Function

                Public Function ServeWrappedAsync(inner As Stream) As Task
                    Return Wrap(inner).AuthenticateAsServerAsync(Handshake.Certificate, True, False)
                End Function

                Public Function ConnectAsync(inner As Stream) As Task
                    Dim stream = New SslStream(inner, False, {|#0:Function(sender, certificate, chain, errors) True|})
                    Return _handshake.AsClientAsync(stream)
                End Function

                Private Function Wrap(inner As Stream) As SslStream
                    Return New SslStream(inner, False, Function(sender, certificate, chain, errors) True)
                End Function
            End Class
            """,
            """
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates
            Imports System.Threading.Tasks

            Public Class Handshake
                Public Shared ReadOnly Property Certificate As X509Certificate2

                Public Function AsServerAsync(stream As SslStream) As Task
                    Return stream.AuthenticateAsServerAsync(Certificate, True, True)
                End Function

                Public Function AsClientAsync(stream As SslStream) As Task
                    Return stream.AuthenticateAsClientAsync("backend.example.com")
                End Function
            End Class
            """,
        },
        References.Net80,
        VisualBasicVerifier<Tls002>.Diagnostic("TLS002").WithLocation(0).WithArguments("New SslStream(userCertificateValidationCallback)", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"));

    [Fact]
    public Task AcceptAnyCallbacks_Report() => VisualBasicVerifier<Tls002>.VerifyAsync("""
        Imports System.Net
        Imports System.Net.Http
        Imports System.Net.Security
        Imports System.Security.Cryptography.X509Certificates

        Public Class Certificates
            Public Sub Install(handler As HttpClientHandler, settings As Settings)
                ServicePointManager.ServerCertificateValidationCallback = {|#0:Function(sender, certificate, chain, errors) True|}
                ServicePointManager.ServerCertificateValidationCallback = {|#1:AddressOf AcceptAll|}
                handler.ServerCertificateCustomValidationCallback = {|#2:Function(request, certificate, chain, errors)
                                                                         If settings.IgnoreErrors Then
                                                                             Return True
                                                                         End If
                                                                         Return errors = SslPolicyErrors.None
                                                                     End Function|}
                handler.ServerCertificateCustomValidationCallback = {|#3:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|}
                ' Strict and pinning callbacks are validation.
                ServicePointManager.ServerCertificateValidationCallback = Function(sender, certificate, chain, errors) errors = SslPolicyErrors.None
                handler.ServerCertificateCustomValidationCallback = Function(request, certificate, chain, errors) errors = SslPolicyErrors.None OrElse certificate.GetCertHashString() = "AB12"
            End Sub

            Private Shared Function AcceptAll(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                {|#4:Return True|}
            End Function
        End Class

        Public Class Settings
            Public Property IgnoreErrors As Boolean
        End Class
        """,
        VisualBasicVerifier<Tls002>.Diagnostic("TLS002").WithLocation(0).WithArguments("ServicePointManager.ServerCertificateValidationCallback", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"),
        VisualBasicVerifier<Tls002>.Diagnostic("TLS002").WithLocation(1).WithLocation(4).WithArguments("ServicePointManager.ServerCertificateValidationCallback", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"),
        VisualBasicVerifier<Tls002>.Diagnostic("TLS002").WithLocation(2).WithArguments("HttpClientHandler.ServerCertificateCustomValidationCallback", "is given a callback that returns true for certificates with errors without looking at the errors or the certificate", "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"),
        VisualBasicVerifier<Tls002>.Diagnostic("TLS002").WithLocation(3).WithArguments("HttpClientHandler.ServerCertificateCustomValidationCallback", "is given a callback that accepts every certificate (HttpClientHandler.DangerousAcceptAnyServerCertificateValidator)", "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"));

    [Fact]
    public Task ServerStreams_DoNotReport_ClientStreamsDo() => VisualBasicVerifier<Tls002>.VerifyAsync("""
        Imports System.IO
        Imports System.Net.Security
        Imports System.Security.Cryptography.X509Certificates

        Public Class Tunnel
            Public Sub Serve(inner As Stream, certificate As X509Certificate2)
                Dim server = New SslStream(inner, False, Function(s, c, ch, e) True)
                server.AuthenticateAsServer(certificate, True, False)
            End Sub

            Public Sub Connect(inner As Stream)
                Dim client = New SslStream(inner, False, {|#0:Function(s, c, ch, e) True|})
                client.AuthenticateAsClient("backend.example.com")
            End Sub
        End Class
        """,
        VisualBasicVerifier<Tls002>.Diagnostic("TLS002").WithLocation(0).WithArguments("New SslStream(userCertificateValidationCallback)", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"));

    // ---- TLS003 / TLS004 / TLS008 ----

    [Fact]
    public Task SystemNetMailInCleartext_Reports() => VisualBasicVerifier<Tls003>.VerifyAsync("""
        Imports System.Net.Mail

        Public Class Reports
            Public Sub Send(message As MailMessage)
                Using client = New SmtpClient("smtp.example.com", 587) With {.EnableSsl = {|#0:False|}}
                    client.Send(message)
                End Using

                Dim relay = New SmtpClient("localhost", 25)
                relay.Send(message)

                Dim secure As New SmtpClient("smtp.example.com", 587)
                secure.EnableSsl = True
                secure.Send(message)
            End Sub
        End Class
        """,
        VisualBasicVerifier<Tls003>.Diagnostic("TLS003").WithLocation(0).WithArguments(
            "SmtpClient sends to smtp.example.com:587 without TLS (EnableSsl = False)",
            "set EnableSsl = True (mandatory STARTTLS, on the submission port 587) or use MailKit with SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"));

    [Fact]
    public Task MailKitOptionalStartTls_Reports() => VisualBasicVerifier<Tls004>.VerifyAsync("""
        Imports MailKit.Net.Imap
        Imports MailKit.Net.Smtp
        Imports MailKit.Security

        Public Class Inbox
            Public Sub Open(imap As ImapClient, smtp As SmtpClient)
                imap.Connect("imap.example.com", 143, useSsl:={|#0:False|})
                smtp.Connect("smtp.example.com", 587, {|#1:SecureSocketOptions.StartTlsWhenAvailable|})
                smtp.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls)
                imap.Connect("imap.example.com", 993, SecureSocketOptions.SslOnConnect)
            End Sub
        End Class
        """,
        References.Net80WithMailKit,
        VisualBasicVerifier<Tls004>.Diagnostic("TLS004").WithLocation(0).WithArguments(
            "ImapClient.Connect to imap.example.com:143", "useSsl:=False", "use SecureSocketOptions.SslOnConnect on port 993 (RFC 8314 §3)"),
        VisualBasicVerifier<Tls004>.Diagnostic("TLS004").WithLocation(1).WithArguments(
            "SmtpClient.Connect to smtp.example.com:587", "SecureSocketOptions.StartTlsWhenAvailable", "use SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"));

    [Fact]
    public Task MailKitCleartextAndImplicitTlsAdvice_Report() => VisualBasicVerifier<Tls003>.VerifyAsync("""
        Imports MailKit.Net.Smtp
        Imports MailKit.Security

        Public Class Sender
            Public Sub Send(client As SmtpClient)
                client.Connect("smtp.example.com", 25, {|#0:SecureSocketOptions.None|})
                client.Connect("localhost", 25, SecureSocketOptions.None)
            End Sub
        End Class
        """,
        References.Net80WithMailKit,
        VisualBasicVerifier<Tls003>.Diagnostic("TLS003").WithLocation(0).WithArguments(
            "SmtpClient.Connect to smtp.example.com:25 does not use TLS (SecureSocketOptions.None)", "use SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"));

    [Fact]
    public Task PreferImplicitTls_Reports() => VisualBasicVerifier<Tls008>.VerifyAsync("""
        Imports MailKit.Net.Smtp
        Imports MailKit.Security

        Public Class Sender
            Public Sub Send(client As SmtpClient)
                client.Connect("smtp.example.com", 587, {|#0:SecureSocketOptions.StartTls|})
                client.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect)
            End Sub
        End Class
        """,
        References.Net80WithMailKit,
        VisualBasicVerifier<Tls008>.Diagnostic("TLS008").WithLocation(0).WithArguments(
            "SmtpClient.Connect to smtp.example.com:587 (SecureSocketOptions.StartTls)", "use SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"));

    // ---- TLS006 / TLS007 / TLS009 ----

    [Fact]
    public Task RevocationOff_Reports() => VisualBasicVerifier<Tls006>.VerifyAsync("""
        Imports System.Net
        Imports System.Net.Http
        Imports System.Security.Cryptography.X509Certificates

        Public Class Revocation
            Public Property CheckRevocation As Boolean = False

            Public Function Create(chain As X509Chain) As HttpClientHandler
                ServicePointManager.CheckCertificateRevocationList = {|#0:False|}
                chain.ChainPolicy.RevocationMode = {|#1:X509RevocationMode.NoCheck|}
                Return New HttpClientHandler With {.CheckCertificateRevocationList = True}
            End Function

            Public Function FromSettings(settings As Revocation) As HttpClientHandler
                Return New HttpClientHandler With {.CheckCertificateRevocationList = {|#2:settings.CheckRevocation|}}
            End Function
        End Class
        """,
        VisualBasicVerifier<Tls006>.Diagnostic("TLS006").WithLocation(0).WithArguments("ServicePointManager.CheckCertificateRevocationList = False", "set it to True"),
        VisualBasicVerifier<Tls006>.Diagnostic("TLS006").WithLocation(1).WithArguments("X509ChainPolicy.RevocationMode = X509RevocationMode.NoCheck", "set it to X509RevocationMode.Online"),
        VisualBasicVerifier<Tls006>.Diagnostic("TLS006").WithLocation(2).WithArguments("HttpClientHandler.CheckCertificateRevocationList = settings.CheckRevocation while Revocation.CheckRevocation keeps its default (False)", "set it to True"));

    [Fact]
    public Task RevocationOffInAChainAnchoredToTheCodesOwnCa_DoesNotReport_OneOnTheSystemsRootsDoes() => VisualBasicVerifier<Tls006>.VerifyAsync("""
        Imports System.Security.Cryptography.X509Certificates

        Public Module TrustedIssuer
            Public Function Check(certificate As X509Certificate2, authority As X509Certificate2) As Boolean
                Using chain As New X509Chain()
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck
                    chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority Or X509VerificationFlags.IgnoreEndRevocationUnknown
                    chain.ChainPolicy.ExtraStore.Add(authority)
                    Return chain.Build(certificate)
                End Using
            End Function

            Public Function InAWithBlock(certificate As X509Certificate2, authority As X509Certificate2) As Boolean
                Dim chain As New X509Chain()
                With chain.ChainPolicy
                    .RevocationMode = X509RevocationMode.NoCheck
                    .VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority
                    .ExtraStore.Add(authority)
                End With
                Return chain.Build(certificate)
            End Function

            Public Function SystemRootsInAWithBlock(certificate As X509Certificate2) As Boolean
                Dim chain As New X509Chain()
                With chain.ChainPolicy
                    .RevocationMode = {|#0:X509RevocationMode.NoCheck|}
                End With
                Return chain.Build(certificate)
            End Function
        End Module
        """,
        VisualBasicVerifier<Tls006>.Diagnostic("TLS006").WithLocation(0).WithArguments("X509ChainPolicy.RevocationMode = X509RevocationMode.NoCheck", "set it to X509RevocationMode.Online"));

    [Fact]
    public Task WeakeningSwitch_Reports() => VisualBasicVerifier<Tls007>.VerifyAsync("""
        Imports System

        Public Module Startup
            Public Sub Main()
                {|#0:AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", True)|}
                AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", False)
            End Sub
        End Module
        """,
        VisualBasicVerifier<Tls007>.Diagnostic("TLS007").WithLocation(0).WithArguments(
            "AppContext.SetSwitch(\"Switch.System.Net.DontEnableSchUseStrongCrypto\", True)",
            "stops .NET Framework from using strong cryptography: SSL 3.0 and TLS 1.0 become negotiable and TLS 1.2 may not be offered"));

    [Fact]
    public Task NullEncryption_Reports() => VisualBasicVerifier<Tls009>.VerifyAsync("""
        Imports System.IO
        Imports System.Net.Security

        Public Class Streams
            Public Function Open(inner As Stream) As SslStream
                Return New SslStream(inner, False, Nothing, Nothing, {|#0:EncryptionPolicy.NoEncryption|})
            End Function
        End Class
        """,
        References.Net48,
        VisualBasicVerifier<Tls009>.Diagnostic("TLS009").WithLocation(0).WithArguments("New SslStream(encryptionPolicy)", "NoEncryption"));

    // ---- shapes only Visual Basic has ----

    [Fact]
    public Task WithBlocksHandlersAndOptionStrictOff_Report() => VisualBasicVerifier<Tls002>.VerifyStrictOffAsync("""
        Imports System.Net
        Imports System.Net.Security
        Imports System.Security.Cryptography.X509Certificates

        Public Class Legacy
            Private WithEvents _client As WebClient

            Public Sub Configure(request As HttpWebRequest)
                With request
                    .ServerCertificateValidationCallback = {|#0:AddressOf TrustEverything|}
                End With
                ServicePointManager.ServerCertificateValidationCallback = {|#1:Function(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors)
                                                                              Return True
                                                                          End Function|}
            End Sub

            Private Function TrustEverything(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                {|#2:Return True|}
            End Function
        End Class
        """,
        References.Net48,
        VisualBasicVerifier<Tls002>.Diagnostic("TLS002").WithLocation(0).WithLocation(2).WithArguments("HttpWebRequest.ServerCertificateValidationCallback", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"),
        VisualBasicVerifier<Tls002>.Diagnostic("TLS002").WithLocation(1).WithArguments("ServicePointManager.ServerCertificateValidationCallback", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None"));

    [Fact]
    public Task SmtpClientInAWithBlockAndObjectInitializer_Reports() => VisualBasicVerifier<Tls003>.VerifyAsync("""
        Imports System.Net.Mail

        Public Module Mailer
            Public Sub Send(message As MailMessage)
                Dim client As New SmtpClient("smtp.example.com", 587)
                With client
                    .EnableSsl = {|#0:False|}
                    .Send(message)
                End With

                Dim secure = New SmtpClient With {.Host = "smtp.example.com", .Port = 587, .EnableSsl = True}
                secure.Send(message)

                Dim securedInABlock = New SmtpClient()
                With securedInABlock
                    .Host = "smtp.example.com"
                    .Port = 587
                    .EnableSsl = True
                    .Send(message)
                End With

                Dim neverSecured = {|#1:New SmtpClient()|}
                With neverSecured
                    .Host = "smtp.example.com"
                    .Send(message)
                End With
            End Sub
        End Module
        """,
        VisualBasicVerifier<Tls003>.Diagnostic("TLS003").WithLocation(0).WithArguments(
            "SmtpClient sends to smtp.example.com:587 without TLS (EnableSsl = False)",
            "set EnableSsl = True (mandatory STARTTLS, on the submission port 587) or use MailKit with SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"),
        VisualBasicVerifier<Tls003>.Diagnostic("TLS003").WithLocation(1).WithArguments(
            "SmtpClient sends to smtp.example.com:25 without TLS (EnableSsl is not set)",
            "set EnableSsl = True (mandatory STARTTLS, on the submission port 587) or use MailKit with SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"));

    [Fact]
    public Task SmtpClientNeverSecured_ReportsAtItsCreation() => VisualBasicVerifier<Tls003>.VerifyAsync("""
        Imports System.Net.Mail

        Public Module Mailer
            Public Sub Send(message As MailMessage)
                Using client = {|#0:New SmtpClient("smtp.example.com", 25)|}
                    client.Send(message)
                End Using
            End Sub
        End Module
        """,
        VisualBasicVerifier<Tls003>.Diagnostic("TLS003").WithLocation(0).WithArguments(
            "SmtpClient sends to smtp.example.com:25 without TLS (EnableSsl is not set)",
            "set EnableSsl = True (mandatory STARTTLS, on the submission port 587) or use MailKit with SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)"));

    [Fact]
    public Task CaseInsensitiveNames_AreStillFound() => VisualBasicVerifier<Tls001>.VerifyAsync("""
        imports system.net

        public module lower
            public sub configure()
                servicepointmanager.securityprotocol = {|#0:securityprotocoltype.tls11|}
            end sub
        end module
        """,
        VisualBasicVerifier<Tls001>.Diagnostic("TLS001").WithLocation(0).WithArguments("ServicePointManager.SecurityProtocol", "TLS 1.1", "RFC 8996", "SecurityProtocolType.Tls12 Or SecurityProtocolType.Tls13"));

    [Fact]
    public Task LibrarySettingsThatSkipValidation_Report() => VisualBasicVerifier<Tls002>.VerifyAsync(
        new[]
        {
            """
            Namespace Global.Npgsql
                Public Class NpgsqlConnectionStringBuilder
                    Public Property TrustServerCertificate As Boolean
                End Class
            End Namespace

            Namespace Global.MQTTnet.Client
                Public Class MqttClientTlsOptionsBuilder
                    Public Function WithAllowUntrustedCertificates(Optional allowUntrustedCertificates As Boolean = True) As MqttClientTlsOptionsBuilder
                        Return Me
                    End Function
                End Class
            End Namespace
            """,
            """
            Imports MQTTnet.Client
            Imports Npgsql

            Public Class Database
                Public Function Builder() As NpgsqlConnectionStringBuilder
                    Dim tls = {|#1:New MqttClientTlsOptionsBuilder().WithAllowUntrustedCertificates()|}
                    Return New NpgsqlConnectionStringBuilder With {.TrustServerCertificate = {|#0:True|}}
                End Function
            End Class
            """,
        },
        References.Net80,
        VisualBasicVerifier<Tls002>.Diagnostic("TLS002").WithLocation(0).WithArguments("NpgsqlConnectionStringBuilder.TrustServerCertificate = True", "makes Npgsql trust any server certificate", "set it to False"),
        VisualBasicVerifier<Tls002>.Diagnostic("TLS002").WithLocation(1).WithArguments("MqttClientTlsOptionsBuilder.WithAllowUntrustedCertificates()", "makes MQTTnet accept certificates from untrusted issuers", "remove the call, or pass False"));

    [Fact]
    public Task LdapCallbackThatReturnsTrue_Reports() => VisualBasicVerifier<Tls002>.VerifyAsync(
        new[]
        {
            """
            Imports System.Security.Cryptography.X509Certificates

            Namespace Global.System.DirectoryServices.Protocols
                Public Delegate Function VerifyServerCertificateCallback(connection As LdapConnection, certificate As X509Certificate) As Boolean

                Public Class LdapConnection
                    Public ReadOnly Property SessionOptions As New LdapSessionOptions()
                End Class

                Public Class LdapSessionOptions
                    Public Property VerifyServerCertificate As VerifyServerCertificateCallback
                End Class
            End Namespace
            """,
            """
            Imports System.DirectoryServices.Protocols

            Public Class Directory
                Public Sub Connect(connection As LdapConnection)
                    connection.SessionOptions.VerifyServerCertificate = {|#0:Function(c, certificate) True|}
                End Sub
            End Class
            """,
        },
        References.Net80,
        VisualBasicVerifier<Tls002>.Diagnostic("TLS002").WithLocation(0).WithArguments("LdapSessionOptions.VerifyServerCertificate", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or check the certificate (its issuer, thumbprint or chain)"));

    [Fact]
    public Task RegistryWritesThatWeakenTls_Report() => VisualBasicVerifier<Tls007>.VerifyAsync("""
        Imports Microsoft.Win32

        Public Class Installer
            Public Shared Sub Weaken()
                {|#0:Registry.SetValue("HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\.NETFramework\v4.0.30319", "SchUseStrongCrypto", 0, RegistryValueKind.DWord)|}
                Registry.SetValue("HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\.NETFramework\v4.0.30319", "SystemDefaultTlsVersions", 1, RegistryValueKind.DWord)
            End Sub
        End Class
        """,
        References.Net48,
        VisualBasicVerifier<Tls007>.Diagnostic("TLS007").WithLocation(0).WithArguments(
            "The registry value SchUseStrongCrypto = 0 (HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319)",
            "stops .NET Framework from using strong cryptography on this machine: SSL 3.0 and TLS 1.0 become negotiable and TLS 1.2 may not be offered"));
}
