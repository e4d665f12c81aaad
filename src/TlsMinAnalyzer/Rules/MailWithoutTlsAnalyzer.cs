using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Internal;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// TLS003: mail in cleartext. <c>System.Net.Mail.SmtpClient</c> aimed at a server in code without <c>EnableSsl = true</c>
/// (or with <c>EnableSsl = false</c>), and MailKit connections that resolve to <c>SecureSocketOptions.None</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MailWithoutTlsAnalyzer : DiagnosticAnalyzer
{
    internal const string SmtpClientAdvice = "set EnableSsl = true (mandatory STARTTLS, on the submission port 587) or use MailKit with SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.MailWithoutTls);

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
                start.RegisterOperationAction(c => AnalyzeCreation(c, symbols, options), OperationKind.ObjectCreation);
                start.RegisterOperationAction(c => AnalyzeEnableSsl(c, symbols, options), OperationKind.SimpleAssignment);
            }

            if (symbols.HasMailKit)
            {
                start.RegisterOperationAction(c => AnalyzeConnect(c, symbols, options), OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, MailSymbols symbols, TlsOptionsCache options)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!symbols.IsSystemNetMailSmtpClient(creation.Type))
        {
            return;
        }

        var usage = SmtpClientUsage.Analyze(creation, symbols);
        if ((usage.HostGiven || usage.PortGiven) && usage.EnableSsl == SslSetting.Unset && usage.NetworkDelivery && !usage.Escapes && !options.For(context.Operation.Syntax.SyntaxTree).IsExemptHost(usage.Host))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.MailWithoutTls,
                creation.Syntax.GetLocation(),
                "SmtpClient sends to " + usage.Target + " without TLS (EnableSsl is not set)",
                SmtpClientAdvice));
        }
    }

    private static void AnalyzeEnableSsl(OperationAnalysisContext context, MailSymbols symbols, TlsOptionsCache options)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (!SmtpClientUsage.IsEnableSslAssignment(assignment, false, symbols, options, out var usage))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.MailWithoutTls,
            assignment.Value.Syntax.GetLocation(),
            "SmtpClient sends to " + (usage?.Target ?? "its server") + " without TLS (EnableSsl = false)",
            SmtpClientAdvice));
    }

    private static void AnalyzeConnect(OperationAnalysisContext context, MailSymbols symbols, TlsOptionsCache options)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!MailKitConnection.TryResolve(invocation, symbols, out var connection)
            || connection.Security != MailSecurity.None
            || options.For(invocation.Syntax.SyntaxTree).IsExemptHost(connection.Host))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.MailWithoutTls,
            connection.ReportSyntax.GetLocation(),
            connection.ClientName + "." + invocation.TargetMethod.Name + " to " + connection.Target + " does not use TLS (" + connection.Reason + ")",
            connection.ImplicitTlsAdvice));
    }
}
