using System.Collections.Immutable;

namespace TlsMinAnalyzer.Knowledge;

/// <summary>What TLS006 knows: the settings that turn certificate revocation checking off (its AppContext switch is in <see cref="CompatibilitySwitches"/>).</summary>
internal static class Revocation
{
    /// <summary>Boolean properties whose <c>false</c> means "do not check revocation". One line per setting.</summary>
    public static readonly ImmutableArray<MemberName> BooleanSettings = ImmutableArray.Create(
        new MemberName("System.Net.Http.HttpClientHandler", "CheckCertificateRevocationList"),
        new MemberName("System.Net.Http.WinHttpHandler", "CheckCertificateRevocationList"),
        new MemberName("System.Net.ServicePointManager", "CheckCertificateRevocationList"),
        new MemberName("MailKit.MailService", "CheckCertificateRevocation"),
        new MemberName("MongoDB.Driver.SslSettings", "CheckCertificateRevocation"));

    /// <summary>Boolean properties whose <c>true</c> means "do not check revocation" (MQTTnet, in each version's namespace).</summary>
    public static readonly ImmutableArray<MemberName> InvertedBooleanSettings = ImmutableArray.Create(
        new MemberName("MQTTnet.MqttClientTlsOptions", "IgnoreCertificateRevocationErrors"),
        new MemberName("MQTTnet.Client.MqttClientTlsOptions", "IgnoreCertificateRevocationErrors"),
        new MemberName("MQTTnet.Client.MqttClientOptionsBuilderTlsParameters", "IgnoreCertificateRevocationErrors"),
        new MemberName("MQTTnet.Client.Options.MqttClientOptionsBuilderTlsParameters", "IgnoreCertificateRevocationErrors"));

    /// <summary>Boolean parameters whose <c>false</c> means "do not check revocation" (the SslStream authenticate overloads).</summary>
    public static readonly ImmutableArray<MemberName> BooleanParameters = ImmutableArray.Create(
        new MemberName("System.Net.Security.SslStream", "checkCertificateRevocation"));

    /// <summary>Any property or parameter of this type set to <see cref="NoCheck"/> turns checking off.</summary>
    public const string RevocationModeMetadataName = "System.Security.Cryptography.X509Certificates.X509RevocationMode";

    public const string NoCheck = "NoCheck";

    /// <summary>The chain policy whose <c>RevocationMode</c> is not reported on a chain anchored to the code's own CA (see <c>CustomTrustChain</c>).</summary>
    public const string ChainPolicyFullName = "System.Security.Cryptography.X509Certificates.X509ChainPolicy";

    public const string ChainPolicyProperty = "ChainPolicy";

    /// <summary>The policy's stores: a CA added to one, with unknown authorities allowed or custom root trust, anchors the chain.</summary>
    public const string ExtraStore = "ExtraStore";

    public const string CustomTrustStore = "CustomTrustStore";

    public const string TrustMode = "TrustMode";

    public const string CustomRootTrust = "CustomRootTrust";

    public const string VerificationFlags = "VerificationFlags";

    public const string AllowUnknownCertificateAuthority = "AllowUnknownCertificateAuthority";

    public const string Online = "Online";
}
