using System;
using System.Collections.Immutable;

namespace TlsMinAnalyzer.Knowledge;

/// <summary>The rule families whose findings need some name in the document's text.</summary>
[Flags]
internal enum NameGroups
{
    None = 0,
    Protocols = 1,
    Certificates = 2,

    /// <summary>System.Net.Mail's <c>SmtpClient</c> (TLS003, TLS008).</summary>
    SystemNetMail = 4,

    /// <summary>A MailKit client type or namespace; with <see cref="MailKitConnect"/>, a MailKit connection can be here.</summary>
    MailKitTypes = 8,

    /// <summary>
    /// A call to <c>Connect</c> or <c>ConnectAsync</c>. A call is spelled inside the member that makes it, so this group opens
    /// per member, not per document (<see cref="DocumentNames.MemberLevel"/>).
    /// </summary>
    MailKitConnect = 16,
    Revocation = 32,
    Encryption = 64,
    Switches = 128,

    /// <summary>HttpClientHandler's ready-made accept-all validator (TLS002), found by its name.</summary>
    AcceptAnyValidator = 256,

    /// <summary>
    /// Anything certificate- or TLS-related: where a callback handed straight to a hook of an unfamiliar third-party API
    /// (an event or parameter named after certificates, SSL or TLS) is looked for (TLS002).
    /// </summary>
    CertificateHints = 512,

    /// <summary>Registry values that weaken TLS machine-wide (<c>SchUseStrongCrypto</c>, SCHANNEL's protocol keys).</summary>
    Registry = 1024,
}

/// <summary>
/// Text a document must contain for a family to find anything in it. A finding is a value written in the document (a
/// member of a protocol enum, a <c>false</c> given to a named setting, a call to a named method), and each of those spells
/// one of these names in the same file: the enum (<c>SslProtocols</c>, <c>SecurityProtocolType</c>) or its members
/// (<c>Tls11</c>, <c>Ssl3</c>), the setting (<c>CheckCertificateRevocationList</c>, <c>EnableSsl</c>), the method
/// (<c>SetSwitch</c>, <c>AuthenticateAsClient</c>), or the mail library's types and namespace (<c>SmtpClient</c>,
/// <c>ImapClient</c>, <c>SecureSocketOptions</c>, <c>using MailKit</c>). A document with none of a family's names costs that
/// family one text scan and no callback per operation. Names are matched as substrings, so one entry covers a family of
/// identifiers ("Tls" covers Tls11, Tls12 and SecurityProtocolType.Tls).
/// </summary>
internal static class DocumentNames
{
    public static readonly ImmutableArray<(string Text, NameGroups Groups)> All = ImmutableArray.Create(
        // Protocols: the enums, their members (through an alias or "using static" too), and the settings named after them.
        ("SslProtocols", NameGroups.Protocols),
        ("SecurityProtocol", NameGroups.Protocols),
        ("Tls", NameGroups.Protocols | NameGroups.CertificateHints),
        ("Ssl2", NameGroups.Protocols),
        ("Ssl3", NameGroups.Protocols),

        // Certificate validation: a hook's name, or the type of a local or field that holds a callback until it is installed.
        // A callback created right where it is installed is found in any document (see CertificateValidationAnalyzer).
        ("ValidationCallback", NameGroups.Certificates),
        ("CertificateValidation", NameGroups.Certificates),
        ("SslPolicyErrors", NameGroups.Certificates),
        ("DangerousAcceptAny", NameGroups.AcceptAnyValidator),
        ("Certificate", NameGroups.CertificateHints),
        ("X509", NameGroups.CertificateHints),
        ("Ssl", NameGroups.CertificateHints),

        // Mail.
        ("SmtpClient", NameGroups.SystemNetMail | NameGroups.MailKitTypes),
        ("EnableSsl", NameGroups.SystemNetMail),
        ("SecureSocketOptions", NameGroups.MailKitTypes),
        ("MailKit", NameGroups.MailKitTypes),
        ("ImapClient", NameGroups.MailKitTypes),
        ("Pop3Client", NameGroups.MailKitTypes),
        ("IMail", NameGroups.MailKitTypes),
        ("MailService", NameGroups.MailKitTypes),
        // A call, not any word that contains it (IsConnected, Disconnect, ConnectionString): see FindNames.
        ("Connect(", NameGroups.MailKitConnect),
        ("ConnectAsync(", NameGroups.MailKitConnect),

        // Settings.
        ("Revocation", NameGroups.Revocation),
        ("AuthenticateAs", NameGroups.Revocation),
        ("EncryptionPolicy", NameGroups.Encryption),
        ("NoEncryption", NameGroups.Encryption),
        ("SetSwitch", NameGroups.Switches),

        // Machine-wide registry values that do the same: their value names, and SCHANNEL's protocol keys.
        ("SchUseStrongCrypto", NameGroups.Registry),
        ("SystemDefaultTlsVersions", NameGroups.Registry),
        ("SCHANNEL", NameGroups.Registry),
        ("Schannel", NameGroups.Registry));

    /// <summary>
    /// The groups a member must spell itself, not just its document, for a gate that requires them to open there. Only groups
    /// whose every name is a call (ends in <c>(</c>) belong here: the operation a family looks at is then that call, whose
    /// text lies inside the member being analyzed. Other names can be spelled elsewhere in the file (a constant, a field's
    /// type, a <c>using</c>) and stay per document.
    /// </summary>
    public const NameGroups MemberLevel = NameGroups.MailKitConnect;
}
