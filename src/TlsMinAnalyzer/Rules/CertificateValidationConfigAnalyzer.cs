using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// TLS002 in appsettings*.json: YARP's <c>ReverseProxy:Clusters:*:HttpClient:DangerousAcceptAnyServerCertificate</c> set to
/// true (a JSON <c>true</c> or the string "true", which the configuration binder reads the same way) makes the proxy accept
/// any certificate from that cluster's destinations.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class CertificateValidationConfigAnalyzer : ConfigFileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CertificateValidationDisabledInConfig);

    private protected override void AnalyzeConfigFiles(CompilationAnalysisContext context)
    {
        foreach (var (file, text) in ConfigFileSource.Files(context.Options, ConfigFiles.IsAppSettings, context.CancellationToken))
        {
            if (JsonConfig.TryParse(text) is not { Kind: JsonKind.Object } root)
            {
                continue;
            }

            foreach (var (cluster, client) in DeprecatedProtocolConfigAnalyzer.ReverseProxyClients(root))
            {
                if (client.Property(ConfigFiles.DangerousAcceptAnyServerCertificate) is { Kind: JsonKind.Literal or JsonKind.String } value
                    && string.Equals(value.Text?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.CertificateValidationDisabledInConfig,
                        ConfigFileSource.Location(file, text, value.Span),
                        "YARP's client for cluster '" + cluster + "' (" + ConfigFiles.ReverseProxySection + ":" + ConfigFiles.ReverseProxyClusters + ":" + cluster + ":"
                            + ConfigFiles.ReverseProxyHttpClient + ":" + ConfigFiles.DangerousAcceptAnyServerCertificate + " in " + ConfigFileSource.FileName(file) + ")",
                        "accepts every certificate (DangerousAcceptAnyServerCertificate: true)",
                        "set it to false, or remove it"));
                }
            }
        }
    }
}
