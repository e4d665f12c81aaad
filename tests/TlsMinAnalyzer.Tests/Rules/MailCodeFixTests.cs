using System.Threading.Tasks;
using TlsMinAnalyzer.CodeFixes.Rules;
using TlsMinAnalyzer.Tests.Verifiers;

namespace TlsMinAnalyzer.Tests.Rules;

public class MailCodeFixTests
{
    // ---- TLS003 ----

    [Fact]
    public Task SmtpClientWithoutEnableSsl_FirstFixRequiresStartTlsOnTheSamePort() => CodeFixVerifier<Tls003, MailWithoutTlsCodeFixProvider>.VerifyAsync("""
        using System.Net.Mail;
        class C
        {
            void Send(MailMessage message)
            {
                using (var client = [|new SmtpClient("smtp.example.com", 25)|])
                {
                    client.Send(message);
                }

                var other = [|new SmtpClient("smtp.example.com") { UseDefaultCredentials = false }|];
                other.Send(message);

                var third = [|new SmtpClient { Host = "smtp.example.com" }|];
                third.Port = 25;
                third.Send(message);
            }
        }
        """, """
        using System.Net.Mail;
        class C
        {
            void Send(MailMessage message)
            {
                using (var client = new SmtpClient("smtp.example.com", 25) { EnableSsl = true })
                {
                    client.Send(message);
                }

                var other = new SmtpClient("smtp.example.com") { UseDefaultCredentials = false, EnableSsl = true };
                other.Send(message);

                var third = new SmtpClient { Host = "smtp.example.com", EnableSsl = true };
                third.Port = 25;
                third.Send(message);
            }
        }
        """, MailWithoutTlsCodeFixProvider.UseTlsKey);

    [Fact]
    public Task SmtpClientOnPort25_SecondFixMovesToTheSubmissionPort() => CodeFixVerifier<Tls003, MailWithoutTlsCodeFixProvider>.VerifyAsync("""
        using System.Net.Mail;
        class C
        {
            void Send(MailMessage message)
            {
                using (var client = [|new SmtpClient("smtp.example.com", 25)|])
                {
                    client.Send(message);
                }

                var third = [|new SmtpClient { Host = "smtp.example.com" }|];
                third.Port = 25;
                third.Send(message);
            }
        }
        """, """
        using System.Net.Mail;
        class C
        {
            void Send(MailMessage message)
            {
                using (var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true })
                {
                    client.Send(message);
                }

                var third = new SmtpClient { Host = "smtp.example.com", EnableSsl = true };
                third.Port = 587;
                third.Send(message);
            }
        }
        """, MailWithoutTlsCodeFixProvider.UseSubmissionPortKey);

    [Fact]
    public Task EnableSslFalse_FixesToTrue() => CodeFixVerifier<Tls003, MailWithoutTlsCodeFixProvider>.VerifyAsync("""
        using System.Net.Mail;
        class C
        {
            void Send(MailMessage message, SmtpClient injected)
            {
                var client = new SmtpClient("smtp.example.com", 25) { EnableSsl = [|false|] };
                client.Send(message);
                injected.EnableSsl = [|false|];
            }
        }
        """, """
        using System.Net.Mail;
        class C
        {
            void Send(MailMessage message, SmtpClient injected)
            {
                var client = new SmtpClient("smtp.example.com", 25) { EnableSsl = true };
                client.Send(message);
                injected.EnableSsl = true;
            }
        }
        """, MailWithoutTlsCodeFixProvider.UseTlsKey);

    /// <summary>MailKit in cleartext on the STARTTLS ports: one input, two actions.</summary>
    private const string MailKitNone = """
        using System;
        using MailKit.Net.Imap;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class C
        {
            void M(SmtpClient smtp, ImapClient imap)
            {
                smtp.Connect("smtp.example.com", 587, [|SecureSocketOptions.None|]);
                imap.Connect([|new Uri("imap://imap.example.com:143/?starttls=never")|]);
            }
        }
        """;

    [Fact]
    public Task MailKitNone_FirstFixRequiresStartTlsOnTheSamePort() => CodeFixVerifier<Tls003, MailWithoutTlsCodeFixProvider>.VerifyAsync(
        MailKitNone,
        MailKitNone
            .Replace("[|SecureSocketOptions.None|]", "SecureSocketOptions.StartTls")
            .Replace("[|new Uri(\"imap://imap.example.com:143/?starttls=never\")|]", "new Uri(\"imap://imap.example.com:143/?starttls=always\")"),
        MailWithoutTlsCodeFixProvider.UseTlsKey,
        References.Net80WithMailKit);

    [Fact]
    public Task MailKitNone_SecondFixIsImplicitTlsOnTheImplicitPort() => CodeFixVerifier<Tls003, MailWithoutTlsCodeFixProvider>.VerifyAsync(
        MailKitNone,
        MailKitNone
            .Replace("587, [|SecureSocketOptions.None|]", "465, SecureSocketOptions.SslOnConnect")
            .Replace("[|new Uri(\"imap://imap.example.com:143/?starttls=never\")|]", "new Uri(\"imaps://imap.example.com:993\")"),
        MailWithoutTlsCodeFixProvider.UseImplicitTlsKey,
        References.Net80WithMailKit);

    // ---- TLS004 ----

