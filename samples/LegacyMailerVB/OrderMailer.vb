Imports System.Net.Mail

''' <summary>Order confirmations, sent the way the 2012 code sent them.</summary>
Public Module OrderMailer
    Public Sub SendConfirmation(recipient As String)
        Using message As New MailMessage("orders@example.com", recipient, "Your order", "Thank you.")
            ' Submission port, but EnableSsl off "because the server complained". TLS003.
            Using client As New SmtpClient("smtp.example.com", 587) With {.EnableSsl = False}
                client.Send(message)
            End Using

            ' The loopback relay on the same machine: not a finding.
            Dim relay As New SmtpClient("localhost", 25)
            relay.Send(message)
        End Using
    End Sub
End Module
