using System.Threading.Tasks;
using TlsMinAnalyzer.CodeFixes.Rules;
using TlsMinAnalyzer.Tests.Verifiers;

namespace TlsMinAnalyzer.Tests.VisualBasic;

/// <summary>
/// The fixes in Visual Basic documents: idiomatic VB (<c>Or</c>, <c>True</c>, <c>Function(...) x = y</c>, <c>If(...)</c>),
/// the same keys as in C# (Fix All in document, project and solution is run by the verifier), and the target's API.
/// </summary>
public class VisualBasicFixTests
{
    [Fact]
    public Task DeprecatedProtocols_BecomeTls12AndTls13() => VisualBasicFixVerifier<Tls001, DeprecatedProtocolCodeFixProvider>.VerifyAsync("""
        Imports System.Net
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Module Setup
            Public Sub Configure(handler As HttpClientHandler)
                ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls Or SecurityProtocolType.Tls12|]
                handler.SslProtocols = [|CType(768, SslProtocols)|]
                handler.SslProtocols = [|(SslProtocols.Tls11 Or SslProtocols.Tls12)|]
            End Sub
        End Module
        """, """
        Imports System.Net
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Module Setup
            Public Sub Configure(handler As HttpClientHandler)
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 Or SecurityProtocolType.Tls13
                handler.SslProtocols = SslProtocols.Tls12 Or SslProtocols.Tls13
                handler.SslProtocols = SslProtocols.Tls12 Or SslProtocols.Tls13
            End Sub
        End Module
        """, DeprecatedProtocolCodeFixProvider.UseModernVersionsKey);

    [Fact]
    public Task DeprecatedProtocolOnNet472_BecomesTls12Only() => VisualBasicFixVerifier<Tls001, DeprecatedProtocolCodeFixProvider>.VerifyAsync("""
        Imports System.Net

        Public Module Setup
            Public Sub Configure()
                ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls11|]
            End Sub
        End Module
        """, """
        Imports System.Net

        Public Module Setup
            Public Sub Configure()
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12
            End Sub
        End Module
        """, DeprecatedProtocolCodeFixProvider.UseModernVersionsKey, References.Net472);

    [Fact]
    public Task PinnedTls12_GetsTls13() => VisualBasicFixVerifier<Tls005, PinnedVersionsCodeFixProvider>.VerifyAsync("""
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Module Clients
            Public Function Create() As HttpClientHandler
                Return New HttpClientHandler With {.SslProtocols = [|SslProtocols.Tls12|]}
            End Function
        End Module
        """, """
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Module Clients
            Public Function Create() As HttpClientHandler
                Return New HttpClientHandler With {.SslProtocols = SslProtocols.Tls12 Or SslProtocols.Tls13}
            End Function
        End Module
        """, PinnedVersionsCodeFixProvider.AddTls13Key);

    [Fact]
    public Task AcceptAllCallbacks_AreRemoved() => VisualBasicFixVerifier<Tls002, CertificateValidationCodeFixProvider>.VerifyAsync("""
        Imports System.Net
        Imports System.Net.Http

        Public Module Certificates
            Public Sub Install(handler As HttpClientHandler)
                ' Kept: the comment above the statement goes with it only when it is the statement's own.
                ServicePointManager.ServerCertificateValidationCallback = [|Function(sender, certificate, chain, errors) True|]
                handler.ServerCertificateCustomValidationCallback = [|HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|]
                handler.UseProxy = False
            End Sub
        End Module
        """, """
        Imports System.Net
        Imports System.Net.Http

        Public Module Certificates
            Public Sub Install(handler As HttpClientHandler)
                ' Kept: the comment above the statement goes with it only when it is the statement's own.
                handler.UseProxy = False
            End Sub
        End Module
        """, CertificateValidationCodeFixProvider.RemoveCallbackKey);

    // In TrustAll the parameter sslPolicyErrors hides the type SslPolicyErrors (VB names are case-insensitive): the fix
    // names the type by its namespace there, so the comparison does not read the parameter's shared member.
    [Fact]
    public Task AcceptAllCallbacks_BecomeStrict() => VisualBasicFixVerifier<Tls002, CertificateValidationCodeFixProvider>.VerifyAsync("""
        Imports System.Net
        Imports System.Net.Security
        Imports System.Security.Cryptography.X509Certificates

        Public Module Certificates
            Public Sub Install()
                ServicePointManager.ServerCertificateValidationCallback = [|Function(sender, certificate, chain, errors) True|]
                ServicePointManager.ServerCertificateValidationCallback = [|AddressOf TrustAll|]
            End Sub

            Private Function TrustAll(sender As Object, certificate As X509Certificate, chain As X509Chain, sslPolicyErrors As SslPolicyErrors) As Boolean
                Return True
            End Function
        End Module
        """, """
        Imports System.Net
        Imports System.Net.Security
        Imports System.Security.Cryptography.X509Certificates

        Public Module Certificates
            Public Sub Install()
                ServicePointManager.ServerCertificateValidationCallback = Function(sender, certificate, chain, errors) errors = SslPolicyErrors.None
                ServicePointManager.ServerCertificateValidationCallback = AddressOf TrustAll
            End Sub

            Private Function TrustAll(sender As Object, certificate As X509Certificate, chain As X509Chain, sslPolicyErrors As SslPolicyErrors) As Boolean
                Return sslPolicyErrors = System.Net.Security.SslPolicyErrors.None
            End Function
        End Module
        """, CertificateValidationCodeFixProvider.AcceptOnlyValidKey);

