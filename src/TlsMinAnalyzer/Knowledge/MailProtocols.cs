using System;
using System.Collections.Immutable;

namespace TlsMinAnalyzer.Knowledge;

internal enum MailProtocol
{
    Unknown,
    Smtp,
    Imap,
    Pop3,
}

/// <summary>One mail protocol's ports (RFC 8314 §3, RFC 6409, RFC 3501, RFC 1939) and how MailKit names it.</summary>
internal readonly struct MailProtocolInfo
{
    public MailProtocolInfo(MailProtocol protocol, string clientMetadataName, string name, int implicitTlsPort, int startTlsPort, int plainDefaultPort, string scheme)
    {
        Protocol = protocol;
        ClientMetadataName = clientMetadataName;
        Name = name;
        ImplicitTlsPort = implicitTlsPort;
        StartTlsPort = startTlsPort;
        PlainDefaultPort = plainDefaultPort;
        Scheme = scheme;
    }

    public MailProtocol Protocol { get; }

    /// <summary>The MailKit client for the protocol.</summary>
    public string ClientMetadataName { get; }

    public string Name { get; }

    /// <summary>465 (submissions), 993 (imaps), 995 (pop3s): what RFC 8314 prefers.</summary>
    public int ImplicitTlsPort { get; }

    /// <summary>587 (submission), 143, 110: STARTTLS ports.</summary>
    public int StartTlsPort { get; }

    /// <summary>The port a client uses when told none and no TLS: 25, 143, 110.</summary>
    public int PlainDefaultPort { get; }

    /// <summary>The plain URI scheme MailKit accepts (smtp, imap, pop); add "s" for implicit TLS.</summary>
    public string Scheme { get; }
}

/// <summary>The mail protocols, their ports and clients, in one table.</summary>
internal static class MailProtocols
{
    public static readonly ImmutableArray<MailProtocolInfo> All = ImmutableArray.Create(
        new MailProtocolInfo(MailProtocol.Smtp, "MailKit.Net.Smtp.SmtpClient", "SMTP", 465, 587, 25, "smtp"),
        new MailProtocolInfo(MailProtocol.Imap, "MailKit.Net.Imap.ImapClient", "IMAP", 993, 143, 143, "imap"),
        new MailProtocolInfo(MailProtocol.Pop3, "MailKit.Net.Pop3.Pop3Client", "POP3", 995, 110, 110, "pop"));

    public const string SystemNetMailSmtpClient = "System.Net.Mail.SmtpClient";
    public const string SmtpDeliveryMethod = "System.Net.Mail.SmtpDeliveryMethod";
    public const string NetworkDelivery = "Network";
    public const int SmtpSubmissionPort = 587;
    public const int SmtpRelayPort = 25;

    public const string MailKitMailService = "MailKit.MailService";
    public const string MailKitIMailService = "MailKit.IMailService";
    public const string SecureSocketOptions = "MailKit.Security.SecureSocketOptions";

    /// <summary>The type of MailKit's <c>Connect(Uri)</c> overloads' first parameter, whose scheme chooses the security.</summary>
    public const string UriMetadataName = "System.Uri";

    /// <summary>The protocol whose plain or implicit-TLS URI scheme this is; <paramref name="implicitTls"/> tells which.</summary>
    public static MailProtocolInfo? FromScheme(string scheme, out bool implicitTls)
    {
        foreach (var info in All)
        {
            if (string.Equals(scheme, info.Scheme, StringComparison.OrdinalIgnoreCase))
            {
                implicitTls = false;
                return info;
            }

            if (string.Equals(scheme, info.Scheme + "s", StringComparison.OrdinalIgnoreCase))
            {
                implicitTls = true;
                return info;
            }
        }

        implicitTls = false;
        return null;
    }

    /// <summary>True for a port on which MailKit's Auto means implicit TLS (465, 993, 995).</summary>
    public static bool IsImplicitTlsPort(int port)
    {
        foreach (var info in All)
        {
            if (info.ImplicitTlsPort == port)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Loopback: <c>localhost</c>, <c>127.0.0.0/8</c>, <c>::1</c>. A relay or mail catcher on the same machine is not network
    /// exposure, so the mail rules never report it.
    /// </summary>
    public static bool IsLoopback(string host)
    {
        var trimmed = host.Trim().TrimEnd('.');
        if (trimmed.StartsWith("[", StringComparison.Ordinal) && trimmed.EndsWith("]", StringComparison.Ordinal))
        {
            trimmed = trimmed.Substring(1, trimmed.Length - 2);
        }

        if (string.Equals(trimmed, "localhost", StringComparison.OrdinalIgnoreCase)
            || trimmed.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || trimmed == "::1"
            || string.Equals(trimmed, "0:0:0:0:0:0:0:1", StringComparison.Ordinal))
        {
            return true;
        }

        var parts = trimmed.Split('.');
        if (parts.Length != 4 || parts[0] != "127")
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (!byte.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                return false;
            }
        }

        return true;
    }
}
