using Microsoft.CodeAnalysis;

namespace TlsMinAnalyzer;

/// <summary>The descriptor catalogue, in ID order. One descriptor per ID; variants go into message arguments.</summary>
internal static class Descriptors
{
    /// <summary>Where the rule pages live; every help link is built from this one constant.</summary>
    public const string HelpLinkBase = "https://github.com/tlsmin/TlsMinAnalyzer/blob/main/docs/rules/";

    private const string Category = "Security";

    /// <summary>The tag Roslyn reads as "reported at compilation end" (WellKnownDiagnosticTags.CompilationEnd in newer Roslyn).</summary>
    private const string CompilationEndTag = "CompilationEnd";

    /// <summary>
    /// The config-file twin of a code descriptor: the same ID, title, message, severity, help link and tags, plus the
    /// CompilationEnd tag Roslyn needs for findings reported when the whole compilation has been analyzed.
    /// </summary>
    private static DiagnosticDescriptor ConfigTwin(DiagnosticDescriptor code)
    {
        var tags = new System.Collections.Generic.List<string>(code.CustomTags) { CompilationEndTag };
        return new DiagnosticDescriptor(
            code.Id,
            code.Title.ToString(),
            code.MessageFormat.ToString(),
            code.Category,
            code.DefaultSeverity,
            code.IsEnabledByDefault,
            code.Description.ToString(),
            code.HelpLinkUri,
            tags.ToArray());
    }

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    // Config-file findings (TLS001, TLS002, TLS003, TLS007 in app.config, web.config, appsettings*.json) are reported when the
    // compilation's analysis completes, and Roslyn requires such diagnostics to carry the CompilationEnd tag. Putting that tag
    // on the code descriptors would hide every code finding from live IDE analysis, so each of those IDs has a second
    // descriptor, identical but for the tag. The meta tests hold the pairs equal.

    public static readonly DiagnosticDescriptor DeprecatedProtocol = new DiagnosticDescriptor(
        id: DiagnosticIds.DeprecatedProtocol,
        title: "Deprecated TLS/SSL protocol version enabled",
        messageFormat: "{0} enables {1}, deprecated by {2}; use TLS 1.2 or later ({3}) or let the operating system choose",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "SSL 2.0, SSL 3.0, TLS 1.0 and TLS 1.1 are deprecated (RFC 6176, RFC 7568, RFC 8996); RFC 8997 requires "
            + "TLS 1.2 or later for mail. Code that enables them lets a connection be downgraded to a broken protocol.",
        helpLinkUri: HelpLink(DiagnosticIds.DeprecatedProtocol),
        customTags: new[] { "CWE-326", "CWE-327", "RFC8996", "RFC8997" });

    public static readonly DiagnosticDescriptor CertificateValidationDisabled = new DiagnosticDescriptor(
        id: DiagnosticIds.CertificateValidationDisabled,
        title: "Server certificate validation disabled",
        messageFormat: "{0} {1}: anyone on the network path can impersonate the server; {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A certificate validation callback that returns true for certificates with policy errors, or a library "
            + "setting that skips validation (TrustServerCertificate, AllowUntrustedCertificates), turns TLS into an "
            + "invitation to a man-in-the-middle. RFC 8997 (updating RFC 8314 §4.1) requires successful validation of the "
            + "server's certificate before a connection is treated as confidential. Pinning callbacks that check the "
            + "certificate or chain themselves are not reported.",
        helpLinkUri: HelpLink(DiagnosticIds.CertificateValidationDisabled),
        customTags: new[] { "CWE-295", "CWE-299", "RFC8997" });

    public static readonly DiagnosticDescriptor MailWithoutTls = new DiagnosticDescriptor(
        id: DiagnosticIds.MailWithoutTls,
        title: "Mail connection without TLS",
        messageFormat: "{0}: mail and credentials go in cleartext; {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "RFC 8314 (updated by RFC 8997) declares cleartext mail submission and access obsolete: mail user agents "
            + "must use TLS 1.2 or later. System.Net.Mail.SmtpClient without EnableSsl, and MailKit with "
            + "SecureSocketOptions.None, send messages and passwords readable by anyone on the network path.",
        helpLinkUri: HelpLink(DiagnosticIds.MailWithoutTls),
        customTags: new[] { "CWE-319", "RFC8314", "RFC8997" });

