using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Internal;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// TLS004: a MailKit connection that resolves to <c>StartTlsWhenAvailable</c> — explicitly, through <c>useSsl: false</c>,
/// through <c>Auto</c> on a port other than 465/993/995, or through a plain-scheme URI without <c>starttls=always</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OptionalStartTlsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.OptionalStartTls);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = MailSymbols.Create(start.Compilation);
            var options = new TlsOptionsCache(start.Options);
            if (symbols is null || !symbols.HasMailKit)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeConnect(c, symbols, options), OperationKind.Invocation);
        });
    }

    private static void AnalyzeConnect(OperationAnalysisContext context, MailSymbols symbols, TlsOptionsCache options)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!MailKitConnection.TryResolve(invocation, symbols, out var connection)
            || connection.Security != MailSecurity.StartTlsWhenAvailable
            || options.For(invocation.Syntax.SyntaxTree).IsExemptHost(connection.Host))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.OptionalStartTls,
            connection.ReportSyntax.GetLocation(),
            connection.ClientName + "." + invocation.TargetMethod.Name + " to " + connection.Target,
            connection.Reason,
            connection.ImplicitTlsAdvice));
    }
}
