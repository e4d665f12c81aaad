using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TlsMinAnalyzer.CodeFixes.Rules;
using TlsMinAnalyzer.Tests.Verifiers;
using Verify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls002>;

namespace TlsMinAnalyzer.Tests.Rules;

/// <summary>
/// TLS002 for library settings that skip validation of the server's certificate — database drivers, message brokers, an
/// FTP client, a reverse proxy. The libraries are declared here as the shapes their packages have (namespace, type and
/// member names, property types); the rule matches them by those names, so every version of a package is covered.
/// </summary>
public class ValidationSwitchTests
{
    /// <summary>The libraries' public shapes, as their packages declare them.</summary>
    internal const string Libraries = """
        namespace MQTTnet.Client
        {
            public class MqttClientTlsOptions { public bool AllowUntrustedCertificates { get; set; } public bool IgnoreCertificateChainErrors { get; set; } }
            public class MqttClientTlsOptionsBuilder
            {
                public MqttClientTlsOptionsBuilder WithAllowUntrustedCertificates(bool allowUntrustedCertificates = true) => this;
                public MqttClientTlsOptionsBuilder WithIgnoreCertificateChainErrors(bool ignoreCertificateChainErrors = true) => this;
                public MqttClientTlsOptions Build() => new MqttClientTlsOptions();
            }
        }
        namespace Npgsql { public class NpgsqlConnectionStringBuilder { public bool TrustServerCertificate { get; set; } } }
        namespace Microsoft.Data.SqlClient { public class SqlConnectionStringBuilder { public bool TrustServerCertificate { get; set; } } }
        namespace MongoDB.Driver { public class MongoClientSettings { public bool AllowInsecureTls { get; set; } } }
        namespace Confluent.Kafka
        {
            public enum SslEndpointIdentificationAlgorithm { None, Https }
            public class ClientConfig { public bool? EnableSslCertificateVerification { get; set; } public SslEndpointIdentificationAlgorithm? SslEndpointIdentificationAlgorithm { get; set; } }
            public class ProducerConfig : ClientConfig { }
        }
        namespace RabbitMQ.Client { public class SslOption { public System.Net.Security.SslPolicyErrors AcceptablePolicyErrors { get; set; } } }
        namespace FluentFTP { public class FtpConfig { public bool ValidateAnyCertificate { get; set; } } }
        namespace Yarp.ReverseProxy.Configuration { public class HttpClientConfig { public bool? DangerousAcceptAnyServerCertificate { get; set; } } }
        namespace Ocelot.Configuration.File { public class FileRoute { public bool DangerousAcceptAnyServerCertificateValidator { get; set; } } }
        """;

    private static DiagnosticResult Expect(int location, string setting, string effect, string remedy)
        => Verify.Diagnostic("TLS002").WithLocation(location).WithArguments(setting, effect, remedy);

