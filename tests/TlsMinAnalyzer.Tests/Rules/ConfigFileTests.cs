using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MailVerify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls003>;
using ProtocolVerify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls001>;
using SwitchVerify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls007>;
using ValidationVerify = TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls002>;

namespace TlsMinAnalyzer.Tests.Rules;

/// <summary>Config files read as additional files: app.config/web.config (XML) and appsettings*.json.</summary>
public class ConfigFileTests
{
    private const string MailAdvice = "set enableSsl=\"true\" on <network> (mandatory STARTTLS, on the submission port 587) or move to MailKit with implicit TLS on port 465 (RFC 8314 §3)";

    // ---- mailSettings: TLS003 ----

    [Fact]
    public Task MailSettingsWithoutEnableSsl_Reports() => MailVerify.VerifyConfigAsync(
        new[]
        {
            ("/0/App.config", """
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <system.net>
                    <mailSettings>
                      <smtp from="reports@example.com">
                        <{|#0:network|} host="smtp.example.com" port="25" userName="reports" password="secret" />
                      </smtp>
                    </mailSettings>
                  </system.net>
                </configuration>
                """),
            ("/0/Web.Release.config", """
                <configuration>
                  <system.net>
                    <mailSettings>
                      <smtp deliveryMethod="Network">
                        <network host="mail.example.com" port="587" {|#1:enableSsl="false"|} />
                      </smtp>
                    </mailSettings>
                  </system.net>
                </configuration>
                """),
        },
        null,
        MailVerify.Diagnostic("TLS003").WithLocation(0).WithArguments("SmtpClient reads <mailSettings> in App.config and sends to smtp.example.com:25 without TLS (enableSsl is not set)", MailAdvice),
        MailVerify.Diagnostic("TLS003").WithLocation(1).WithArguments("SmtpClient reads <mailSettings> in Web.Release.config and sends to mail.example.com:587 without TLS (enableSsl=\"false\")", MailAdvice));

    [Fact]
    public Task SecurePickupLoopbackOrNotAConfigFile_DoNotReport() => MailVerify.VerifyConfigAsync(
        new[]
        {
            ("/0/App.config", """
                <configuration>
                  <system.net>
                    <mailSettings>
                      <smtp><network host="smtp.example.com" port="587" enableSsl="true" /></smtp>
                    </mailSettings>
                  </system.net>
                </configuration>
                """),
            ("/0/web.config", """
                <configuration>
                  <system.net>
                    <mailSettings>
                      <smtp deliveryMethod="SpecifiedPickupDirectory"><specifiedPickupDirectory pickupDirectoryLocation="c:\mail" /><network host="smtp.example.com" /></smtp>
                    </mailSettings>
                  </system.net>
                </configuration>
                """),
            ("/0/app.Debug.config", """
                <configuration><system.net><mailSettings><smtp><network host="localhost" port="25" /></smtp></mailSettings></system.net></configuration>
                """),
            ("/0/notes.xml", """
                <configuration><system.net><mailSettings><smtp><network host="smtp.example.com" /></smtp></mailSettings></system.net></configuration>
                """),
        },
        null);

    [Fact]
    public Task ExemptHostsOption_AppliesToConfigFiles() => MailVerify.VerifyConfigAsync(
        new[]
        {
            ("/0/App.config", """
                <configuration><system.net><mailSettings><smtp><network host="relay.corp.internal" /></smtp></mailSettings></system.net></configuration>
                """),
        },
        "tlsmin.exempt_hosts = relay.corp.internal");

    [Fact]
    public Task DtdAndExternalEntities_AreNeverResolved() => MailVerify.VerifyConfigAsync(
        new[]
        {
            // If the entity were expanded, the host would come from another file and produce a finding; with DTD processing
            // prohibited the file is rejected as a whole: no finding, no exception, nothing opened.
            ("/0/App.config", """
                <?xml version="1.0"?>
                <!DOCTYPE configuration [ <!ENTITY host SYSTEM "file:///etc/hostname"> <!ENTITY plain "smtp.example.com"> ]>
                <configuration><system.net><mailSettings><smtp><network host="&plain;" /></smtp></mailSettings></system.net></configuration>
                """),
            ("/0/Web.config", """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [ <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"> ]>
                <configuration><system.net><mailSettings><smtp><network host="&lol2;" /></smtp></mailSettings></system.net></configuration>
                """),
        },
        null);