    [Fact]
    public Task EnableSslFalse_BecomesTrue() => VisualBasicFixVerifier<Tls003, MailWithoutTlsCodeFixProvider>.VerifyAsync("""
        Imports System.Net.Mail

        Public Module Mailer
            Public Sub Send(message As MailMessage)
                Using client As New SmtpClient("smtp.example.com", 587) With {.EnableSsl = [|False|]}
                    client.Send(message)
                End Using
            End Sub
        End Module
        """, """
        Imports System.Net.Mail

        Public Module Mailer
            Public Sub Send(message As MailMessage)
                Using client As New SmtpClient("smtp.example.com", 587) With {.EnableSsl = True}
                    client.Send(message)
                End Using
            End Sub
        End Module
        """, MailWithoutTlsCodeFixProvider.UseTlsKey);

    [Fact]
    public Task MailKitCleartextAndOptionalStartTls_RequireTlsOnTheSamePort() => VisualBasicFixVerifier<Tls004, OptionalStartTlsCodeFixProvider>.VerifyAsync("""
        Imports MailKit.Net.Imap
        Imports MailKit.Net.Smtp
        Imports MailKit.Security

        Public Class Inbox
            Private ReadOnly _port As Integer = 143

            Public Sub Open(imap As ImapClient, smtp As SmtpClient, port As Integer)
                imap.Connect("imap.example.com", 143, useSsl:=[|False|])
                smtp.Connect("smtp.example.com", 587, [|SecureSocketOptions.StartTlsWhenAvailable|])
                imap.Connect("imap.example.com", port, [|SecureSocketOptions.StartTlsWhenAvailable|])
            End Sub
        End Class
        """, """
        Imports MailKit.Net.Imap
        Imports MailKit.Net.Smtp
        Imports MailKit.Security

        Public Class Inbox
            Private ReadOnly _port As Integer = 143

            Public Sub Open(imap As ImapClient, smtp As SmtpClient, port As Integer)
                imap.Connect("imap.example.com", 143, options:=SecureSocketOptions.StartTls)
                smtp.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls)
                imap.Connect("imap.example.com", port, If(port = 993, SecureSocketOptions.SslOnConnect, SecureSocketOptions.StartTls))
            End Sub
        End Class
        """, OptionalStartTlsCodeFixProvider.RequireTlsKey, References.Net80WithMailKit);

    [Fact]
    public Task MailKitStartTls_MovesToImplicitTls() => VisualBasicFixVerifier<Tls008, PreferImplicitTlsCodeFixProvider>.VerifyAsync("""
        Imports MailKit.Net.Smtp
        Imports MailKit.Security

        Public Module Sender
            Public Sub Send(client As SmtpClient)
                client.Connect("smtp.example.com", 587, [|SecureSocketOptions.StartTls|])
            End Sub
        End Module
        """, """
        Imports MailKit.Net.Smtp
        Imports MailKit.Security

        Public Module Sender
            Public Sub Send(client As SmtpClient)
                client.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect)
            End Sub
        End Module
        """, PreferImplicitTlsCodeFixProvider.UseImplicitTlsKey, References.Net80WithMailKit);

    [Fact]
    public Task RevocationAndSwitches_AreTurnedBackOn() => VisualBasicFixVerifier<Tls006, RevocationCheckCodeFixProvider>.VerifyAsync("""
        Imports System
        Imports System.Net
        Imports System.Security.Cryptography.X509Certificates

        Public Module Revocation
            Public Sub Configure(chain As X509Chain)
                ServicePointManager.CheckCertificateRevocationList = [|False|]
                chain.ChainPolicy.RevocationMode = [|X509RevocationMode.NoCheck|]
                [|AppContext.SetSwitch("System.Net.Security.OfflineRevocationByDefault", True)|]
                Console.WriteLine("configured")
            End Sub
        End Module
        """, """
        Imports System
        Imports System.Net
        Imports System.Security.Cryptography.X509Certificates

        Public Module Revocation
            Public Sub Configure(chain As X509Chain)
                ServicePointManager.CheckCertificateRevocationList = True
                chain.ChainPolicy.RevocationMode = X509RevocationMode.Online
                Console.WriteLine("configured")
            End Sub
        End Module
        """, RevocationCheckCodeFixProvider.CheckRevocationKey);

