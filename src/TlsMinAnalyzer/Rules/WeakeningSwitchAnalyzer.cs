using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Internal;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// TLS007: <c>AppContext.SetSwitch(name, true)</c> with a switch that weakens TLS for the whole process. (The same switches
/// in a config file's <c>AppContextSwitchOverrides</c> are found by <see cref="WeakeningSwitchConfigAnalyzer"/>.)
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeakeningSwitchAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.WeakeningSwitch);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            // The switches change System.Net and WCF: a compilation without System.Net's ServicePointManager has nothing
            // they could weaken.
            if (start.Compilation.GetTypeByMetadataName("System.AppContext") is not { } appContext
                || start.Compilation.GetTypeByMetadataName(ProtocolEnums.ServicePointManagerMetadataName) is null)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, appContext), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol appContext)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!AppContextSwitches.TryGetEnabledSwitch(invocation, appContext, out var name)
            || CompatibilitySwitches.Find(name) is not { } weakening)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.WeakeningSwitch,
            invocation.Syntax.GetLocation(),
            "AppContext.SetSwitch(\"" + weakening.Name + "\", true)",
            weakening.Effect));
    }
}
