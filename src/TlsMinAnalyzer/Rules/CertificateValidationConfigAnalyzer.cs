using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// TLS002 in appsettings*.json: YARP's <c>ReverseProxy:Clusters:*:HttpClient:DangerousAcceptAnyServerCertificate</c> set to
/// true (a JSON <c>true</c> or the string "true", which the configuration binder reads the same way) makes the proxy accept
/// any certificate from that cluster's destinations. Ocelot's <c>ocelot*.json</c> route switch
/// <c>DangerousAcceptAnyServerCertificateValidator: true</c> does the same for a route's downstream service.
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

        // Ocelot: "Routes": [ { "DownstreamPathTemplate": ..., "DangerousAcceptAnyServerCertificateValidator": true } ].
        foreach (var (file, text) in ConfigFileSource.Files(context.Options, ConfigFiles.IsOcelot, context.CancellationToken))
        {
            if (JsonConfig.TryParse(text) is not { Kind: JsonKind.Object } root)
            {
                continue;
            }

            foreach (var section in ConfigFiles.OcelotRouteSections)
            {
                if (root.Property(section) is not { Kind: JsonKind.Array } routes)
                {
                    continue;
                }

                for (var index = 0; index < routes.Items.Count; index++)
                {
                    if (routes.Items[index].Property(ConfigFiles.OcelotAcceptAny) is { Kind: JsonKind.Literal or JsonKind.String } value
                        && string.Equals(value.Text?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
                    {
                        var template = routes.Items[index].Property("DownstreamPathTemplate")?.Text is { Length: > 0 } path ? " " + path.Trim('"') : string.Empty;
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.CertificateValidationDisabledInConfig,
                            ConfigFileSource.Location(file, text, value.Span),
                            "Ocelot's route " + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + template + " (" + section + ":" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + ConfigFiles.OcelotAcceptAny + " in " + ConfigFileSource.FileName(file) + ")",
                            "accepts every certificate from the downstream service (" + ConfigFiles.OcelotAcceptAny + ": true)",
                            "set it to false, or remove it"));
                    }
                }
            }
        }
    }
}