    [Fact]
    public Task WeakeningSwitch_IsRemoved() => VisualBasicFixVerifier<Tls007, WeakeningSwitchCodeFixProvider>.VerifyAsync("""
        Imports System

        Public Module Startup
            Public Sub Main()
                [|AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", True)|]
                Console.WriteLine("started")
            End Sub
        End Module
        """, """
        Imports System

        Public Module Startup
            Public Sub Main()
                Console.WriteLine("started")
            End Sub
        End Module
        """, WeakeningSwitchCodeFixProvider.RemoveSwitchKey);

    [Fact]
    public Task NullEncryption_RequiresEncryption() => VisualBasicFixVerifier<Tls009, NullEncryptionCodeFixProvider>.VerifyAsync("""
        Imports System.IO
        Imports System.Net.Security

        Public Class Streams
            Public Shared Function Open(inner As Stream) As SslStream
                Return New SslStream(inner, False, Nothing, Nothing, [|EncryptionPolicy.AllowNoEncryption|])
            End Function
        End Class
        """, """
        Imports System.IO
        Imports System.Net.Security

        Public Class Streams
            Public Shared Function Open(inner As Stream) As SslStream
                Return New SslStream(inner, False, Nothing, Nothing, EncryptionPolicy.RequireEncryption)
            End Function
        End Class
        """, NullEncryptionCodeFixProvider.RequireEncryptionKey, References.Net48);

    [Fact]
    public Task DeprecatedProtocol_LetTheOperatingSystemChoose() => VisualBasicFixVerifier<Tls001, DeprecatedProtocolCodeFixProvider>.VerifyAsync("""
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Module Clients
            Public Function Create() As HttpClientHandler
                Return New HttpClientHandler With {.SslProtocols = [|SslProtocols.Tls Or SslProtocols.Tls12|]}
            End Function
        End Module
        """, """
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Module Clients
            Public Function Create() As HttpClientHandler
                Return New HttpClientHandler With {.SslProtocols = SslProtocols.None}
            End Function
        End Module
        """, DeprecatedProtocolCodeFixProvider.LetOperatingSystemChooseKey);

    [Fact]
    public Task SmtpClientNeverSecured_GetsEnableSslAfterItIsMade() => VisualBasicFixVerifier<Tls003, MailWithoutTlsCodeFixProvider>.VerifyAsync("""
        Imports System.Net.Mail

        Public Module Mailer
            Public Sub Send(message As MailMessage)
                Dim client = [|New SmtpClient("smtp.example.com", 587)|]
                client.Send(message)

                Using other As [|New SmtpClient("smtp.example.com", 587)|]
                    other.Send(message)
                End Using
            End Sub
        End Module
        """, """
        Imports System.Net.Mail

        Public Module Mailer
            Public Sub Send(message As MailMessage)
                Dim client = New SmtpClient("smtp.example.com", 587)
                client.EnableSsl = True
                client.Send(message)

                Using other As New SmtpClient("smtp.example.com", 587)
                    other.EnableSsl = True
                    other.Send(message)
                End Using
            End Sub
        End Module
        """, MailWithoutTlsCodeFixProvider.UseTlsKey);

    [Fact]
    public Task SslStreamCallbackArgument_IsRemoved() => VisualBasicFixVerifier<Tls002, CertificateValidationCodeFixProvider>.VerifyAsync("""
        Imports System.IO
        Imports System.Net.Security

        Public Module Streams
            Public Function Open(inner As Stream) As SslStream
                Dim stream = New SslStream(inner, False, [|Function(sender, certificate, chain, errors) True|])
                stream.AuthenticateAsClient("backend.example.com")
                Return stream
            End Function
        End Module
        """, """
        Imports System.IO
        Imports System.Net.Security

        Public Module Streams
            Public Function Open(inner As Stream) As SslStream
                Dim stream = New SslStream(inner, False)
                stream.AuthenticateAsClient("backend.example.com")
                Return stream
            End Function
        End Module
        """, CertificateValidationCodeFixProvider.RemoveCallbackKey);

