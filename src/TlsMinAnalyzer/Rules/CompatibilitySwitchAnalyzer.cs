using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// <c>AppContext.SetSwitch(name, true)</c> with a switch from <see cref="CompatibilitySwitches"/>, reported under the rule the
/// table gives it: TLS007 for switches that weaken protocols or cryptography for the whole process, TLS006 for the switch that
/// makes revocation checking offline. (The TLS007 switches in a config file's <c>AppContextSwitchOverrides</c> are found by
/// <see cref="WeakeningSwitchConfigAnalyzer"/>.)
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class CompatibilitySwitchAnalyzer : TlsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RevocationCheckDisabled, Descriptors.WeakeningSwitch);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, CompilationSymbols symbols)
    {
        // The TLS007 switches change System.Net and WCF: without ServicePointManager there is nothing for them to weaken. The
        // TLS006 switch matters only where a revocation setting exists (a TLS client or stream type).
        RegisterInDocumentsMentioning(context, NameGroups.Switches, () =>
        {
            var weakening = symbols.Tls?.ServicePointManager != null;
            var revocation = symbols.Revocation != null;
            return symbols.AppContext is { } appContext && (weakening || revocation)
                ? new[] { new OperationActions(c => Analyze(c, appContext, weakening, revocation), OperationKind.Invocation) }
                : null;
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol appContext, bool weakening, bool revocation)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!AppContextSwitches.TryGetEnabledSwitch(invocation, appContext, out var name)
            || CompatibilitySwitches.Find(name) is not { } entry
            || !(entry.RuleId == DiagnosticIds.WeakeningSwitch ? weakening : revocation))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            entry.RuleId == DiagnosticIds.WeakeningSwitch ? Descriptors.WeakeningSwitch : Descriptors.RevocationCheckDisabled,
            invocation.Syntax.GetLocation(),
            "AppContext.SetSwitch(\"" + entry.Name + "\", " + Names.True(invocation.Syntax.SyntaxTree) + ")",
            entry.Detail));
    }
}
