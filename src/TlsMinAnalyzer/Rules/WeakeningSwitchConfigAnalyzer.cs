using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// TLS007 in config files: <c>configuration/runtime/AppContextSwitchOverrides value="name=true;…"</c> turning on a switch
/// that weakens TLS. Located on the <c>name=true</c> pair inside the attribute.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class WeakeningSwitchConfigAnalyzer : ConfigFileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.WeakeningSwitchInConfig);

    private protected override void AnalyzeConfigFiles(CompilationAnalysisContext context)
    {
        foreach (var (file, text, root) in ConfigFileSource.XmlConfigurations(context.Options, context.CancellationToken))
        {
            foreach (var overrides in root.Descendants("runtime", "AppContextSwitchOverrides"))
            {
                if (overrides.Attribute("value") is not { } value)
                {
                    continue;
                }

                var raw = text.ToString(value.Span);
                foreach (var pair in value.Value.Split(';'))
                {
                    var equals = pair.IndexOf('=');
                    if (equals <= 0
                        || !string.Equals(pair.Substring(equals + 1).Trim(), "true", StringComparison.OrdinalIgnoreCase)
                        || CompatibilitySwitches.Find(pair.Substring(0, equals)) is not { RuleId: DiagnosticIds.WeakeningSwitch } weakening)
                    {
                        continue;
                    }

                    var at = raw.IndexOf(pair.Trim(), StringComparison.Ordinal);
                    var span = at < 0 ? value.Span : new TextSpan(value.Span.Start + at, pair.Trim().Length);
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.WeakeningSwitchInConfig,
                        ConfigFileSource.Location(file, text, span),
                        "AppContextSwitchOverrides \"" + weakening.Name + "=true\" in " + ConfigFileSource.FileName(file),
                        weakening.Detail));
                }
            }
        }
    }
}