    [Fact]
    public Task TruncatedAndMalformedXml_DoNotReportOrThrow() => MailVerify.VerifyConfigAsync(
        new[]
        {
            ("/0/App.config", "<configuration><system.net><mailSettings><smtp><network host=\"smtp.example.com\" />"),
            ("/0/Web.config", "<configuration><system.net><mailSettings><smtp><network host=\"smtp.example.com\" </smtp></configuration>"),
            ("/0/app.Release.config", "\u0000\u0001 not xml at all"),
            ("/0/app.Empty.config", string.Empty),
        },
        null);

    [Fact]
    public Task HugeConfigFile_IsSkipped() => MailVerify.VerifyConfigAsync(
        new[]
        {
            ("/0/App.config", "<configuration><!--" + new string('x', 3 * 1024 * 1024) + "--><system.net><mailSettings><smtp><network host=\"smtp.example.com\" /></smtp></mailSettings></system.net></configuration>"),
        },
        null);

    // ---- AppContextSwitchOverrides: TLS007 ----

    [Fact]
    public Task AppContextSwitchOverrides_ReportEachWeakeningSwitch() => SwitchVerify.VerifyConfigAsync(
        new[]
        {
            ("/0/App.config", """
                <configuration>
                  <runtime>
                    <AppContextSwitchOverrides value="Switch.System.Xml.Foo=true;{|#0:Switch.System.Net.DontEnableSchUseStrongCrypto=true|};Switch.System.Net.DontEnableSystemDefaultTlsVersions=false;{|#1:Switch.System.ServiceModel.DisableUsingServicePointManagerSecurityProtocols=true|}" />
                  </runtime>
                </configuration>
                """),
        },
        null,
        SwitchVerify.Diagnostic("TLS007").WithLocation(0).WithArguments("AppContextSwitchOverrides \"Switch.System.Net.DontEnableSchUseStrongCrypto=true\" in App.config", "stops .NET Framework from using strong cryptography: SSL 3.0 and TLS 1.0 become negotiable and TLS 1.2 may not be offered"),
        SwitchVerify.Diagnostic("TLS007").WithLocation(1).WithArguments("AppContextSwitchOverrides \"Switch.System.ServiceModel.DisableUsingServicePointManagerSecurityProtocols=true\" in App.config", "makes WCF ignore ServicePointManager.SecurityProtocol and fall back to its own older protocol defaults"));

    // ---- Kestrel SslProtocols in appsettings*.json: TLS001 ----

    [Fact]
    public Task KestrelSslProtocols_ReportDeprecatedElements() => ProtocolVerify.VerifyConfigAsync(
        new[]
        {
            ("/0/appsettings.json", """
                {
                  // comments and trailing commas are fine in .NET configuration JSON
                  "Kestrel": {
                    "EndpointDefaults": { "SslProtocols": [ {|#0:"Tls11"|}, "Tls12", ] },
                    "Endpoints": {
                      "Https": {
                        "Url": "https://*:5001",
                        "sslprotocols": [ {|#1:"tls"|}, "Tls13" ],
                        "Sni": {
                          "legacy.example.com": { "SslProtocols": [ {|#2:"Default"|} ] },
                        },
                      },
                    },
                  },
                  /* block comment */
                }
                """),
            ("/0/appsettings.Production.json", """
                { "Kestrel": { "Endpoints": { "Api": { "SslProtocols": {|#3:"Ssl3, Tls12"|} } } } }
                """),
        },
        null,
        ProtocolVerify.Diagnostic("TLS001").WithLocation(0).WithArguments("Kestrel:EndpointDefaults:SslProtocols in appsettings.json", "TLS 1.1", "RFC 8996", "\"Tls12\", \"Tls13\""),
        ProtocolVerify.Diagnostic("TLS001").WithLocation(1).WithArguments("Kestrel:Endpoints:Https:SslProtocols in appsettings.json", "TLS 1.0", "RFC 8996", "\"Tls12\", \"Tls13\""),
        ProtocolVerify.Diagnostic("TLS001").WithLocation(2).WithArguments("Kestrel:Endpoints:Https:Sni:legacy.example.com:SslProtocols in appsettings.json", "SSL 3.0 and TLS 1.0", "RFC 7568 and RFC 8996", "\"Tls12\", \"Tls13\""),
        ProtocolVerify.Diagnostic("TLS001").WithLocation(3).WithArguments("Kestrel:Endpoints:Api:SslProtocols in appsettings.Production.json", "SSL 3.0", "RFC 7568", "\"Tls12\", \"Tls13\""));