    [Fact]
    public Task SettingsThatSkipValidation_Report() => Verify.VerifyAsync(
        new[]
        {
            Libraries,
            """
            using System.Net.Security;
            using Confluent.Kafka;
            using FluentFTP;
            using MongoDB.Driver;
            using MQTTnet.Client;
            using Npgsql;
            using RabbitMQ.Client;
            using Yarp.ReverseProxy.Configuration;

            class Clients
            {
                void Configure()
                {
                    var tls = new MqttClientTlsOptions { AllowUntrustedCertificates = {|#0:true|}, IgnoreCertificateChainErrors = {|#1:true|} };
                    var built = {|#2:new MqttClientTlsOptionsBuilder().WithAllowUntrustedCertificates()|}.WithIgnoreCertificateChainErrors({|#3:true|}).Build();
                    var npgsql = new NpgsqlConnectionStringBuilder { TrustServerCertificate = {|#4:true|} };
                    var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder();
                    sql.TrustServerCertificate = {|#5:true|};
                    var mongo = new MongoClientSettings { AllowInsecureTls = {|#6:true|} };
                    var kafka = new ProducerConfig { EnableSslCertificateVerification = {|#7:false|}, SslEndpointIdentificationAlgorithm = {|#11:SslEndpointIdentificationAlgorithm.None|} };
                    var rabbit = new SslOption { AcceptablePolicyErrors = {|#8:SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors|} };
                    var ftp = new FtpConfig { ValidateAnyCertificate = {|#9:true|} };
                    var proxy = new HttpClientConfig { DangerousAcceptAnyServerCertificate = {|#10:true|} };
                    var route = new Ocelot.Configuration.File.FileRoute { DangerousAcceptAnyServerCertificateValidator = {|#12:true|} };
                }
            }
            """,
        },
        References.Net80,
        Expect(0, "MqttClientTlsOptions.AllowUntrustedCertificates = true", "makes MQTTnet accept certificates from untrusted issuers", "set it to false"),
        Expect(1, "MqttClientTlsOptions.IgnoreCertificateChainErrors = true", "makes MQTTnet accept certificates whose chain does not validate", "set it to false"),
        Expect(2, "MqttClientTlsOptionsBuilder.WithAllowUntrustedCertificates()", "makes MQTTnet accept certificates from untrusted issuers", "remove the call, or pass false"),
        Expect(3, "MqttClientTlsOptionsBuilder.WithIgnoreCertificateChainErrors(true)", "makes MQTTnet accept certificates whose chain does not validate", "remove the call, or pass false"),
        Expect(4, "NpgsqlConnectionStringBuilder.TrustServerCertificate = true", "makes Npgsql trust any server certificate", "set it to false"),
        Expect(5, "SqlConnectionStringBuilder.TrustServerCertificate = true", "makes SqlClient trust any server certificate", "set it to false"),
        Expect(6, "MongoClientSettings.AllowInsecureTls = true", "makes the MongoDB driver accept invalid certificates and host names", "set it to false"),
        Expect(7, "ClientConfig.EnableSslCertificateVerification = false", "makes the Kafka client skip verifying the broker's certificate", "set it to true"),
        Expect(11, "ClientConfig.SslEndpointIdentificationAlgorithm = SslEndpointIdentificationAlgorithm.None", "makes the Kafka client accept a certificate issued for another host name", "set it to SslEndpointIdentificationAlgorithm.Https"),
        Expect(8, "SslOption.AcceptablePolicyErrors = SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors", "makes RabbitMQ's client accept certificates with RemoteCertificateNameMismatch, RemoteCertificateChainErrors", "set it to SslPolicyErrors.None"),
        Expect(9, "FtpConfig.ValidateAnyCertificate = true", "makes FluentFTP accept every certificate", "set it to false"),
        Expect(10, "HttpClientConfig.DangerousAcceptAnyServerCertificate = true", "makes YARP accept every certificate from the cluster's destinations", "set it to false"),
        Expect(12, "FileRoute.DangerousAcceptAnyServerCertificateValidator = true", "makes Ocelot accept every certificate from the route's downstream service", "set it to false"));

    [Fact]
    public Task ValidatingValuesReadsAndLookalikes_DoNotReport() => Verify.VerifyAsync(
        new[]
        {
            Libraries,
            """
            using System.Net.Security;
            using Confluent.Kafka;
            using MQTTnet.Client;
            using Npgsql;
            using RabbitMQ.Client;

            namespace MyApp { public class SqlConnectionStringBuilder { public bool TrustServerCertificate { get; set; } } }

            class Clients
            {
                void Configure(bool trust, Settings settings)
                {
                    var tls = new MqttClientTlsOptions { AllowUntrustedCertificates = false };
                    var built = new MqttClientTlsOptionsBuilder().WithAllowUntrustedCertificates(false).Build();
                    var npgsql = new NpgsqlConnectionStringBuilder { TrustServerCertificate = trust };
                    var fromSettings = new NpgsqlConnectionStringBuilder { TrustServerCertificate = settings.TrustServerCertificate };
                    var kafka = new ProducerConfig { EnableSslCertificateVerification = true };
                    var rabbit = new SslOption { AcceptablePolicyErrors = SslPolicyErrors.None };
                    var mine = new MyApp.SqlConnectionStringBuilder { TrustServerCertificate = true };
                    bool read = npgsql.TrustServerCertificate;
                }
            }

            class Settings { public bool TrustServerCertificate { get; set; } }
            """,
        },
        References.Net80);

    [Fact]
    public Task WeakSettingsDefault_ReportsNamingIt() => Verify.VerifyAsync(
        new[]
        {
            Libraries,
            """
            public class DatabaseSettings { public bool TrustServerCertificate { get; set; } = true; }
            """,
            """
            using Npgsql;

            class Database
            {
                private readonly DatabaseSettings _settings = new DatabaseSettings();

                NpgsqlConnectionStringBuilder Builder() => new NpgsqlConnectionStringBuilder { TrustServerCertificate = {|#0:_settings.TrustServerCertificate|} };
            }
            """,
        },
        References.Net80,
        Expect(0, "NpgsqlConnectionStringBuilder.TrustServerCertificate = _settings.TrustServerCertificate while DatabaseSettings.TrustServerCertificate keeps its default (true)", "makes Npgsql trust any server certificate", "set it to false"));

