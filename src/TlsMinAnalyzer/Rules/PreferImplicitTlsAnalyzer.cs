using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Internal;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// TLS008 (advice): mandatory STARTTLS — <c>SmtpClient.EnableSsl = true</c>, MailKit <c>SecureSocketOptions.StartTls</c> or
/// <c>?starttls=always</c> — is secure, but RFC 8314 prefers implicit TLS.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PreferImplicitTlsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PreferImplicitTls);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = MailSymbols.Create(start.Compilation);
            var options = new TlsOptionsCache(start.Options);
            if (symbols is null)
            {
                return;
            }

            if (symbols.SmtpClient != null)
            {
                start.RegisterOperationAction(c => AnalyzeEnableSsl(c, symbols, options), OperationKind.SimpleAssignment);
            }

            if (symbols.HasMailKit)
            {
                start.RegisterOperationAction(c => AnalyzeConnect(c, symbols, options), OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeEnableSsl(OperationAnalysisContext context, MailSymbols symbols, TlsOptionsCache options)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (!SmtpClientUsage.IsEnableSslAssignment(assignment, true, symbols, options, out var usage))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.PreferImplicitTls,
            assignment.Syntax.GetLocation(),
            "SmtpClient.EnableSsl = true (to " + (usage?.Target ?? "its server") + ")",
            "SmtpClient cannot do implicit TLS: consider MailKit's SmtpClient with SecureSocketOptions.SslOnConnect on port 465"));
    }

    private static void AnalyzeConnect(OperationAnalysisContext context, MailSymbols symbols, TlsOptionsCache options)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!MailKitConnection.TryResolve(invocation, symbols, out var connection)
            || connection.Security != MailSecurity.StartTls
            || options.For(invocation.Syntax.SyntaxTree).IsExemptHost(connection.Host))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.PreferImplicitTls,
            connection.ReportSyntax.GetLocation(),
            connection.ClientName + "." + invocation.TargetMethod.Name + " to " + connection.Target + " (" + connection.Reason + ")",
            connection.ImplicitTlsAdvice));
    }
}
