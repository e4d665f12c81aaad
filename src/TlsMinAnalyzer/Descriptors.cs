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
}
