using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// .NET Framework's <c>configuration/system.net/settings/servicePointManager</c> in app.config and web.config, which
/// <c>ServicePointManager</c> reads at start-up for every connection of the process: <c>checkCertificateName="false"</c>
/// accepts certificates issued for another host (TLS002), <c>checkCertificateRevocationList="false"</c> turns revocation
/// checking off (TLS006), and <c>encryptionPolicy="AllowNoEncryption"</c> or <c>"NoEncryption"</c> allows NULL ciphers
/// (TLS009). A WCF client's <c>&lt;serviceCertificate&gt;&lt;authentication certificateValidationMode="None"&gt;</c>
/// accepts any service certificate (TLS002), and its <c>revocationMode="NoCheck"</c> turns revocation checking off (TLS006).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class NetworkSettingsConfigAnalyzer : ConfigFileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.CertificateValidationDisabledInConfig, Descriptors.RevocationCheckDisabledInConfig, Descriptors.NullEncryptionInConfig);

    private protected override void AnalyzeConfigFiles(CompilationAnalysisContext context)
    {
        foreach (var (file, text, root) in ConfigFileSource.XmlConfigurations(context.Options, context.CancellationToken))
        {
            var where = " in " + ConfigFileSource.FileName(file);

            // A WCF client's endpoint behavior that does not validate the service's certificate.
            foreach (var authentication in root.Descendants("system.serviceModel", "behaviors", "endpointBehaviors", "behavior", "clientCredentials", "serviceCertificate", "authentication"))
            {
                if (authentication.Attribute(Knowledge.CertificateValidation.WcfCertificateValidationMode) is { } mode
                    && string.Equals(mode.Value.Trim(), "None", StringComparison.OrdinalIgnoreCase))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.CertificateValidationDisabledInConfig,
                        ConfigFileSource.Location(file, text, mode.Span),
                        "WCF's client (<serviceCertificate><authentication certificateValidationMode=\"None\">" + where + ")",
                        "accepts any service certificate",
                        "use \"ChainTrust\" (or \"PeerOrChainTrust\" with the service's certificate in the trusted people store)"));
                }

                if (authentication.Attribute("revocationMode") is { } revocationMode
                    && string.Equals(revocationMode.Value.Trim(), "NoCheck", StringComparison.OrdinalIgnoreCase))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RevocationCheckDisabledInConfig,
                        ConfigFileSource.Location(file, text, revocationMode.Span),
                        "WCF's client (<serviceCertificate><authentication revocationMode=\"NoCheck\">" + where + ")",
                        "set it to \"Online\""));
                }
            }

            foreach (var settings in root.Descendants("system.net", "settings", "servicePointManager"))
            {
                if (settings.Attribute("checkCertificateName") is { } name && IsFalse(name.Value))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.CertificateValidationDisabledInConfig,
                        ConfigFileSource.Location(file, text, name.Span),
                        "ServicePointManager (<servicePointManager checkCertificateName=\"false\">" + where + ")",
                        "accepts certificates issued for another host name",
                        "remove the attribute, or set it to \"true\""));
                }

                if (settings.Attribute("checkCertificateRevocationList") is { } revocation && IsFalse(revocation.Value))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RevocationCheckDisabledInConfig,
                        ConfigFileSource.Location(file, text, revocation.Span),
                        "<servicePointManager checkCertificateRevocationList=\"false\">" + where,
                        "set it to \"true\""));
                }

                if (settings.Attribute("encryptionPolicy") is { } policy
                    && policy.Value.Trim() is var value
                    && (string.Equals(value, "AllowNoEncryption", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "NoEncryption", StringComparison.OrdinalIgnoreCase)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.NullEncryptionInConfig,
                        ConfigFileSource.Location(file, text, policy.Span),
                        "<servicePointManager encryptionPolicy>" + where,
                        string.Equals(value, "NoEncryption", StringComparison.OrdinalIgnoreCase) ? "NoEncryption" : "AllowNoEncryption"));
                }
            }
        }
    }

    private static bool IsFalse(string value) => string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase);
}
