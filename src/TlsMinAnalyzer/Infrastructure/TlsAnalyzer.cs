using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsMinAnalyzer.Infrastructure;

/// <summary>
/// What every analyzer of the package does the same way, sealed so that no rule forgets it: concurrent execution, generated
/// code analyzed and reported (generated service clients hide TLS settings), and one compilation-start callback that receives
/// the compilation's shared symbol cache. A rule registers nothing for a compilation that lacks its types.
/// </summary>
public abstract class TlsAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start => OnCompilationStart(start, CompilationSymbols.For(start.Compilation)));
    }

    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, CompilationSymbols symbols);
}