    [Fact]
    public Task SharedConstantsAndMappings_AreFixedWhereTheyAreWrittenOrWhereSettingsReadThem() => VisualBasicFixVerifier<Tls001, DeprecatedProtocolCodeFixProvider>.VerifyAsync("""
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Class Transport
            ' Read only by a setting: fixed where it is written.
            Private Const Fallback As SslProtocols = [|SslProtocols.Tls11|]

            ' Also compared: the setting that reads it is fixed, the constant keeps its meaning for the comparison.
            Private Const Legacy As SslProtocols = [|SslProtocols.Tls Or SslProtocols.Tls11|]

            Public Function Create(configured As Integer) As HttpClientHandler
                Dim handler As New HttpClientHandler With {.SslProtocols = Fallback}
                handler.SslProtocols = Legacy
                handler.SslProtocols = [|Wire.Parse(configured)|]
                Return handler
            End Function

            Public Function IsLegacy(negotiated As SslProtocols) As Boolean
                Return negotiated = Legacy
            End Function
        End Class

        Public Module Wire
            Public Function Parse(version As Integer) As SslProtocols
                Select Case version
                    Case 1
                        Return SslProtocols.Tls
                    Case Else
                        Return SslProtocols.Tls12
                End Select
            End Function
        End Module
        """, """
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Class Transport
            ' Read only by a setting: fixed where it is written.
            Private Const Fallback As SslProtocols = SslProtocols.Tls12 Or SslProtocols.Tls13

            ' Also compared: the setting that reads it is fixed, the constant keeps its meaning for the comparison.
            Private Const Legacy As SslProtocols = SslProtocols.Tls Or SslProtocols.Tls11

            Public Function Create(configured As Integer) As HttpClientHandler
                Dim handler As New HttpClientHandler With {.SslProtocols = Fallback}
                handler.SslProtocols = SslProtocols.Tls12 Or SslProtocols.Tls13
                handler.SslProtocols = Wire.Parse(configured) And (SslProtocols.Tls12 Or SslProtocols.Tls13)
                Return handler
            End Function

            Public Function IsLegacy(negotiated As SslProtocols) As Boolean
                Return negotiated = Legacy
            End Function
        End Class

        Public Module Wire
            Public Function Parse(version As Integer) As SslProtocols
                Select Case version
                    Case 1
                        Return SslProtocols.Tls
                    Case Else
                        Return SslProtocols.Tls12
                End Select
            End Function
        End Module
        """, DeprecatedProtocolCodeFixProvider.UseModernVersionsKey);

    [Fact]
    public Task MailKitOptionalStartTls_ImplicitTlsAlternative() => VisualBasicFixVerifier<Tls004, OptionalStartTlsCodeFixProvider>.VerifyAsync("""
        Imports MailKit.Net.Imap
        Imports MailKit.Net.Smtp
        Imports MailKit.Security

        Public Class Inbox
            Public Sub Open(imap As ImapClient, smtp As SmtpClient)
                imap.Connect("imap.example.com", 143, useSsl:=[|False|])
                smtp.Connect("smtp.example.com", 587, [|SecureSocketOptions.StartTlsWhenAvailable|])
            End Sub
        End Class
        """, """
        Imports MailKit.Net.Imap
        Imports MailKit.Net.Smtp
        Imports MailKit.Security

        Public Class Inbox
            Public Sub Open(imap As ImapClient, smtp As SmtpClient)
                imap.Connect("imap.example.com", 993, useSsl:=True)
                smtp.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect)
            End Sub
        End Class
        """, OptionalStartTlsCodeFixProvider.UseImplicitTlsKey, References.Net80WithMailKit);

    [Fact]
    public Task SystemNetMailOnTheRelayPort_SubmissionPortAlternative() => VisualBasicFixVerifier<Tls003, MailWithoutTlsCodeFixProvider>.VerifyAsync("""
        Imports System.Net.Mail

        Public Module Mailer
            Public Sub Send(message As MailMessage)
                Dim client = [|New SmtpClient("smtp.example.com", 25)|]
                client.Send(message)

                Dim other As New SmtpClient("smtp.example.com", 25) With {.EnableSsl = [|False|]}
                other.Send(message)
            End Sub
        End Module
        """, """
        Imports System.Net.Mail

        Public Module Mailer
            Public Sub Send(message As MailMessage)
                Dim client = New SmtpClient("smtp.example.com", 587)
                client.EnableSsl = True
                client.Send(message)

                Dim other As New SmtpClient("smtp.example.com", 587) With {.EnableSsl = True}
                other.Send(message)
            End Sub
        End Module
        """, MailWithoutTlsCodeFixProvider.UseSubmissionPortKey);

