using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// TLS002: a server-certificate validation callback accepts certificates with errors. Hooks are recognised by shape (a
/// delegate returning bool that takes an <c>SslPolicyErrors</c>); the installed callback's body decides the finding.
/// </summary>
/// <remarks>
/// Installs are judged in the documents that name a validation API or <c>SslPolicyErrors</c> (see
/// <see cref="DocumentNames"/>). In other documents that name anything certificate- or TLS-related, a callback created right
/// where it is installed (a hook with an unusual name in a third-party API) is found from its delegate creation; a callback
/// held in a local or field of a delegate type whose name says nothing (a custom delegate) in such a document is the one
/// shape not followed.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertificateValidationAnalyzer : TlsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CertificateValidationDisabled);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, CompilationSymbols symbols)
    {
        // Documents that name a validation API or SslPolicyErrors: every install, direct or through a local or field.
        var installs = new GatedActions(NameGroups.Certificates, () => symbols.Certificates is not { } certificates ? null : new[]
        {
            new OperationActions(
                c => AnalyzeInstall(c, c.Operation, certificates),
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment,
                OperationKind.EventAssignment),
            new OperationActions(c => AnalyzeCall(c, certificates), Arguments.CallKinds),
        });

        // A document that names no validation API can still hand a callback straight to a hook of a third-party API with
        // an unfamiliar name (an event "VerifyServerCertificate", a "TlsOptions" parameter): every such callback is a
        // delegate creation, rare next to assignments and calls, looked for where anything certificate- or TLS-related is
        // named. The delegate's shape is checked before the certificate types are looked up.
        var direct = new GatedActions(NameGroups.CertificateHints, () => new[]
        {
            new OperationActions(
                c =>
                {
                    if (c.Operation.Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { ReturnType.SpecialType: SpecialType.System_Boolean, Parameters.Length: >= 2 } }
                        && symbols.Certificates is { } certificates
                        && certificates.IsValidationHook(c.Operation.Type)
                        && !DocumentGate.Mentions(c.Operation.Syntax.SyntaxTree, NameGroups.Certificates, c.CancellationToken)
                        && DirectInstall(c.Operation) is { } install)
                    {
                        AnalyzeInstall(c, install, certificates);
                    }
                },
                OperationKind.DelegateCreation),
        });

        // Property references are everywhere; the ready-made validator's name is in few documents.
        var acceptAny = new GatedActions(NameGroups.AcceptAnyValidator, () => symbols.Certificates is { AcceptAnyValidatorOwner: not null } certificates
            ? new[] { new OperationActions(c => AnalyzeAcceptAny(c, (IPropertyReferenceOperation)c.Operation, certificates), OperationKind.PropertyReference) }
            : null);
        RegisterInDocumentsMentioning(context, installs, direct, acceptAny);
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

    /// <summary>The assignment, event subscription or argument that takes a callback as it is created, past conversions.</summary>
    private static IOperation? DirectInstall(IOperation creation)
        => creation.Consumer() is { } consumer && consumer is IAssignmentOperation or IEventAssignmentOperation or IArgumentOperation ? consumer : null;

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
        if (hook is null)
        {
            return;
        }

        // A server's callback judges its clients' certificates (accepting any and checking a thumbprint after the
        // handshake is a sound design): not the server certificate RFC 8997 protects.
        if (ConnectionRole.IsServerSide(operation))
        {
            return;
        }

        // Every callback the value can be, whichever branch decides it: one that accepts bad certificates is enough.
        var verdict = CallbackVerdict.Safe;
        foreach (var callback in CallbackResolver.Candidates(value, symbols))
        {
            verdict = symbols.Judge(callback);
            if (verdict.Kind != CallbackVerdictKind.Safe)
            {
                break;
            }
        }

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

    /// <summary><c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c> used as a value.</summary>
    private static void AnalyzeAcceptAny(OperationAnalysisContext context, IPropertyReferenceOperation reference, CertificateSymbols symbols)
    {
        if (!symbols.IsAcceptAnyValidator(reference.Property))
        {
            return;
        }

        var hook = reference.Consumer() is { } consumer ? FindHook(consumer, symbols, out _) : null;
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