    public static readonly DiagnosticDescriptor OptionalStartTls = new DiagnosticDescriptor(
        id: DiagnosticIds.OptionalStartTls,
        title: "Mail connection with optional STARTTLS",
        messageFormat: "{0} uses STARTTLS only if the server offers it ({1}): if the server, or an attacker in between, does not offer it, credentials and mail go in cleartext; {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "MailKit's StartTlsWhenAvailable — also what Auto becomes on ports other than 465/993/995, and what "
            + "useSsl: false means — falls back to cleartext when the server's capability list lacks STARTTLS. An active "
            + "attacker can strip that capability (RFC 8314 §3), so the protection is illusory.",
        helpLinkUri: HelpLink(DiagnosticIds.OptionalStartTls),
        customTags: new[] { "CWE-319", "RFC8314" });

    public static readonly DiagnosticDescriptor PinnedVersions = new DiagnosticDescriptor(
        id: DiagnosticIds.PinnedVersions,
        title: "Protocol versions pinned below the newest available",
        messageFormat: "{0} pins TLS 1.2: TLS 1.3 is never used and the next deprecation needs a code change; {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Hard-coding TLS 1.2 where the target framework has TLS 1.3 keeps the faster, stronger TLS 1.3 off and "
            + "turns every future deprecation into a code change. Letting the operating system choose follows its policy.",
        helpLinkUri: HelpLink(DiagnosticIds.PinnedVersions),
        customTags: new[] { "CWE-326", "CWE-327" });

    public static readonly DiagnosticDescriptor RevocationCheckDisabled = new DiagnosticDescriptor(
        id: DiagnosticIds.RevocationCheckDisabled,
        title: "Certificate revocation checking disabled",
        messageFormat: "{0} turns certificate revocation checking off: a revoked server certificate (after a key compromise, say) is still trusted; {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Revocation checking is how a client learns that a server certificate must no longer be trusted. .NET 10 "
            + "checks revocation by default, so an explicit opt-out is a real downgrade there; on older targets it keeps "
            + "revoked certificates working.",
        helpLinkUri: HelpLink(DiagnosticIds.RevocationCheckDisabled),
        customTags: new[] { "CWE-295", "CWE-299" });

    public static readonly DiagnosticDescriptor PreferImplicitTls = new DiagnosticDescriptor(
        id: DiagnosticIds.PreferImplicitTls,
        title: "Prefer implicit TLS for mail",
        messageFormat: "{0} uses mandatory STARTTLS: secure, but RFC 8314 §3 prefers implicit TLS; {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Mandatory STARTTLS protects the connection, but RFC 8314 recommends implicit TLS (submission on 465, "
            + "IMAP on 993, POP3 on 995): no cleartext phase, no capability negotiation for an attacker to interfere with.",
        helpLinkUri: HelpLink(DiagnosticIds.PreferImplicitTls),
        customTags: new[] { "CWE-319", "RFC8314" });

    public static readonly DiagnosticDescriptor WeakeningSwitch = new DiagnosticDescriptor(
        id: DiagnosticIds.WeakeningSwitch,
        title: "Process-wide switch weakens TLS",
        messageFormat: "{0} {1}; remove it (or set it to false)",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: ".NET Framework compatibility switches, set with AppContext.SetSwitch or AppContextSwitchOverrides in "
            + "the config file, turn off strong cryptography or operating-system TLS defaults for the whole process.",
        helpLinkUri: HelpLink(DiagnosticIds.WeakeningSwitch),
        customTags: new[] { "CWE-326", "CWE-327" });

    public static readonly DiagnosticDescriptor NullEncryption = new DiagnosticDescriptor(
        id: DiagnosticIds.NullEncryption,
        title: "TLS without encryption",
        messageFormat: "{0} is EncryptionPolicy.{1}: the TLS connection may carry data in the clear with a null cipher; use EncryptionPolicy.RequireEncryption",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "EncryptionPolicy.AllowNoEncryption and NoEncryption let SslStream negotiate a NULL cipher suite: the "
            + "handshake authenticates, but the data is not encrypted.",
        helpLinkUri: HelpLink(DiagnosticIds.NullEncryption),
        customTags: new[] { "CWE-319", "CWE-327" });

    public static readonly DiagnosticDescriptor DeprecatedProtocolInConfig = ConfigTwin(DeprecatedProtocol);

    public static readonly DiagnosticDescriptor CertificateValidationDisabledInConfig = ConfigTwin(CertificateValidationDisabled);

    public static readonly DiagnosticDescriptor MailWithoutTlsInConfig = ConfigTwin(MailWithoutTls);

    public static readonly DiagnosticDescriptor WeakeningSwitchInConfig = ConfigTwin(WeakeningSwitch);

    public static readonly DiagnosticDescriptor RevocationCheckDisabledInConfig = ConfigTwin(RevocationCheckDisabled);

    public static readonly DiagnosticDescriptor NullEncryptionInConfig = ConfigTwin(NullEncryption);
}
