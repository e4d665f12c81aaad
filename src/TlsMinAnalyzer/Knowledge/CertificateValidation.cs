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

    /// <summary>The chain's status flags: a test of them alone identifies no certificate (see <see cref="UntrustedChainStatuses"/>).</summary>
    public const string ChainStatusProperty = "ChainStatus";

    public const string ChainStatusFlagsTypeName = "X509ChainStatusFlags";

    /// <summary>Chain statuses that a self-signed or unknown-issuer certificate has: letting them through accepts it.</summary>
    public static readonly ImmutableArray<string> UntrustedChainStatuses = ImmutableArray.Create("UntrustedRoot", "PartialChain");

    /// <summary>LINQ, through which a callback may test the chain's statuses (<c>chain.ChainStatus.All(...)</c>).</summary>
    public const string EnumerableMetadataName = "System.Linq.Enumerable";

    /// <summary>Types that can only describe the request a callback is asked about, never the certificate.</summary>
    public static readonly ImmutableArray<string> RequestTypes = ImmutableArray.Create(
        "System.Net.Http.HttpRequestMessage", "System.Uri", "System.Net.IPAddress", "System.Net.WebRequest", "System.Net.HttpWebRequest");

    /// <summary>A ready-made callback that accepts every certificate.</summary>
    public static readonly MemberName AcceptAnyValidator = new MemberName("System.Net.Http.HttpClientHandler", "DangerousAcceptAnyServerCertificateValidator");

    private const string AcceptsEvery = "accepts every certificate";

    /// <summary>
    /// Validation hooks whose delegate has no <c>SslPolicyErrors</c> (so the shape does not find them): the callback is told
    /// the certificate only, and one that returns <c>true</c> without looking at it accepts every certificate.
    /// </summary>
    public static readonly ImmutableArray<ValidationSwitch> PlainHooks = ImmutableArray.Create(
        new ValidationSwitch("System.DirectoryServices.Protocols.LdapSessionOptions", "VerifyServerCertificate", ValidationSwitchKind.OffWhenTrue, AcceptsEvery),
        // MQTTnet's handler takes one argument (the certificate, chain and errors in an event-args object), in each version's
        // options type and builder.
        new ValidationSwitch("MQTTnet.Client.Options.MqttClientOptionsBuilderTlsParameters", "CertificateValidationHandler", ValidationSwitchKind.OffWhenTrue, AcceptsEvery),
        new ValidationSwitch("MQTTnet.Client.Options.MqttClientTlsOptions", "CertificateValidationHandler", ValidationSwitchKind.OffWhenTrue, AcceptsEvery),
        new ValidationSwitch("MQTTnet.Client.MqttClientOptionsBuilderTlsParameters", "CertificateValidationHandler", ValidationSwitchKind.OffWhenTrue, AcceptsEvery),
        new ValidationSwitch("MQTTnet.Client.MqttClientTlsOptions", "CertificateValidationHandler", ValidationSwitchKind.OffWhenTrue, AcceptsEvery),
        new ValidationSwitch("MQTTnet.Client.MqttClientTlsOptionsBuilder", "WithCertificateValidationHandler", ValidationSwitchKind.OffWhenTrue, AcceptsEvery),
        new ValidationSwitch("MQTTnet.MqttClientTlsOptions", "CertificateValidationHandler", ValidationSwitchKind.OffWhenTrue, AcceptsEvery),
        new ValidationSwitch("MQTTnet.MqttClientTlsOptionsBuilder", "WithCertificateValidationHandler", ValidationSwitchKind.OffWhenTrue, AcceptsEvery));

    private const string Untrusted = "makes MQTTnet accept certificates from untrusted issuers";
    private const string ChainErrors = "makes MQTTnet accept certificates whose chain does not validate";

    /// <summary>
    /// Settings of client libraries that switch validation of the server's certificate off, one line per type that declares
    /// one (MQTTnet moved its TLS options between versions: each version's type has its line). A compilation that
    /// references none of these types registers nothing for them.
    /// </summary>
    public static readonly ImmutableArray<ValidationSwitch> Switches = ImmutableArray.Create(
        new ValidationSwitch("Yarp.ReverseProxy.Configuration.HttpClientConfig", "DangerousAcceptAnyServerCertificate", ValidationSwitchKind.OffWhenTrue, "makes YARP accept every certificate from the cluster's destinations"),
        new ValidationSwitch("Ocelot.Configuration.File.FileRoute", "DangerousAcceptAnyServerCertificateValidator", ValidationSwitchKind.OffWhenTrue, "makes Ocelot accept every certificate from the route's downstream service"),
        new ValidationSwitch("Ocelot.Configuration.File.FileReRoute", "DangerousAcceptAnyServerCertificateValidator", ValidationSwitchKind.OffWhenTrue, "makes Ocelot accept every certificate from the route's downstream service"),
        new ValidationSwitch("MQTTnet.Client.Options.MqttClientOptionsBuilderTlsParameters", "AllowUntrustedCertificates", ValidationSwitchKind.OffWhenTrue, Untrusted),
        new ValidationSwitch("MQTTnet.Client.Options.MqttClientOptionsBuilderTlsParameters", "IgnoreCertificateChainErrors", ValidationSwitchKind.OffWhenTrue, ChainErrors),
        new ValidationSwitch("MQTTnet.Client.Options.MqttClientTlsOptions", "AllowUntrustedCertificates", ValidationSwitchKind.OffWhenTrue, Untrusted),
        new ValidationSwitch("MQTTnet.Client.Options.MqttClientTlsOptions", "IgnoreCertificateChainErrors", ValidationSwitchKind.OffWhenTrue, ChainErrors),
        new ValidationSwitch("MQTTnet.Client.MqttClientOptionsBuilderTlsParameters", "AllowUntrustedCertificates", ValidationSwitchKind.OffWhenTrue, Untrusted),
        new ValidationSwitch("MQTTnet.Client.MqttClientOptionsBuilderTlsParameters", "IgnoreCertificateChainErrors", ValidationSwitchKind.OffWhenTrue, ChainErrors),
        new ValidationSwitch("MQTTnet.Client.MqttClientTlsOptions", "AllowUntrustedCertificates", ValidationSwitchKind.OffWhenTrue, Untrusted),
        new ValidationSwitch("MQTTnet.Client.MqttClientTlsOptions", "IgnoreCertificateChainErrors", ValidationSwitchKind.OffWhenTrue, ChainErrors),
        new ValidationSwitch("MQTTnet.Client.MqttClientTlsOptionsBuilder", "WithAllowUntrustedCertificates", ValidationSwitchKind.OffWhenTrue, Untrusted),
        new ValidationSwitch("MQTTnet.Client.MqttClientTlsOptionsBuilder", "WithIgnoreCertificateChainErrors", ValidationSwitchKind.OffWhenTrue, ChainErrors),
        new ValidationSwitch("MQTTnet.MqttClientTlsOptions", "AllowUntrustedCertificates", ValidationSwitchKind.OffWhenTrue, Untrusted),
        new ValidationSwitch("MQTTnet.MqttClientTlsOptions", "IgnoreCertificateChainErrors", ValidationSwitchKind.OffWhenTrue, ChainErrors),
        new ValidationSwitch("MQTTnet.MqttClientTlsOptionsBuilder", "WithAllowUntrustedCertificates", ValidationSwitchKind.OffWhenTrue, Untrusted),
        new ValidationSwitch("MQTTnet.MqttClientTlsOptionsBuilder", "WithIgnoreCertificateChainErrors", ValidationSwitchKind.OffWhenTrue, ChainErrors),
        new ValidationSwitch("Npgsql.NpgsqlConnectionStringBuilder", "TrustServerCertificate", ValidationSwitchKind.OffWhenTrue, "makes Npgsql trust any server certificate"),
        new ValidationSwitch("Microsoft.Data.SqlClient.SqlConnectionStringBuilder", "TrustServerCertificate", ValidationSwitchKind.OffWhenTrue, "makes SqlClient trust any server certificate"),
        new ValidationSwitch("System.Data.SqlClient.SqlConnectionStringBuilder", "TrustServerCertificate", ValidationSwitchKind.OffWhenTrue, "makes SqlClient trust any server certificate"),
        new ValidationSwitch("MongoDB.Driver.MongoClientSettings", "AllowInsecureTls", ValidationSwitchKind.OffWhenTrue, "makes the MongoDB driver accept invalid certificates and host names"),
        new ValidationSwitch("MongoDB.Driver.MongoUrlBuilder", "AllowInsecureTls", ValidationSwitchKind.OffWhenTrue, "makes the MongoDB driver accept invalid certificates and host names"),
        new ValidationSwitch("FluentFTP.FtpConfig", "ValidateAnyCertificate", ValidationSwitchKind.OffWhenTrue, "makes FluentFTP accept every certificate"),
        new ValidationSwitch("FluentFTP.FtpClient", "ValidateAnyCertificate", ValidationSwitchKind.OffWhenTrue, "makes FluentFTP accept every certificate"),
        new ValidationSwitch("Confluent.Kafka.ClientConfig", "EnableSslCertificateVerification", ValidationSwitchKind.OffWhenFalse, "makes the Kafka client skip verifying the broker's certificate"),
        new ValidationSwitch("Confluent.Kafka.ClientConfig", "SslEndpointIdentificationAlgorithm", ValidationSwitchKind.OffWhenNone, "makes the Kafka client accept a certificate issued for another host name", "Https"),
        new ValidationSwitch("RabbitMQ.Client.SslOption", "AcceptablePolicyErrors", ValidationSwitchKind.OffWhenPolicyErrors, "makes RabbitMQ's client accept certificates with"),
        new ValidationSwitch("System.ServiceModel.Security.X509ServiceCertificateAuthentication", "CertificateValidationMode", ValidationSwitchKind.OffWhenNone, "makes WCF accept any service certificate", "ChainTrust"));

    /// <summary>WCF's validation mode attribute in a client's configuration (<c>&lt;serviceCertificate&gt;&lt;authentication&gt;</c>).</summary>
    public const string WcfCertificateValidationMode = "certificateValidationMode";
}

