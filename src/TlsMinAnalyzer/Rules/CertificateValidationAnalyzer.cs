using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// TLS002: a server-certificate validation callback accepts certificates with errors. Hooks are recognised by shape (a
/// delegate returning bool that takes an <c>SslPolicyErrors</c>); the installed callback's body decides the finding.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertificateValidationAnalyzer : TlsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CertificateValidationDisabled);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, CompilationSymbols symbols)
    {
        if (symbols.Certificates is not { } certificates)
        {
            return;
        }

        context.RegisterOperationAction(
            c => AnalyzeInstall(c, c.Operation, certificates),
            OperationKind.SimpleAssignment,
            OperationKind.CompoundAssignment,
            OperationKind.EventAssignment);
        context.RegisterOperationAction(c => AnalyzeCall(c, certificates), Arguments.CallKinds);
        if (certificates.AcceptAnyValidatorOwner != null)
        {
            context.RegisterOperationAction(c => AnalyzeAcceptAny(c, certificates), OperationKind.PropertyReference);
        }
    }

    /// <summary>The hook a value is installed into, or null when the operation installs no validation hook.</summary>
    internal static ISymbol? FindHook(IOperation operation, CertificateSymbols symbols, out IOperation value)
    {
        value = null!;
        ISymbol? hook;
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } simple:
                hook = property.Property;
                value = simple.Value;
                break;
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: IPropertyReferenceOperation property } compound:
                hook = property.Property;
                value = compound.Value;
                break;
            case IEventAssignmentOperation { Adds: true, EventReference: IEventReferenceOperation eventReference } eventAssignment:
                hook = eventReference.Event;
                value = eventAssignment.HandlerValue;
                break;
            case IArgumentOperation { Parameter: { } parameter } argument:
                hook = parameter;
                value = argument.Value;
                break;
            default:
                return null;
        }

        var type = hook switch
        {
            IPropertySymbol p => p.Type,
            IEventSymbol e => e.Type,
            IParameterSymbol p => p.Type,
            _ => null,
        };
        return symbols.IsValidationHook(type) && !symbols.IsClientCertificateHook(hook) ? hook : null;
    }

    /// <summary>Calls with a parameter that is a validation hook (the SslStream constructors, third-party APIs).</summary>
    private static void AnalyzeCall(OperationAnalysisContext context, CertificateSymbols symbols)
    {
        if (Arguments.Target(context.Operation) is not { } method)
        {
            return;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.TypeKind == TypeKind.Delegate && symbols.IsValidationHook(parameter.Type))
            {
                foreach (var argument in Arguments.Of(context.Operation))
                {
                    AnalyzeInstall(context, argument, symbols);
                }

                return;
            }
        }
    }

    private static void AnalyzeInstall(OperationAnalysisContext context, IOperation operation, CertificateSymbols symbols)
    {
        // Cheapest test first: nearly every assignment has a target that is not a delegate at all.
        var targetType = operation switch
        {
            IArgumentOperation argument => argument.Parameter?.Type,
            IAssignmentOperation assignment => assignment.Target.Type,
            IEventAssignmentOperation eventAssignment => eventAssignment.EventReference.Type,
            _ => null,
        };
        if (targetType is null || targetType.TypeKind != TypeKind.Delegate)
        {
            return;
        }

        var hook = FindHook(operation, symbols, out var value);
        if (hook is null || !CallbackResolver.TryResolve(value, symbols, out var callback))
        {
            return;
        }

        var verdict = CallbackAnalysis.Analyze(callback.Body, callback.Errors, symbols);
        if (verdict.Kind == CallbackVerdictKind.Safe)
        {
            return;
        }

        var install = value.Syntax;
        var additional = verdict.AcceptingReturn is { } accepting
                         && (accepting.Syntax.SyntaxTree != install.SyntaxTree || !install.Span.Contains(accepting.Syntax.Span))
            ? ImmutableArray.Create(accepting.Syntax.GetLocation())
            : ImmutableArray<Location>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.CertificateValidationDisabled,
            install.GetLocation(),
            additional,
            Names.Of(hook),
            Describe(verdict, symbols)));
    }

    private static void AnalyzeAcceptAny(OperationAnalysisContext context, CertificateSymbols symbols)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        if (!symbols.IsAcceptAnyValidator(reference.Property))
        {
            return;
        }

        var parent = reference.Parent;
        while (parent is IConversionOperation or IDelegateCreationOperation)
        {
            parent = parent.Parent;
        }

        var hook = parent is null ? null : FindHook(parent, symbols, out _);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.CertificateValidationDisabled,
            reference.Syntax.GetLocation(),
            hook is null ? "A certificate validation hook" : Names.Of(hook),
            "accepts every certificate (HttpClientHandler.DangerousAcceptAnyServerCertificateValidator)"));
    }

    private static string Describe(CallbackVerdict verdict, CertificateSymbols symbols)
    {
        switch (verdict.Kind)
        {
            case CallbackVerdictKind.AcceptsAll:
                return "accepts every certificate";
            case CallbackVerdictKind.IgnoresErrors:
                return "returns true for certificates with errors without looking at the errors or the certificate";
            default:
                return "accepts certificates with " + symbols.SslPolicyErrors.MemberNamesWithin(verdict.AllowedErrors);
        }
    }
}
