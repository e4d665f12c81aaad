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
/// (TLS009).
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