    [Fact]
    public Task Fix_TurnsValidationBackOn() => CodeFixVerifier<Tls002, CertificateValidationCodeFixProvider>.VerifyAsync(
        new[]
        {
            Libraries,
            """
            using System.Net.Security;
            using Confluent.Kafka;
            using MQTTnet.Client;
            using Npgsql;
            using RabbitMQ.Client;

            class Clients
            {
                void Configure()
                {
                    var built = [|new MqttClientTlsOptionsBuilder().WithAllowUntrustedCertificates()|].WithIgnoreCertificateChainErrors([|true|]).Build();
                    var npgsql = new NpgsqlConnectionStringBuilder { TrustServerCertificate = [|true|] };
                    var kafka = new ProducerConfig { EnableSslCertificateVerification = [|false|], SslEndpointIdentificationAlgorithm = [|SslEndpointIdentificationAlgorithm.None|] };
                    var rabbit = new SslOption { AcceptablePolicyErrors = [|SslPolicyErrors.RemoteCertificateNameMismatch|] };
                }
            }
            """,
        },
        new[]
        {
            Libraries,
            """
            using System.Net.Security;
            using Confluent.Kafka;
            using MQTTnet.Client;
            using Npgsql;
            using RabbitMQ.Client;

            class Clients
            {
                void Configure()
                {
                    var built = new MqttClientTlsOptionsBuilder().WithIgnoreCertificateChainErrors(false).Build();
                    var npgsql = new NpgsqlConnectionStringBuilder { TrustServerCertificate = false };
                    var kafka = new ProducerConfig { EnableSslCertificateVerification = true, SslEndpointIdentificationAlgorithm = SslEndpointIdentificationAlgorithm.Https };
                    var rabbit = new SslOption { AcceptablePolicyErrors = SslPolicyErrors.None };
                }
            }
            """,
        },
        CertificateValidationCodeFixProvider.TurnValidationOnKey,
        References.Net80);

    private const string Ldap = """
        namespace System.DirectoryServices.Protocols
        {
            public delegate bool VerifyServerCertificateCallback(LdapConnection connection, System.Security.Cryptography.X509Certificates.X509Certificate certificate);
            public class LdapConnection { public LdapSessionOptions SessionOptions { get; } = new LdapSessionOptions(); }
            public class LdapSessionOptions { public VerifyServerCertificateCallback VerifyServerCertificate { get; set; } public bool SecureSocketLayer { get; set; } }
        }
        """;