    [Fact]
    public Task OptionalStartTls_FixesToImplicitTls() => CodeFixVerifier<Tls004, OptionalStartTlsCodeFixProvider>.VerifyAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using MailKit.Net.Imap;
        using MailKit.Net.Pop3;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class C
        {
            async Task M(SmtpClient smtp, ImapClient imap, Pop3Client pop, CancellationToken token)
            {
                smtp.Connect("smtp.example.com", 587, [|SecureSocketOptions.StartTlsWhenAvailable|]);
                [|smtp.Connect("smtp.example.com", 25)|];
                [|smtp.Connect("smtp.example.com")|];
                imap.Connect("imap.example.com", 143, [|false|]);
                await [|pop.ConnectAsync("pop.example.com", 110, cancellationToken: token)|];
                smtp.Connect([|new Uri("smtp://smtp.example.com:587")|]);
            }
        }
        """, """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using MailKit.Net.Imap;
        using MailKit.Net.Pop3;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class C
        {
            async Task M(SmtpClient smtp, ImapClient imap, Pop3Client pop, CancellationToken token)
            {
                smtp.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect);
                smtp.Connect("smtp.example.com", 465, options: SecureSocketOptions.SslOnConnect);
                smtp.Connect("smtp.example.com", options: SecureSocketOptions.SslOnConnect);
                imap.Connect("imap.example.com", 993, true);
                await pop.ConnectAsync("pop.example.com", 995, cancellationToken: token, options: SecureSocketOptions.SslOnConnect);
                smtp.Connect(new Uri("smtps://smtp.example.com:465"));
            }
        }
        """, OptionalStartTlsCodeFixProvider.UseImplicitTlsKey, References.Net80WithMailKit);

    [Fact]
    public Task OptionalStartTls_FixesToRequiredStartTls() => CodeFixVerifier<Tls004, OptionalStartTlsCodeFixProvider>.VerifyAsync("""
        using System;
        using MailKit.Net.Imap;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class C
        {
            void M(SmtpClient smtp, ImapClient imap)
            {
                smtp.Connect("smtp.example.com", 587, [|SecureSocketOptions.Auto|]);
                [|smtp.Connect("smtp.example.com", 587)|];
                imap.Connect("imap.example.com", 143, useSsl: [|false|]);
                smtp.Connect([|new Uri("smtp://smtp.example.com:587")|]);
            }
        }
        """, """
        using System;
        using MailKit.Net.Imap;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class C
        {
            void M(SmtpClient smtp, ImapClient imap)
            {
                smtp.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                smtp.Connect("smtp.example.com", 587, options: SecureSocketOptions.StartTls);
                imap.Connect("imap.example.com", 143, options: SecureSocketOptions.StartTls);
                smtp.Connect(new Uri("smtp://smtp.example.com:587?starttls=always"));
            }
        }
        """, OptionalStartTlsCodeFixProvider.RequireTlsKey, References.Net80WithMailKit);

    // ---- TLS008 ----

    [Fact]
    public Task MandatoryStartTls_FixesToImplicitTls() => CodeFixVerifier<Tls008, PreferImplicitTlsCodeFixProvider>.VerifyAsync("""
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class C
        {
            void M(SmtpClient smtp) => smtp.Connect("smtp.example.com", 587, [|SecureSocketOptions.StartTls|]);
        }
        """, """
        using MailKit.Net.Smtp;
        using MailKit.Security;
        class C
        {
            void M(SmtpClient smtp) => smtp.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect);
        }
        """, PreferImplicitTlsCodeFixProvider.UseImplicitTlsKey, References.Net80WithMailKit);

    [Fact]
    public Task SystemNetMailEnableSslTrue_OffersNoFix() => CodeFixVerifier<Tls008, PreferImplicitTlsCodeFixProvider>.VerifyNotOfferedAsync("""
        using System.Net.Mail;
        class C
        {
            void M(SmtpClient client) => [|client.EnableSsl = true|];
        }
        """, PreferImplicitTlsCodeFixProvider.UseImplicitTlsKey);

    [Fact]
    public Task OptionsFromASettingsMember_AreWrittenWithTheEnumsName() => CodeFixVerifier<Tls004, OptionalStartTlsCodeFixProvider>.VerifyAsync(
        new[]
        {
            """
            using MailKit.Security;
            public class MailOptions
            {
                public int Port { get; set; } = 587;
                public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
            }
            """,
            """
            using MailKit.Net.Smtp;
            class Sender
            {
                private readonly MailOptions _options = new MailOptions();
                void Connect(SmtpClient client) => client.Connect("smtp.example.com", _options.Port, [|_options.Security|]);
            }
            """,
        },
        new[]
        {
            """
            using MailKit.Security;
            public class MailOptions
            {
                public int Port { get; set; } = 587;
                public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
            }
            """,
            """
            using MailKit.Net.Smtp;
            class Sender
            {
                private readonly MailOptions _options = new MailOptions();
                void Connect(SmtpClient client) => client.Connect("smtp.example.com", _options.Port, _options.Port == 465 ? MailKit.Security.SecureSocketOptions.SslOnConnect : MailKit.Security.SecureSocketOptions.StartTls);
            }
            """,
        },
        OptionalStartTlsCodeFixProvider.RequireTlsKey,
        References.Net80WithMailKit);
}
