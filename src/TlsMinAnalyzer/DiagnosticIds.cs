namespace TlsMinAnalyzer;

/// <summary>
/// The rule IDs. They are fixed for the life of the package and never reused.
/// Reserved, implemented by later releases: TLS005 versions pinned below the newest available, TLS007 process-wide switch
/// weakens TLS, TLS009 TLS without encryption. An ID gets its constant here together with its analyzer, doc page, README row and release entry.
/// </summary>
public static class DiagnosticIds
{
    /// <summary>A TLS/SSL version below TLS 1.2 is enabled.</summary>
    public const string DeprecatedProtocol = "TLS001";

    /// <summary>A server-certificate validation callback accepts certificates it should reject.</summary>
    public const string CertificateValidationDisabled = "TLS002";

    /// <summary>A mail connection carries mail and credentials in cleartext.</summary>
    public const string MailWithoutTls = "TLS003";

    /// <summary>A mail connection uses STARTTLS only if the server offers it (strippable).</summary>
    public const string OptionalStartTls = "TLS004";

    /// <summary>Certificate revocation checking is turned off.</summary>
    public const string RevocationCheckDisabled = "TLS006";

    /// <summary>A mail connection uses mandatory STARTTLS where implicit TLS is preferred.</summary>
    public const string PreferImplicitTls = "TLS008";
}
