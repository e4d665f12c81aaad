Imports System.Net
Imports System.Net.Security
Imports System.Security.Authentication
Imports System.Security.Cryptography.X509Certificates

Module Program
    Sub Main(args As String())
        ' "Fixes" a handshake failure with an old appliance by turning strong crypto off for the whole process. TLS007.
        AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", True)

        ' Added in 2015 "for the bank's web service"; never removed. TLS001.
        ServicePointManager.SecurityProtocol = ServicePointManager.SecurityProtocol Or SecurityProtocolType.Tls Or SecurityProtocolType.Tls11

        ' "The test server has a self-signed certificate." Shipped to production. TLS002.
        ServicePointManager.ServerCertificateValidationCallback = AddressOf TrustEverything

        ' Revocation checks "timed out behind the proxy" once. TLS006.
        ServicePointManager.CheckCertificateRevocationList = False

        OrderMailer.SendConfirmation("customer@example.com")
        Console.WriteLine("Unread: " & InboxReader.CountUnread("orders", "change-me"))
    End Sub

    Private Function TrustEverything(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
        Return True
    End Function

    ' Reading the negotiated protocol to log it is never a finding.
    Public Function Describe(stream As SslStream) As String
        Select Case stream.SslProtocol
            Case SslProtocols.Tls, SslProtocols.Tls11
                Return "deprecated (" & stream.SslProtocol.ToString() & ")"
            Case Else
                Return stream.SslProtocol.ToString()
        End Select
    End Function
End Module