    [Fact]
    public Task MailKitDefaultOptions_GetOptionsRequiringTls() => VisualBasicFixVerifier<Tls004, OptionalStartTlsCodeFixProvider>.VerifyAsync("""
        Imports MailKit.Net.Smtp

        Public Module Sender
            Public Sub Send(client As SmtpClient)
                [|client.Connect("smtp.example.com", 587)|]
            End Sub
        End Module
        """, """
        Imports MailKit.Net.Smtp

        Public Module Sender
            Public Sub Send(client As SmtpClient)
                client.Connect("smtp.example.com", 587, options:=MailKit.Security.SecureSocketOptions.StartTls)
            End Sub
        End Module
        """, OptionalStartTlsCodeFixProvider.RequireTlsKey, References.Net80WithMailKit);

    [Fact]
    public Task RemovedCallback_TakesItsUnusedPrivateMethod() => VisualBasicFixVerifier<Tls002, CertificateValidationCodeFixProvider>.VerifyAsync("""
        Imports System.Net
        Imports System.Net.Security
        Imports System.Security.Cryptography.X509Certificates

        Public Module Certificates
            Public Sub Install()
                ServicePointManager.ServerCertificateValidationCallback = [|AddressOf TrustAll|]
            End Sub

            Private Function TrustAll(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                Return True
            End Function

            Public Sub Other()
            End Sub
        End Module
        """, """
        Imports System.Net
        Imports System.Net.Security
        Imports System.Security.Cryptography.X509Certificates

        Public Module Certificates
            Public Sub Install()
            End Sub

            Public Sub Other()
            End Sub
        End Module
        """, CertificateValidationCodeFixProvider.RemoveCallbackKey);

    [Fact]
    public Task MailKitUri_RequiresStartTls() => VisualBasicFixVerifier<Tls003, MailWithoutTlsCodeFixProvider>.VerifyAsync("""
        Imports System
        Imports MailKit.Net.Smtp

        Public Module Archive
            Public Sub Send(client As SmtpClient)
                client.Connect([|New Uri("smtp://archive.example.com:587?starttls=never")|])
            End Sub
        End Module
        """, """
        Imports System
        Imports MailKit.Net.Smtp

        Public Module Archive
            Public Sub Send(client As SmtpClient)
                client.Connect(New Uri("smtp://archive.example.com:587?starttls=always"))
            End Sub
        End Module
        """, MailWithoutTlsCodeFixProvider.UseTlsKey, References.Net80WithMailKit);

    [Fact]
    public Task DeprecatedConstantsOredWithReads_BecomeCurrentVersions_TheReadsStay() => VisualBasicFixVerifier<Tls001, DeprecatedProtocolCodeFixProvider>.VerifyAsync("""
        Imports System.Net
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Module Setup
            Public Sub Configure(handler As HttpClientHandler, configured As SslProtocols)
                ServicePointManager.SecurityProtocol = [|ServicePointManager.SecurityProtocol Or SecurityProtocolType.Tls11|]
                handler.SslProtocols = [|configured Or SslProtocols.Tls Or SslProtocols.Tls13|]
            End Sub
        End Module
        """, """
        Imports System.Net
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Module Setup
            Public Sub Configure(handler As HttpClientHandler, configured As SslProtocols)
                ServicePointManager.SecurityProtocol = ServicePointManager.SecurityProtocol Or SecurityProtocolType.Tls12 Or SecurityProtocolType.Tls13
                handler.SslProtocols = configured Or SslProtocols.Tls12 Or SslProtocols.Tls13
            End Sub
        End Module
        """, DeprecatedProtocolCodeFixProvider.UseModernVersionsKey);

    // A public constant keeps its finding (code outside the project may set it), as in C#; the setting here is fixed.
    [Fact]
    public Task PublicConstantComparedInOneFile_SetInAnother_FixesTheSettingThere() => VisualBasicFixVerifier<Tls001, DeprecatedProtocolCodeFixProvider>.VerifyAsync(
        new[]
        {
            """
            Imports System.Security.Authentication

            Public Module Protocols
                Public Const Legacy As SslProtocols = [|SslProtocols.Tls11|]

                Public Function IsLegacy(negotiated As SslProtocols) As Boolean
                    Return negotiated = Legacy
                End Function
            End Module
            """,
            """
            Imports System.Net.Http

            Public Module Clients
                Public Function Create() As HttpClientHandler
                    Return New HttpClientHandler With {.SslProtocols = Protocols.Legacy}
                End Function
            End Module
            """,
        },
        new[]
        {
            """
            Imports System.Security.Authentication

            Public Module Protocols
                Public Const Legacy As SslProtocols = [|SslProtocols.Tls11|]

                Public Function IsLegacy(negotiated As SslProtocols) As Boolean
                    Return negotiated = Legacy
                End Function
            End Module
            """,
            """
            Imports System.Net.Http

            Public Module Clients
                Public Function Create() As HttpClientHandler
                    Return New HttpClientHandler With {.SslProtocols = System.Security.Authentication.SslProtocols.Tls12 Or System.Security.Authentication.SslProtocols.Tls13}
                End Function
            End Module
            """,
        },
        DeprecatedProtocolCodeFixProvider.UseModernVersionsKey);

