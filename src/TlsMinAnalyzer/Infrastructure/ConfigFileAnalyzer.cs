using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsMinAnalyzer.Infrastructure;

/// <summary>
/// The shape of the config-file rules (app.config, web.config, appsettings*.json given as AdditionalFiles), sealed: one
/// compilation action reads the files once the project's analysis completes, so the findings carry the CompilationEnd tag.
/// </summary>
public abstract class ConfigFileAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationAction(AnalyzeConfigFiles);
    }

    private protected abstract void AnalyzeConfigFiles(CompilationAnalysisContext context);
}
