namespace TlsMinAnalyzer;

/// <summary>
/// The rule IDs. They are fixed for the life of the package and never reused.
/// IDs are never reused; a new rule takes the next free number. An ID gets its constant here together with its analyzer, doc page, README row and release entry.
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

    /// <summary>Protocol versions pinned to TLS 1.2 where TLS 1.3 is available.</summary>
    public const string PinnedVersions = "TLS005";

    /// <summary>Certificate revocation checking is turned off.</summary>
    public const string RevocationCheckDisabled = "TLS006";

    /// <summary>A process-wide compatibility switch weakens TLS.</summary>
    public const string WeakeningSwitch = "TLS007";

    /// <summary>A mail connection uses mandatory STARTTLS where implicit TLS is preferred.</summary>
    public const string PreferImplicitTls = "TLS008";

    /// <summary>A TLS connection allows a null cipher (no encryption).</summary>
    public const string NullEncryption = "TLS009";
}