    [Fact]
    public Task TheLocalThatHeldTheOldChoice_GoesWithIt() => VisualBasicFixVerifier<Tls004, OptionalStartTlsCodeFixProvider>.VerifyAsync("""
        Imports MailKit.Net.Smtp

        Public Class SmtpSettings
            Public Property Port As Integer
            Public Property SslOverride As Boolean
            Public Property Ssl As Boolean
        End Class

        Public Class Sender
            Public Sub Send(client As SmtpClient, settings As SmtpSettings)
                Dim useSsl = If(settings.Port = 587 AndAlso Not settings.SslOverride, False, settings.Ssl)
                client.Connect("smtp.example.com", 587, [|useSsl|])
            End Sub
        End Class
        """, """
        Imports MailKit.Net.Smtp

        Public Class SmtpSettings
            Public Property Port As Integer
            Public Property SslOverride As Boolean
            Public Property Ssl As Boolean
        End Class

        Public Class Sender
            Public Sub Send(client As SmtpClient, settings As SmtpSettings)
                client.Connect("smtp.example.com", 587, MailKit.Security.SecureSocketOptions.StartTls)
            End Sub
        End Class
        """, OptionalStartTlsCodeFixProvider.RequireTlsKey, References.Net80WithMailKit);

    [Fact]
    public Task RemovedCallback_TakesTheLocalThatHeldIt() => VisualBasicFixVerifier<Tls002, CertificateValidationCodeFixProvider>.VerifyAsync("""
        Imports System.Net
        Imports System.Net.Security

        Public Module Certificates
            Public Sub Install()
                Dim trustAll As RemoteCertificateValidationCallback = Function(sender, certificate, chain, errors) True
                ServicePointManager.ServerCertificateValidationCallback = [|trustAll|]
                ServicePointManager.Expect100Continue = False
            End Sub
        End Module
        """, """
        Imports System.Net
        Imports System.Net.Security

        Public Module Certificates
            Public Sub Install()
                ServicePointManager.Expect100Continue = False
            End Sub
        End Module
        """, CertificateValidationCodeFixProvider.RemoveCallbackKey);

    [Fact]
    public Task SharedConstant_LetTheOperatingSystemChooseWhereSettingsReadIt() => VisualBasicFixVerifier<Tls001, DeprecatedProtocolCodeFixProvider>.VerifyAsync("""
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Class Transport
            Private Const Legacy As SslProtocols = [|SslProtocols.Tls Or SslProtocols.Tls11|]

            Public Function Create() As HttpClientHandler
                Return New HttpClientHandler With {.SslProtocols = Legacy}
            End Function

            Public Function IsLegacy(negotiated As SslProtocols) As Boolean
                Return negotiated = Legacy
            End Function
        End Class
        """, """
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Class Transport
            Private Const Legacy As SslProtocols = SslProtocols.Tls Or SslProtocols.Tls11

            Public Function Create() As HttpClientHandler
                Return New HttpClientHandler With {.SslProtocols = SslProtocols.None}
            End Function

            Public Function IsLegacy(negotiated As SslProtocols) As Boolean
                Return negotiated = Legacy
            End Function
        End Class
        """, DeprecatedProtocolCodeFixProvider.LetOperatingSystemChooseKey);

    [Fact]
    public Task RemovedCallback_TakesThePrivateFieldThatHeldIt() => VisualBasicFixVerifier<Tls002, CertificateValidationCodeFixProvider>.VerifyAsync("""
        Imports System
        Imports System.Net
        Imports System.Net.Security

        Public Class Certificates
            Private Shared ReadOnly TrustAll As RemoteCertificateValidationCallback = Function(sender, certificate, chain, errors) True
            Private Shared ReadOnly Used As RemoteCertificateValidationCallback = Function(sender, certificate, chain, errors) True

            Public Shared Sub Install()
                ServicePointManager.ServerCertificateValidationCallback = [|TrustAll|]
            End Sub

            Public Shared Sub InstallAgain()
                ServicePointManager.ServerCertificateValidationCallback = [|Used|]
                Console.WriteLine(Used)
            End Sub
        End Class
        """, """
        Imports System
        Imports System.Net
        Imports System.Net.Security

        Public Class Certificates
            Private Shared ReadOnly Used As RemoteCertificateValidationCallback = [|Function(sender, certificate, chain, errors) True|]

            Public Shared Sub Install()
            End Sub

            Public Shared Sub InstallAgain()
                Console.WriteLine(Used)
            End Sub
        End Class
        """, CertificateValidationCodeFixProvider.RemoveCallbackKey);