/// <summary>When a <see cref="ValidationSwitch"/> turns validation off.</summary>
internal enum ValidationSwitchKind
{
    /// <summary>A <c>bool</c> property set to <c>true</c>, or a method given <c>true</c> (also by its parameter's default).</summary>
    OffWhenTrue,

    /// <summary>A <c>bool</c> property set to <c>false</c>.</summary>
    OffWhenFalse,

    /// <summary>An <c>SslPolicyErrors</c> property given any error to accept.</summary>
    OffWhenPolicyErrors,

    /// <summary>An enum property set to its <c>None</c> member (WCF's <c>X509CertificateValidationMode.None</c>).</summary>
    OffWhenNone,
}

/// <summary>A library setting that switches server-certificate validation off (see <see cref="CertificateValidation.Switches"/>).</summary>
internal readonly struct ValidationSwitch
{
    public ValidationSwitch(string typeMetadataName, string member, ValidationSwitchKind kind, string effect, string? safeMember = null)
    {
        TypeMetadataName = typeMetadataName;
        Member = member;
        Kind = kind;
        Effect = effect;
        SafeMember = safeMember;
    }

    /// <summary>For <see cref="ValidationSwitchKind.OffWhenNone"/>: the member that validates (<c>ChainTrust</c>).</summary>
    public string? SafeMember { get; }

    public string TypeMetadataName { get; }

    /// <summary>A property, or a builder method taking the <c>bool</c>.</summary>
    public string Member { get; }

    public ValidationSwitchKind Kind { get; }

    /// <summary>What the setting does, for the message ("makes Npgsql trust any server certificate").</summary>
    public string Effect { get; }
}
