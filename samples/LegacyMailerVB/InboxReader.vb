Imports System.IO
Imports System.Net.Http
Imports System.Net.Security
Imports System.Security.Authentication
Imports MailKit.Net.Imap
Imports MailKit.Net.Smtp
Imports MailKit.Security

''' <summary>The "newer" module: MailKit, configured from an old forum answer.</summary>
Public Module InboxReader
    Public Function CountUnread(user As String, password As String) As Integer
        Using imap As New ImapClient()
            ' useSsl:=False is STARTTLS *if offered*: an attacker strips it and the login goes in cleartext. TLS004.
            imap.Connect("imap.example.com", 143, useSsl:=False)
            imap.Authenticate(user, password)
            Return imap.Inbox.Unread
        End Using
    End Function

    Public Sub Forward(message As MimeKit.MimeMessage)
        Using smtp As New SmtpClient()
            ' Mandatory STARTTLS on 587: secure, but implicit TLS on 465 is preferred. TLS008.
            smtp.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls)
            smtp.Send(message)
            smtp.Disconnect(True)
        End Using
    End Sub

    ' The partner's API: pinned to TLS 1.2 "for compliance" in 2018. TLS005.
    Public Function PartnerClient() As HttpClient
        Return New HttpClient(New HttpClientHandler With {.SslProtocols = SslProtocols.Tls12})
    End Function

    ' A copy-pasted "legacy compatibility" stream: null cipher allowed. TLS009.
    Public Function LegacyStream(inner As Stream) As SslStream
        Return New SslStream(inner, False, Nothing, Nothing, EncryptionPolicy.AllowNoEncryption)
    End Function
End Module