    [Fact]
    public Task ObsoleteServicePointManager_LetTheOperatingSystemChooseRemovesTheAssignment() => VisualBasicFixVerifier<Tls001, DeprecatedProtocolCodeFixProvider>.VerifyAsync("""
        Imports System.Net

        Public Module Startup
            Public Sub Configure(legacy As Boolean)
                ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls Or SecurityProtocolType.Tls12|]
                If legacy Then ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls11|]
                ServicePointManager.Expect100Continue = False
            End Sub
        End Module
        """, """
        Imports System.Net

        Public Module Startup
            Public Sub Configure(legacy As Boolean)
                If legacy Then ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault
                ServicePointManager.Expect100Continue = False
            End Sub
        End Module
        """, DeprecatedProtocolCodeFixProvider.LetOperatingSystemChooseKey, References.Net90);

    [Fact]
    public Task ObsoleteServicePointManager_NotRemovedOnTheFramework() => VisualBasicFixVerifier<Tls001, DeprecatedProtocolCodeFixProvider>.VerifyAsync("""
        Imports System.Net

        Public Class Startup
            Public Shared Sub Configure()
                ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls Or SecurityProtocolType.Tls12|]
            End Sub
        End Class
        """, """
        Imports System.Net

        Public Class Startup
            Public Shared Sub Configure()
                ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault
            End Sub
        End Class
        """, DeprecatedProtocolCodeFixProvider.LetOperatingSystemChooseKey, References.Net48);

    [Fact]
    public Task PinnedConstant_GetsTls13WhereItIsWritten() => VisualBasicFixVerifier<Tls005, PinnedVersionsCodeFixProvider>.VerifyAsync("""
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Class Clients
            Private Const Pinned As SslProtocols = [|SslProtocols.Tls12|]

            Public Function Create() As HttpClientHandler
                Dim protocols = [|SslProtocols.Tls12|]
                Dim handler = New HttpClientHandler With {.SslProtocols = Pinned}
                handler.SslProtocols = protocols
                Return handler
            End Function
        End Class
        """, """
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Class Clients
            Private Const Pinned As SslProtocols = SslProtocols.Tls12 Or SslProtocols.Tls13

            Public Function Create() As HttpClientHandler
                Dim protocols = SslProtocols.Tls12 Or SslProtocols.Tls13
                Dim handler = New HttpClientHandler With {.SslProtocols = Pinned}
                handler.SslProtocols = protocols
                Return handler
            End Function
        End Class
        """, PinnedVersionsCodeFixProvider.AddTls13Key);

    [Fact]
    public Task PinnedServicePointManager_LetTheOperatingSystemChooseRemovesTheObsoleteAssignment() => VisualBasicFixVerifier<Tls005, PinnedVersionsCodeFixProvider>.VerifyAsync("""
        Imports System.Net

        Public Module Startup
            Public Sub Configure()
                ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls12|]
            End Sub
        End Module
        """, """
        Imports System.Net

        Public Module Startup
            Public Sub Configure()
            End Sub
        End Module
        """, PinnedVersionsCodeFixProvider.LetOperatingSystemChooseKey, References.Net90);

    [Fact]
    public Task ConditionalArms_OnlyTheDeprecatedArmChanges() => VisualBasicFixVerifier<Tls001, DeprecatedProtocolCodeFixProvider>.VerifyAsync("""
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Class Transport
            Public Property Legacy As Boolean

            Public Function Create() As HttpClientHandler
                Return New HttpClientHandler With {.SslProtocols = [|If(Legacy, SslProtocols.Tls Or SslProtocols.Tls12, SslProtocols.None)|]}
            End Function
        End Class
        """, """
        Imports System.Net.Http
        Imports System.Security.Authentication

        Public Class Transport
            Public Property Legacy As Boolean

            Public Function Create() As HttpClientHandler
                Return New HttpClientHandler With {.SslProtocols = If(Legacy, SslProtocols.Tls12 Or SslProtocols.Tls13, SslProtocols.None)}
            End Function
        End Class
        """, DeprecatedProtocolCodeFixProvider.UseModernVersionsKey);

