using Microsoft.CodeAnalysis;

namespace TlsMinAnalyzer;

/// <summary>The descriptor catalogue, in ID order. One descriptor per ID; variants go into message arguments.</summary>
internal static class Descriptors
{
    /// <summary>Where the rule pages live; every help link is built from this one constant.</summary>
    public const string HelpLinkBase = "https://github.com/tlsmin/TlsMinAnalyzer/blob/main/docs/rules/";

    private const string Category = "Security";

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

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
        messageFormat: "{0} is given a callback that {1}: anyone on the network path can impersonate the server; remove the callback to use the platform's validation, or accept only SslPolicyErrors.None",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A certificate validation callback that returns true for certificates with policy errors turns TLS into an "
            + "invitation to a man-in-the-middle. RFC 8997 (updating RFC 8314 §4.1) requires successful validation of the "
            + "server's certificate before a connection is treated as confidential. Pinning callbacks that check the "
            + "certificate or chain themselves are not reported.",
        helpLinkUri: HelpLink(DiagnosticIds.CertificateValidationDisabled),
        customTags: new[] { "CWE-295", "CWE-299", "RFC8997" });

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
}
