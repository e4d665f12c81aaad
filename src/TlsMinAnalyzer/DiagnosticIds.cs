namespace TlsMinAnalyzer;

/// <summary>
/// The rule IDs. They are fixed for the life of the package and never reused.
/// Reserved, implemented by later releases: TLS003 mail connection without TLS, TLS004 mail connection with optional
/// STARTTLS, TLS005 versions pinned below the newest available, TLS007 process-wide switch weakens TLS, TLS008 prefer
/// implicit TLS for mail, TLS009 TLS without encryption. An ID gets its constant here together with its analyzer, doc page, README row and release entry.
/// </summary>
public static class DiagnosticIds
{
    /// <summary>A TLS/SSL version below TLS 1.2 is enabled.</summary>
    public const string DeprecatedProtocol = "TLS001";

    /// <summary>A server-certificate validation callback accepts certificates it should reject.</summary>
    public const string CertificateValidationDisabled = "TLS002";

    /// <summary>Certificate revocation checking is turned off.</summary>
    public const string RevocationCheckDisabled = "TLS006";
}