    [Fact]
    public Task PrivateMappingOnItsParameter_IsMaskedAtTheSetting() => VisualBasicFixVerifier<Tls001, DeprecatedProtocolCodeFixProvider>.VerifyAsync("""
        Imports System.Net.Security
        Imports System.Security.Authentication

        Public Class Options
            Public Property Version As Integer

            Private Shared Function Map(version As Integer) As SslProtocols
                Return [|If(version = 1, SslProtocols.Tls, SslProtocols.Tls12)|]
            End Function

            Public Function Build() As SslClientAuthenticationOptions
                Return New SslClientAuthenticationOptions With {.EnabledSslProtocols = Map(Version)}
            End Function

            Public Shared Function IsLegacy(version As Integer) As Boolean
                Return Map(version) = SslProtocols.Tls
            End Function
        End Class
        """, """
        Imports System.Net.Security
        Imports System.Security.Authentication

        Public Class Options
            Public Property Version As Integer

            Private Shared Function Map(version As Integer) As SslProtocols
                Return If(version = 1, SslProtocols.Tls, SslProtocols.Tls12)
            End Function

            Public Function Build() As SslClientAuthenticationOptions
                Return New SslClientAuthenticationOptions With {.EnabledSslProtocols = Map(Version) And (SslProtocols.Tls12 Or SslProtocols.Tls13)}
            End Function

            Public Shared Function IsLegacy(version As Integer) As Boolean
                Return Map(version) = SslProtocols.Tls
            End Function
        End Class
        """, DeprecatedProtocolCodeFixProvider.UseModernVersionsKey);

    [Fact]
    public Task RevocationLocalDecidedInABranch_GoesWithTheFix() => VisualBasicFixVerifier<Tls006, RevocationCheckCodeFixProvider>.VerifyAsync("""
        Imports System.Net.Security
        Imports System.Security.Authentication

        Public Class Settings
            Public Property Offline As Boolean
        End Class

        Public Class Client
            Public Sub Connect(stream As SslStream, settings As Settings)
                Dim check = True
                If settings.Offline Then
                    check = False
                End If

                stream.AuthenticateAsClient("db.example.com", Nothing, SslProtocols.None, [|check|])
            End Sub
        End Class
        """, """
        Imports System.Net.Security
        Imports System.Security.Authentication

        Public Class Settings
            Public Property Offline As Boolean
        End Class

        Public Class Client
            Public Sub Connect(stream As SslStream, settings As Settings)
                stream.AuthenticateAsClient("db.example.com", Nothing, SslProtocols.None, True)
            End Sub
        End Class
        """, RevocationCheckCodeFixProvider.CheckRevocationKey);

    [Fact]
    public Task RevocationFieldDecidedInTheConstructor_GoesWithTheFix() => VisualBasicFixVerifier<Tls006, RevocationCheckCodeFixProvider>.VerifyAsync("""
        Imports System.Net.Security
        Imports System.Security.Authentication

        Public Class Settings
            Public Property Offline As Boolean
        End Class

        Public Class Client
            Private ReadOnly _checkRevocation As Boolean = True
            Private ReadOnly _host As String

            Public Sub New(settings As Settings)
                _host = "db.example.com"
                If settings.Offline Then
                    _checkRevocation = False
                End If
            End Sub

            Public Sub Connect(stream As SslStream)
                stream.AuthenticateAsClient(_host, Nothing, SslProtocols.None, [|_checkRevocation|])
            End Sub
        End Class
        """, """
        Imports System.Net.Security
        Imports System.Security.Authentication

        Public Class Settings
            Public Property Offline As Boolean
        End Class

        Public Class Client
            Private ReadOnly _host As String

            Public Sub New(settings As Settings)
                _host = "db.example.com"
            End Sub

            Public Sub Connect(stream As SslStream)
                stream.AuthenticateAsClient(_host, Nothing, SslProtocols.None, True)
            End Sub
        End Class
        """, RevocationCheckCodeFixProvider.CheckRevocationKey);

    [Fact]
    public Task LibrarySettingThatSkipsValidation_IsTurnedBackOn() => VisualBasicFixVerifier<Tls002, CertificateValidationCodeFixProvider>.VerifyAsync(
        new[]
        {
            """
            Namespace Global.Npgsql
                Public Class NpgsqlConnectionStringBuilder
                    Public Property TrustServerCertificate As Boolean
                End Class
            End Namespace
            """,
            """
            Imports Npgsql

            Public Class Database
                Public Function Builder() As NpgsqlConnectionStringBuilder
                    Return New NpgsqlConnectionStringBuilder With {.TrustServerCertificate = [|True|]}
                End Function
            End Class
            """,
        },
        new[]
        {
            """
            Namespace Global.Npgsql
                Public Class NpgsqlConnectionStringBuilder
                    Public Property TrustServerCertificate As Boolean
                End Class
            End Namespace
            """,
            """
            Imports Npgsql

            Public Class Database
                Public Function Builder() As NpgsqlConnectionStringBuilder
                    Return New NpgsqlConnectionStringBuilder With {.TrustServerCertificate = False}
                End Function
            End Class
            """,
        },
        CertificateValidationCodeFixProvider.TurnValidationOnKey);
}
