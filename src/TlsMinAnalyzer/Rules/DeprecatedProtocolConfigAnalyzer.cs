using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// TLS001 in appsettings*.json: Kestrel's <c>SslProtocols</c> (<c>Kestrel:EndpointDefaults</c>, <c>Kestrel:Endpoints:*</c>,
/// <c>Kestrel:Endpoints:*:Sni:*</c>) and YARP's (<c>ReverseProxy:Clusters:*:HttpClient:SslProtocols</c>) listing Ssl2, Ssl3,
/// Tls, Tls11 or Default — case-insensitive, as the configuration binder parses them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class DeprecatedProtocolConfigAnalyzer : ConfigFileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DeprecatedProtocolInConfig);

    private protected override void AnalyzeConfigFiles(CompilationAnalysisContext context)
    {
        foreach (var (file, text) in ConfigFileSource.Files(context.Options, ConfigFiles.IsAppSettings, context.CancellationToken))
        {
            if (JsonConfig.TryParse(text) is not { Kind: JsonKind.Object } root)
            {
                continue;
            }

            var options = TlsOptions.Read(context.Options.AnalyzerConfigOptionsProvider.GetOptions(file));

            foreach (var (path, protocols) in SslProtocolSettings(root))
            {
                foreach (var (name, span) in Entries(protocols))
                {
                    var bits = Bits(name) & options.DeprecatedMask;
                    if (bits == 0)
                    {
                        continue;
                    }

                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.DeprecatedProtocolInConfig,
                        ConfigFileSource.Location(file, text, span),
                        path + " in " + ConfigFileSource.FileName(file),
                        ProtocolVersions.DescribeVersions(bits),
                        ProtocolVersionAnalyzer.DeprecatedBy(bits, options),
                        options.MinimumTls13 ? "\"Tls13\"" : "\"Tls12\", \"Tls13\""));
                }
            }
        }
    }

    /// <summary>Every SslProtocols setting of Kestrel's endpoints and of YARP's cluster clients, with its configuration path.</summary>
    private static IEnumerable<(string Path, JsonNode Value)> SslProtocolSettings(JsonNode root)
    {
        foreach (var (cluster, client) in ReverseProxyClients(root))
        {
            if (client.Property(ConfigFiles.SslProtocols) is { } clusterProtocols)
            {
                yield return (ConfigFiles.ReverseProxySection + ":" + ConfigFiles.ReverseProxyClusters + ":" + cluster + ":" + ConfigFiles.ReverseProxyHttpClient + ":" + ConfigFiles.SslProtocols, clusterProtocols);
            }
        }

        if (root.Property("Kestrel") is not { Kind: JsonKind.Object } kestrel)
        {
            yield break;
        }

        if (kestrel.Property("EndpointDefaults")?.Property("SslProtocols") is { } defaults)
        {
            yield return ("Kestrel:EndpointDefaults:SslProtocols", defaults);
        }

        if (kestrel.Property("Endpoints") is not { Kind: JsonKind.Object } endpoints)
        {
            yield break;
        }

        foreach (var endpoint in endpoints.Properties)
        {
            if (endpoint.Value.Property("SslProtocols") is { } protocols)
            {
                yield return ("Kestrel:Endpoints:" + endpoint.Key + ":SslProtocols", protocols);
            }

            if (endpoint.Value.Property("Sni") is { Kind: JsonKind.Object } sni)
            {
                foreach (var host in sni.Properties)
                {
                    if (host.Value.Property("SslProtocols") is { } sniProtocols)
                    {
                        yield return ("Kestrel:Endpoints:" + endpoint.Key + ":Sni:" + host.Key + ":SslProtocols", sniProtocols);
                    }
                }
            }
        }
    }

    /// <summary>YARP's <c>ReverseProxy:Clusters:{name}:HttpClient</c> objects, by cluster name.</summary>
    internal static IEnumerable<(string Cluster, JsonNode Client)> ReverseProxyClients(JsonNode root)
    {
        if (root.Property(ConfigFiles.ReverseProxySection)?.Property(ConfigFiles.ReverseProxyClusters) is not { Kind: JsonKind.Object } clusters)
        {
            yield break;
        }

        foreach (var cluster in clusters.Properties)
        {
            if (cluster.Value.Property(ConfigFiles.ReverseProxyHttpClient) is { Kind: JsonKind.Object } client)
            {
                yield return (cluster.Key, client);
            }
        }
    }

    /// <summary>The protocol names of an array (each element), or of a comma-separated string.</summary>
    private static IEnumerable<(string Name, TextSpan Span)> Entries(JsonNode value)
    {
        if (value.Kind == JsonKind.Array)
        {
            foreach (var item in value.Items)
            {
                if (item.Kind == JsonKind.String && item.Text != null)
                {
                    yield return (item.Text, item.Span);
                }
            }
        }
        else if (value.Kind == JsonKind.String && value.Text != null)
        {
            foreach (var part in value.Text.Split(','))
            {
                yield return (part, value.Span);
            }
        }
    }

    private static int Bits(string name)
    {
        var trimmed = name.Trim();
        if (string.Equals(trimmed, "Default", StringComparison.OrdinalIgnoreCase))
        {
            return 0x00F0; // SslProtocols.Default = Ssl3 | Tls
        }

        foreach (var version in ProtocolVersions.All)
        {
            if (string.Equals(version.MemberName, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return version.Bits;
            }
        }

        return 0;
    }
}
