using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// TLS003 in config files: <c>configuration/system.net/mailSettings/smtp</c> with network delivery (the default) and a
/// <c>&lt;network&gt;</c> element whose <c>enableSsl</c> is missing or false. <c>SmtpClient</c> reads these settings.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class MailWithoutTlsConfigAnalyzer : ConfigFileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.MailWithoutTlsInConfig);

    private protected override void AnalyzeConfigFiles(CompilationAnalysisContext context)
    {
        foreach (var (file, text, root) in ConfigFileSource.XmlConfigurations(context.Options, context.CancellationToken))
        {
            var options = TlsOptions.Read(context.Options.AnalyzerConfigOptionsProvider.GetOptions(file));

            foreach (var smtp in root.Descendants("system.net", "mailSettings", "smtp"))
            {
                var delivery = smtp.Attribute("deliveryMethod")?.Value;
                if (delivery != null && !string.Equals(delivery.Trim(), MailProtocols.NetworkDelivery, StringComparison.OrdinalIgnoreCase))
                {
                    continue; // pickup directory: nothing goes over the network
                }

                foreach (var network in smtp.Descendants("network"))
                {
                    var host = network.Attribute("host")?.Value.Trim();
                    var enableSsl = network.Attribute("enableSsl");
                    var enabled = enableSsl?.Value.Trim();
                    if (string.IsNullOrEmpty(host)
                        || options.IsExemptHost(host)
                        || (enabled != null && !string.Equals(enabled, "false", StringComparison.OrdinalIgnoreCase)))
                    {
                        continue;
                    }

                    var port = network.Attribute("port")?.Value.Trim() is { Length: > 0 } configuredPort ? configuredPort : "25";
                    var why = enableSsl is null ? "enableSsl is not set" : "enableSsl=\"false\"";
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.MailWithoutTlsInConfig,
                        ConfigFileSource.Location(file, text, enableSsl?.Span ?? network.Span),
                        "SmtpClient reads <mailSettings> in " + ConfigFileSource.FileName(file) + " and sends to " + host + ":" + port + " without TLS (" + why + ")",
                        "set enableSsl=\"true\" on <network> (mandatory STARTTLS, on the submission port 587) or move to MailKit with implicit TLS on port 465 (RFC 8314 §3)"));
                }
            }
        }
    }
}