    [Fact]
    public Task LdapCallbackThatReturnsTrue_Reports_OneThatLooksAtTheCertificateDoesNot() => Verify.VerifyAsync(
        new[]
        {
            Ldap,
            """
            using System.DirectoryServices.Protocols;
            using System.Security.Cryptography.X509Certificates;

            class Directory
            {
                private const string Thumbprint = "0123456789ABCDEF";

                void Connect(LdapConnection connection, LdapConnection pinned, LdapConnection method)
                {
                    connection.SessionOptions.SecureSocketLayer = true;
                    connection.SessionOptions.VerifyServerCertificate = {|#0:(c, certificate) => true|};
                    pinned.SessionOptions.VerifyServerCertificate = (c, certificate) => certificate.GetCertHashString() == Thumbprint;
                    method.SessionOptions.VerifyServerCertificate = {|#1:TrustAll|};
                }

                private static bool TrustAll(LdapConnection connection, X509Certificate certificate) => true;
            }
            """,
        },
        References.Net80,
        Expect(0, "LdapSessionOptions.VerifyServerCertificate", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or check the certificate (its issuer, thumbprint or chain)"),
        Expect(1, "LdapSessionOptions.VerifyServerCertificate", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or check the certificate (its issuer, thumbprint or chain)"));

    private const string Mqtt = """
        namespace MQTTnet
        {
            using System;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            public class MqttClientCertificateValidationEventArgs
            {
                public X509Certificate Certificate { get; }
                public X509Chain Chain { get; }
                public SslPolicyErrors SslPolicyErrors { get; }
            }
            public class MqttClientTlsOptions { public bool UseTls { get; set; } public Func<MqttClientCertificateValidationEventArgs, bool> CertificateValidationHandler { get; set; } }
            public class MqttClientTlsOptionsBuilder
            {
                public MqttClientTlsOptionsBuilder UseTls(bool useTls = true) => this;
                public MqttClientTlsOptionsBuilder WithCertificateValidationHandler(Func<MqttClientCertificateValidationEventArgs, bool> certificateValidationHandler) => this;
                public MqttClientTlsOptions Build() => new MqttClientTlsOptions();
            }
        }
        """;

    /// <summary>
    /// MQTTnet's handler takes one argument that carries the certificate, chain and errors: one that returns true without
    /// reading it accepts every certificate, set as a property or through the builder; one that reads it decides.
    /// </summary>
    [Fact]
    public Task MqttHandlerThatReturnsTrue_Reports_OneThatReadsItsArgumentsDoesNot() => Verify.VerifyAsync(
        new[]
        {
            Mqtt,
            """
            using System.Net.Security;
            using MQTTnet;

            class Broker
            {
                MqttClientTlsOptions Unsafe() => new MqttClientTlsOptions { UseTls = true, CertificateValidationHandler = {|#0:_ => true|} };

                MqttClientTlsOptions Built() => new MqttClientTlsOptionsBuilder().UseTls().WithCertificateValidationHandler({|#1:AcceptAll|}).Build();

                MqttClientTlsOptions Strict() => new MqttClientTlsOptionsBuilder().UseTls().WithCertificateValidationHandler(e => e.SslPolicyErrors == SslPolicyErrors.None).Build();

                MqttClientTlsOptions Pinned() => new MqttClientTlsOptions { CertificateValidationHandler = e => e.Certificate.GetCertHashString() == "AB12" };

                private static bool AcceptAll(MqttClientCertificateValidationEventArgs args) => true;
            }
            """,
        },
        References.Net80,
        Expect(0, "MqttClientTlsOptions.CertificateValidationHandler", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or check the certificate (its issuer, thumbprint or chain)"),
        Expect(1, "MqttClientTlsOptionsBuilder.WithCertificateValidationHandler()", "is given a callback that accepts every certificate", "remove the callback to use the platform's validation, or check the certificate (its issuer, thumbprint or chain)"));

    [Fact]
    public Task LdapCallback_IsRemoved() => CodeFixVerifier<Tls002, CertificateValidationCodeFixProvider>.VerifyAsync(
        new[]
        {
            Ldap,
            """
            using System.DirectoryServices.Protocols;

            class Directory
            {
                void Connect(LdapConnection connection)
                {
                    connection.SessionOptions.SecureSocketLayer = true;
                    connection.SessionOptions.VerifyServerCertificate = [|(c, certificate) => true|];
                }
            }
            """,
        },
        new[]
        {
            Ldap,
            """
            using System.DirectoryServices.Protocols;

            class Directory
            {
                void Connect(LdapConnection connection)
                {
                    connection.SessionOptions.SecureSocketLayer = true;
                }
            }
            """,
        },
        CertificateValidationCodeFixProvider.RemoveCallbackKey,
        References.Net80);

    [Fact]
    public Task MqttBuilderHandler_IsTakenOutOfTheChain() => CodeFixVerifier<Tls002, CertificateValidationCodeFixProvider>.VerifyAsync(
        new[]
        {
            Mqtt,
            """
            using MQTTnet;

            class Broker
            {
                MqttClientTlsOptions Built() => new MqttClientTlsOptionsBuilder().UseTls().WithCertificateValidationHandler([|_ => true|]).Build();
            }
            """,
        },
        new[]
        {
            Mqtt,
            """
            using MQTTnet;

            class Broker
            {
                MqttClientTlsOptions Built() => new MqttClientTlsOptionsBuilder().UseTls().Build();
            }
            """,
        },
        CertificateValidationCodeFixProvider.RemoveCallbackKey,
        References.Net80);

    private const string Wcf = """
        namespace System.ServiceModel.Security
        {
            public enum X509CertificateValidationMode { None, PeerTrust, ChainTrust, PeerOrChainTrust, Custom }
            public class X509ServiceCertificateAuthentication { public X509CertificateValidationMode CertificateValidationMode { get; set; } }
        }
        """;

    [Fact]
    public Task WcfClientWithoutServiceCertificateValidation_Reports_AndIsFixed() => CodeFixVerifier<Tls002, CertificateValidationCodeFixProvider>.VerifyAsync(
        new[]
        {
            Wcf,
            """
            using System.ServiceModel.Security;

            class Partner
            {
                void Configure(X509ServiceCertificateAuthentication authentication, X509ServiceCertificateAuthentication custom)
                {
                    authentication.CertificateValidationMode = [|X509CertificateValidationMode.None|];
                    custom.CertificateValidationMode = X509CertificateValidationMode.Custom;
                }
            }
            """,
        },
        new[]
        {
            Wcf,
            """
            using System.ServiceModel.Security;

            class Partner
            {
                void Configure(X509ServiceCertificateAuthentication authentication, X509ServiceCertificateAuthentication custom)
                {
                    authentication.CertificateValidationMode = X509CertificateValidationMode.ChainTrust;
                    custom.CertificateValidationMode = X509CertificateValidationMode.Custom;
                }
            }
            """,
        },
        CertificateValidationCodeFixProvider.TurnValidationOnKey,
        References.Net80);
}
