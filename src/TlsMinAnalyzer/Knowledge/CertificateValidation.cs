using System.Collections.Immutable;

namespace TlsMinAnalyzer.Knowledge;

/// <summary>A member, identified by its containing type's metadata name and its name.</summary>
internal readonly struct MemberName
{
    public MemberName(string typeMetadataName, string name)
    {
        TypeMetadataName = typeMetadataName;
        Name = name;
    }

    public string TypeMetadataName { get; }

    public string Name { get; }
}

/// <summary>
/// What TLS002 knows about certificate validation hooks. The hooks themselves are recognised by shape (a delegate returning
/// <c>bool</c> that takes an <c>SslPolicyErrors</c>), so new APIs and third-party libraries need no entry here.
/// </summary>
internal static class CertificateValidation
{
    public const string SslPolicyErrorsMetadataName = "System.Net.Security.SslPolicyErrors";

    /// <summary>Certificate and chain types: a callback that inspects these is doing its own (pinning) validation.</summary>
    public static readonly ImmutableArray<string> CertificateDataTypes = ImmutableArray.Create(
        "System.Security.Cryptography.X509Certificates.X509Certificate",
        "System.Security.Cryptography.X509Certificates.X509Chain");

    /// <summary>Hooks of that shape that validate a <em>client's</em> certificate on a server: out of scope for TLS002.</summary>
    public static readonly ImmutableArray<MemberName> ClientCertificateHooks = ImmutableArray.Create(
        new MemberName("Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions", "ClientCertificateValidation"),
        new MemberName("System.Net.Security.SslServerAuthenticationOptions", "RemoteCertificateValidationCallback"));

    /// <summary>A ready-made callback that accepts every certificate.</summary>
    public static readonly MemberName AcceptAnyValidator = new MemberName("System.Net.Http.HttpClientHandler", "DangerousAcceptAnyServerCertificateValidator");
}