    [Fact]
    public Task KestrelWithMinimumTls13_ReportsTls12() => ProtocolVerify.VerifyConfigAsync(
        new[] { ("/0/appsettings.json", """{ "Kestrel": { "EndpointDefaults": { "SslProtocols": [ {|#0:"Tls12"|}, "Tls13" ] } } }""") },
        "tlsmin.minimum_tls_version = 1.3",
        ProtocolVerify.Diagnostic("TLS001").WithLocation(0).WithArguments("Kestrel:EndpointDefaults:SslProtocols in appsettings.json", "TLS 1.2", "the project's policy (tlsmin.minimum_tls_version = 1.3)", "\"Tls13\""));

    [Fact]
    public Task ModernMalformedOrOtherJson_DoNotReport() => ProtocolVerify.VerifyConfigAsync(
        new[]
        {
            ("/0/appsettings.json", """{ "Kestrel": { "EndpointDefaults": { "SslProtocols": [ "Tls12", "Tls13" ] } }, "Legacy": { "SslProtocols": [ "Tls" ] } }"""),
            ("/0/appsettings.Development.json", """{ "Kestrel": { "EndpointDefaults": { "SslProtocols": [ "Tls11" """),
            ("/0/appsettings.Staging.json", """{ "Kestrel": { "EndpointDefaults": { "SslProtocols": [ "Tls11" ] } } } trailing garbage"""),
            ("/0/appsettings.Deep.json", string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000))),
            ("/0/config.json", """{ "Kestrel": { "EndpointDefaults": { "SslProtocols": [ "Tls11" ] } } }"""),
        },
        null);

    // ---- YARP's reverse-proxy clusters in appsettings*.json: TLS002 and TLS001 ----

    private const string ReverseProxy = """
        {
          "ReverseProxy": {
            "Routes": { "api": { "ClusterId": "backend", "Match": { "Path": "/api/{**catch-all}" } } },
            "Clusters": {
              "backend": {
                "Destinations": { "one": { "Address": "https://10.0.0.5:8443/" } },
                "HttpClient": {
                  "DangerousAcceptAnyServerCertificate": {|#0:true|},
                  "SslProtocols": [ {|#1:"Tls11"|}, "Tls12" ],
                },
              },
              "legacy": {
                "HttpClient": { "dangerousAcceptAnyServerCertificate": {|#2:"True"|}, "SslProtocols": {|#3:"Tls, Tls12"|} },
              },
              "modern": {
                "HttpClient": { "DangerousAcceptAnyServerCertificate": false, "SslProtocols": [ "Tls12", "Tls13" ] },
              },
              "plain": { "Destinations": { "one": { "Address": "https://example.com/" } } },
            },
          },
        }
        """;

    [Fact]
    public Task ReverseProxyAcceptingAnyCertificate_ReportsTls002() => ValidationVerify.VerifyConfigAsync(
        new[] { ("/0/appsettings.json", ReverseProxy.Replace("{|#1:", string.Empty).Replace("{|#3:", string.Empty).Replace("\"Tls11\"|}", "\"Tls11\"").Replace("\"Tls, Tls12\"|}", "\"Tls, Tls12\"")) },
        null,
        ValidationVerify.Diagnostic("TLS002").WithLocation(0).WithArguments(
            "YARP's client for cluster 'backend' (ReverseProxy:Clusters:backend:HttpClient:DangerousAcceptAnyServerCertificate in appsettings.json)",
            "accepts every certificate (DangerousAcceptAnyServerCertificate: true)",
            "set it to false, or remove it"),
        ValidationVerify.Diagnostic("TLS002").WithLocation(2).WithArguments(
            "YARP's client for cluster 'legacy' (ReverseProxy:Clusters:legacy:HttpClient:DangerousAcceptAnyServerCertificate in appsettings.json)",
            "accepts every certificate (DangerousAcceptAnyServerCertificate: true)",
            "set it to false, or remove it"));

    [Fact]
    public Task ReverseProxyOldProtocols_ReportTls001() => ProtocolVerify.VerifyConfigAsync(
        new[] { ("/0/appsettings.json", ReverseProxy.Replace("{|#0:", string.Empty).Replace("{|#2:", string.Empty).Replace("true|}", "true").Replace("\"True\"|}", "\"True\"")) },
        null,
        ProtocolVerify.Diagnostic("TLS001").WithLocation(1).WithArguments("ReverseProxy:Clusters:backend:HttpClient:SslProtocols in appsettings.json", "TLS 1.1", "RFC 8996", "\"Tls12\", \"Tls13\""),
        ProtocolVerify.Diagnostic("TLS001").WithLocation(3).WithArguments("ReverseProxy:Clusters:legacy:HttpClient:SslProtocols in appsettings.json", "TLS 1.0", "RFC 8996", "\"Tls12\", \"Tls13\""));


    // ---- system.net/settings/servicePointManager: TLS002, TLS006, TLS009 ----

    private const string ServicePointManagerConfig = """
        <configuration>
          <system.net>
            <settings>
              <servicePointManager {|#0:checkCertificateName="false"|} {|#1:checkCertificateRevocationList="false"|} {|#2:encryptionPolicy="AllowNoEncryption"|} expect100Continue="false" />
            </settings>
          </system.net>
        </configuration>
        """;

    private const string StrictServicePointManagerConfig = """
        <configuration>
          <system.net>
            <settings>
              <servicePointManager checkCertificateName="true" checkCertificateRevocationList="true" encryptionPolicy="RequireEncryption" />
            </settings>
          </system.net>
        </configuration>
        """;

    [Fact]
    public Task ServicePointManagerSettings_NameCheckOff_ReportsTls002() => ValidationVerify.VerifyConfigAsync(
        new[] { ("/0/Web.config", ServicePointManagerConfig), ("/0/App.config", StrictServicePointManagerConfig) },
        null,
        ValidationVerify.Diagnostic("TLS002").WithLocation(0).WithArguments(
            "ServicePointManager (<servicePointManager checkCertificateName=\"false\"> in Web.config)",
            "accepts certificates issued for another host name",
            "remove the attribute, or set it to \"true\""));

    [Fact]
    public Task ServicePointManagerSettings_RevocationOff_ReportsTls006() => TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls006>.VerifyConfigAsync(
        new[] { ("/0/Web.config", ServicePointManagerConfig.Replace("{|#0:", string.Empty).Replace("\"false\"|} {|#1:", "\"false\" {|#0:").Replace("\"false\"|} {|#2:", "\"false\"|} ").Replace("\"AllowNoEncryption\"|}", "\"AllowNoEncryption\"")), ("/0/App.config", StrictServicePointManagerConfig) },
        null,
        TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls006>.Diagnostic("TLS006").WithLocation(0).WithArguments(
            "<servicePointManager checkCertificateRevocationList=\"false\"> in Web.config",
            "set it to \"true\""));

    [Fact]
    public Task ServicePointManagerSettings_NullCiphersAllowed_ReportsTls009() => TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls009>.VerifyConfigAsync(
        new[] { ("/0/Web.config", ServicePointManagerConfig.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("\"false\"|}", "\"false\"").Replace("{|#2:", "{|#0:")), ("/0/App.config", StrictServicePointManagerConfig) },
        null,
        TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls009>.Diagnostic("TLS009").WithLocation(0).WithArguments(
            "<servicePointManager encryptionPolicy> in Web.config",
            "AllowNoEncryption"));

    [Fact]
    public Task WcfClientWithoutServiceCertificateValidation_ReportsTls002() => ValidationVerify.VerifyConfigAsync(
        new[]
        {
            ("/0/App.config", """
                <configuration>
                  <system.serviceModel>
                    <behaviors>
                      <endpointBehaviors>
                        <behavior name="partner">
                          <clientCredentials>
                            <serviceCertificate>
                              <authentication {|#0:certificateValidationMode="None"|} revocationMode="NoCheck" />
                            </serviceCertificate>
                          </clientCredentials>
                        </behavior>
                        <behavior name="strict">
                          <clientCredentials>
                            <serviceCertificate>
                              <authentication certificateValidationMode="ChainTrust" />
                            </serviceCertificate>
                          </clientCredentials>
                        </behavior>
                      </endpointBehaviors>
                    </behaviors>
                  </system.serviceModel>
                </configuration>
                """),
        },
        null,
        ValidationVerify.Diagnostic("TLS002").WithLocation(0).WithArguments(
            "WCF's client (<serviceCertificate><authentication certificateValidationMode=\"None\"> in App.config)",
            "accepts any service certificate",
            "use \"ChainTrust\" (or \"PeerOrChainTrust\" with the service's certificate in the trusted people store)"));

    [Fact]
    public Task WcfClientWithoutRevocationChecking_ReportsTls006() => TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls006>.VerifyConfigAsync(
        new[]
        {
            ("/0/App.config", """
                <configuration>
                  <system.serviceModel>
                    <behaviors>
                      <endpointBehaviors>
                        <behavior>
                          <clientCredentials>
                            <serviceCertificate>
                              <authentication certificateValidationMode="ChainTrust" {|#0:revocationMode="NoCheck"|} />
                            </serviceCertificate>
                          </clientCredentials>
                        </behavior>
                      </endpointBehaviors>
                    </behaviors>
                  </system.serviceModel>
                </configuration>
                """),
        },
        null,
        TlsMinAnalyzer.Tests.Verifiers.AnalyzerVerifier<TlsMinAnalyzer.Tests.Verifiers.Tls006>.Diagnostic("TLS006").WithLocation(0).WithArguments(
            "WCF's client (<serviceCertificate><authentication revocationMode=\"NoCheck\"> in App.config)",
            "set it to \"Online\""));

    [Fact]
    public Task OcelotRouteAcceptingAnyCertificate_ReportsTls002() => ValidationVerify.VerifyConfigAsync(
        new[]
        {
            ("/0/ocelot.json", """
                {
                  "Routes": [
                    {
                      "DownstreamPathTemplate": "/api/orders",
                      "DownstreamScheme": "https",
                      "DangerousAcceptAnyServerCertificateValidator": {|#0:true|}
                    },
                    {
                      "DownstreamPathTemplate": "/api/stock",
                      "DownstreamScheme": "https",
                      "DangerousAcceptAnyServerCertificateValidator": false
                    }
                  ]
                }
                """),
            ("/0/other.json", """
                { "Routes": [ { "DangerousAcceptAnyServerCertificateValidator": true } ] }
                """),
        },
        null,
        ValidationVerify.Diagnostic("TLS002").WithLocation(0).WithArguments(
            "Ocelot's route 0 /api/orders (Routes:0:DangerousAcceptAnyServerCertificateValidator in ocelot.json)",
            "accepts every certificate from the downstream service (DangerousAcceptAnyServerCertificateValidator: true)",
            "set it to false, or remove it"));
}
