using Microsoft.CodeAnalysis;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Mail;

/// <summary>How well a mail connection is protected, as the library will actually behave.</summary>
internal enum MailSecurity
{
    /// <summary>Not known from the code (a non-constant option, port or URI).</summary>
    Unknown,

    /// <summary>Cleartext (<c>SecureSocketOptions.None</c>, <c>EnableSsl</c> false).</summary>
    None,

    /// <summary>STARTTLS if the server offers it: strippable by an attacker.</summary>
    StartTlsWhenAvailable,

    /// <summary>Mandatory STARTTLS.</summary>
    StartTls,

    /// <summary>Implicit TLS.</summary>
    SslOnConnect,
}

/// <summary>The library a connection is made with: decides how a message names the connection.</summary>
internal enum MailLibrary
{
    /// <summary><c>System.Net.Mail.SmtpClient</c>: a client object configured by properties, sending on <c>Send</c>.</summary>
    SystemNetMail,

    /// <summary>MailKit: a <c>Connect</c> call that decides the security.</summary>
    MailKit,
}

/// <summary>
/// One mail connection, library-independent: what one resolver per library (<see cref="SystemNetMailResolver"/>,
/// <see cref="MailKitResolver"/>) makes of a client set-up or connect call, and all the mail rules (TLS003, TLS004, TLS008)
/// judge. Messages and host policy belong to the analyzer, not here.
/// </summary>
internal sealed class MailConnection
{
    public MailConnection(MailLibrary library, MailSecurity security, string api, string target, string reason, string? host, MailProtocolInfo? protocol, SyntaxNode reportSyntax)
    {
        Library = library;
        Security = security;
        Api = api;
        Target = target;
        Reason = reason;
        Host = host;
        Protocol = protocol;
        ReportSyntax = reportSyntax;
    }

    public MailLibrary Library { get; }

    public MailSecurity Security { get; }

    /// <summary>The API as code names it: "SmtpClient", "ImapClient.Connect".</summary>
    public string Api { get; }

    /// <summary>"smtp.example.com:25", "port 587", "its server": as much as the code says.</summary>
    public string Target { get; }

    /// <summary>What in the code decides the security: "EnableSsl = false", "SecureSocketOptions.Auto on port 587", "the URI …".</summary>
    public string Reason { get; }

    /// <summary>The constant host name, or null when the code does not fix it (host policy is applied to it).</summary>
    public string? Host { get; }

    /// <summary>The mail protocol, when known (its implicit-TLS port goes into the advice).</summary>
    public MailProtocolInfo? Protocol { get; }

    /// <summary>Where a finding goes: the value or argument that decides, or the call or creation when a default decides.</summary>
    public SyntaxNode ReportSyntax { get; }
}
