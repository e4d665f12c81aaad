using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
internal sealed class CertificateValidationAnalyzer : FamilyAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CertificateValidationDisabled);

    public override GatedActions[] CreateGates(Compilation compilation, CompilationSymbols symbols, TlsOptionsCache options)
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
            new OperationActions(c => AnalyzeKeptCallback(c, (IDelegateCreationOperation)c.Operation, certificates), OperationKind.DelegateCreation),
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
        // Library settings that skip validation (TrustServerCertificate = true): registered only where the compilation has
        // one of those libraries, and only for calls where one of them is a builder method. Their names all contain
        // "Certificate", "Ssl" or "Tls".
        var switches = new GatedActions(NameGroups.CertificateHints, () => symbols.ValidationSwitches is not { } known ? null : new[]
        {
            known.HasMethods
                ? new OperationActions(c => AnalyzeSwitch(c, known, symbols.Certificates), OperationKind.SimpleAssignment, OperationKind.Invocation)
                : new OperationActions(c => AnalyzeSwitch(c, known, symbols.Certificates), OperationKind.SimpleAssignment),
        });
        return new[] { installs, direct, acceptAny, switches };
    }

    /// <summary>
    /// The setting a value is given and the value, when the operation sets a library's validation switch: the value of a
    /// property assignment, or the <c>bool</c> argument of a builder method (its parameter's default when not written).
    /// </summary>
    internal static bool TryFindSwitchValue(IOperation operation, ValidationSwitchSymbols known, out ValidationSwitch found, out ISymbol member, out IOperation value, out bool defaulted)
    {
        found = default;
        member = null!;
        value = null!;
        defaulted = false;
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } property } } assignment
                when known.FindSwitch(property) is { } entry:
                (found, member, value) = (entry, property, assignment.Value);
                return true;
            case IInvocationOperation { TargetMethod: { } method } invocation when known.FindSwitch(method) is { } entry:
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Type.SpecialType == SpecialType.System_Boolean)
                    {
                        (found, member, value, defaulted) = (entry, method, argument.Value, argument.ArgumentKind == ArgumentKind.DefaultValue);
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// A hook without an errors parameter (<see cref="CertificateValidation.PlainHooks"/>: LDAP's VerifyServerCertificate,
    /// MQTTnet's CertificateValidationHandler, set as a property or through its builder method) given a callback that returns
    /// <c>true</c> on every path and never reads the certificate it is given (nor the event arguments that carry it).
    /// </summary>
    private static void AnalyzePlainHook(OperationAnalysisContext context, ISymbol hook, IOperation value)
    {
        if (value.StripConversions() is not IDelegateCreationOperation creation
            || value.SemanticModel is not { } model)
        {
            return;
        }

        IOperation? body;
        ImmutableArray<IParameterSymbol> parameters;
        switch (creation.Target)
        {
            case IAnonymousFunctionOperation lambda:
                (body, parameters) = (lambda.Body, lambda.Symbol.Parameters);
                break;
            case IMethodReferenceOperation { Method: { } method } when OperationTreeExtensions.BodyOf(method, model, out _) is { } methodBody:
                (body, parameters) = (methodBody, method.Parameters);
                break;
            default:
                return;
        }

        var returnsTrue = false;
        foreach (var operation in body.Descendants())
        {
            if (operation.IsInsideFunction(body))
            {
                continue;
            }

            switch (operation)
            {
                case IReturnOperation { ReturnedValue: { } returned, IsImplicit: var implicitReturn }:
                    if (implicitReturn && returned is ILocalReferenceOperation)
                    {
                        continue; // VB's implicit return of the function's value
                    }

                    if (ValueFlow.Constant(returned) is not { HasValue: true, Value: true })
                    {
                        return; // a path that rejects: the callback decides something
                    }

                    returnsTrue = true;
                    break;
                case IParameterReferenceOperation { Parameter: { Type: { } type } } when type.Name.Contains("Certificate"):
                    return; // looks at the certificate: pinning, or its own checks
            }
        }

        if (returnsTrue)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.CertificateValidationDisabled,
                value.Syntax.GetLocation(),
                Names.Of(hook, value.Syntax.SyntaxTree),
                GivenACallbackThat + "accepts every certificate",
                "remove the callback to use the platform's validation, or check the certificate (its issuer, thumbprint or chain)"));
        }
    }

    /// <summary>A library setting that switches validation off: <c>TrustServerCertificate = true</c>, <c>WithAllowUntrustedCertificates()</c>.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static void AnalyzeSwitch(OperationAnalysisContext context, ValidationSwitchSymbols known, CertificateSymbols? symbols)
    {
        var operation = context.Operation;
        if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } hookProperty } } plain && known.IsPlainHook(hookProperty))
        {
            AnalyzePlainHook(context, hookProperty, plain.Value);
            return;
        }

        if (operation is IInvocationOperation { TargetMethod: { } hookMethod } builder && known.IsPlainHook(hookMethod))
        {
            foreach (var argument in builder.Arguments)
            {
                if (argument.Parameter?.Type.TypeKind == TypeKind.Delegate)
                {
                    AnalyzePlainHook(context, hookMethod, argument.Value);
                }
            }

            return;
        }

        if (!TryFindSwitchValue(operation, known, out var entry, out var member, out var value, out var defaulted))
        {
            return;
        }

        var (off, when) = SwitchesOff(entry, value, symbols);
        if (!off)
        {
            return;
        }

        var tree = operation.Syntax.SyntaxTree;
        string setting;
        string remedy;
        SyntaxNode at;
        if (operation is IInvocationOperation invocation)
        {
            var name = Names.Of(member, tree);
            setting = (name.EndsWith("()", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 2) : name)
                      + "(" + (defaulted ? string.Empty : value.Syntax.ToString()) + ")";
            remedy = "remove the call, or pass " + Names.False(tree);
            at = defaulted ? invocation.Syntax : value.Syntax;
        }
        else
        {
            setting = Names.Of(member, tree) + " = " + value.Syntax;
            remedy = entry.Kind switch
            {
                ValidationSwitchKind.OffWhenFalse => "set it to " + Names.True(tree),
                ValidationSwitchKind.OffWhenPolicyErrors => "set it to SslPolicyErrors.None",
                ValidationSwitchKind.OffWhenNone => "set it to " + (value.StripConversions().Type?.Name ?? "the enum") + "." + entry.SafeMember,
                _ => "set it to " + Names.False(tree),
            };
            at = value.Syntax;
        }

        var effect = entry.Kind == ValidationSwitchKind.OffWhenPolicyErrors && symbols != null && ValueFlow.Constant(value) is { HasValue: true } errors
            ? entry.Effect + " " + symbols.SslPolicyErrors.MemberNamesWithin(EnumExtensions.ToBits(errors.Value))
            : entry.Effect;
        if (entry.Kind == ValidationSwitchKind.OffWhenPolicyErrors && effect == entry.Effect)
        {
            effect += " policy errors";
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.CertificateValidationDisabled,
            at.GetLocation(),
            setting + ValueFlow.Unquoted(when, setting),
            effect,
            remedy));
    }

    /// <summary>Whether the value switches validation off, and when (a settings default, a branch), as the flow reads it.</summary>
    private static (bool Off, string When) SwitchesOff(ValidationSwitch entry, IOperation value, CertificateSymbols? symbols)
    {
        bool IsOff(object? constant) => entry.Kind switch
        {
            ValidationSwitchKind.OffWhenTrue => constant is true,
            ValidationSwitchKind.OffWhenFalse => constant is false,
            ValidationSwitchKind.OffWhenNone => constant != null && EnumExtensions.ToBits(constant) == 0,
            _ => constant != null && EnumExtensions.ToBits(constant) != 0,
        };

        return ValueFlow.TryWeak(value, IsOff, out _, out var when) ? (true, when) : (false, string.Empty);
    }

    /// <summary>The middle of a callback finding's message: "{hook} is given a callback that {verdict}".</summary>
    internal const string GivenACallbackThat = "is given a callback that ";

    /// <summary>What to do about a callback that accepts bad certificates.</summary>
    internal const string CallbackRemedy = "remove the callback to use the platform's validation, or accept only SslPolicyErrors.None";

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

    /// <summary>Calls with an argument given to a validation hook (the SslStream constructors, third-party APIs).</summary>
    [MethodImpl(HotPath.Optimized)]
    private static void AnalyzeCall(OperationAnalysisContext context, CertificateSymbols symbols)
    {
        if (!Arguments.Any(context.Operation, symbols, static (argument, symbols) => argument.Value.Type is { TypeKind: TypeKind.Delegate } type && symbols.IsValidationHook(type)))
        {
            return;
        }

        foreach (var argument in Arguments.Of(context.Operation))
        {
            AnalyzeInstall(context, argument, symbols);
        }
    }

    [MethodImpl(HotPath.Optimized)]
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

        // A server's callback judges its clients' certificates (accepting any and checking a thumbprint after the
        // handshake is a sound design): not the server certificate RFC 8997 protects. Asked last: finding the role may
        // read the stream's uses across the method and into the methods it is handed to.
        if (verdict.Kind == CallbackVerdictKind.Safe || ConnectionRole.IsServerSide(operation))
        {
            return;
        }

        Report(context, value.Syntax, verdict, Names.Of(hook, value.Syntax.SyntaxTree), symbols);
    }

    /// <summary>The finding at <paramref name="at"/>; the return that accepts, when it lies elsewhere, as an additional location.</summary>
    private static void Report(OperationAnalysisContext context, SyntaxNode at, CallbackVerdict verdict, string hook, CertificateSymbols symbols)
    {
        var additional = verdict.AcceptingReturn is { } accepting
                         && (accepting.Syntax.SyntaxTree != at.SyntaxTree || !at.Span.Contains(accepting.Syntax.Span))
            ? ImmutableArray.Create(accepting.Syntax.GetLocation())
            : ImmutableArray<Location>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.CertificateValidationDisabled, at.GetLocation(), additional, hook, GivenACallbackThat + Describe(verdict, symbols), CallbackRemedy));
    }

    /// <summary>
    /// A callback created to be kept — in a field or property, a local, a collection, a public method's result — and
    /// installed somewhere this file does not show: judged where it is created, as Microsoft's CA5359 does. A callback that
    /// reaches an install this analyzer follows (through a local, a private field or a private helper of its type, in any of a partial type's files) is
    /// reported there instead; one that reaches only a server's hook is a server's.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private static void AnalyzeKeptCallback(OperationAnalysisContext context, IDelegateCreationOperation creation, CertificateSymbols symbols)
    {
        if (!symbols.IsValidationHook(creation.Type) || !CallbackResolver.TryResolve(creation, symbols, out var callback))
        {
            return;
        }

        // The verdict first (cached per method): most callbacks are strict, and then where they go does not matter.
        var verdict = symbols.Judge(callback);
        if (verdict.Kind == CallbackVerdictKind.Safe
            || ReachedInstall(creation, symbols, 0, context.CancellationToken) != InstallReach.None)
        {
            return;
        }

        // Kept under a name that says whose certificates it judges (ClientCertificateValidation, ValidateClientCert): a
        // server's policy for its clients, which RFC 8997's server-certificate check does not concern.
        if (KeeperName(creation) is { } name && name.IndexOf("ClientCert", System.StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return;
        }

        Report(context, creation.Syntax, verdict, Keeper(creation), symbols);
    }

    /// <summary>The name of the field, property, local or method that keeps the callback, if any.</summary>
    private static string? KeeperName(IDelegateCreationOperation creation) => creation.Consumer() switch
    {
        IFieldInitializerOperation { InitializedFields.Length: > 0 } field => field.InitializedFields[0].Name,
        IPropertyInitializerOperation { InitializedProperties.Length: > 0 } property => property.InitializedProperties[0].Name,
        ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } => member.Member.Name,
        IVariableInitializerOperation initializer => initializer.InitializedLocal()?.Name,
        IReturnOperation => creation.SemanticModel?.GetEnclosingSymbol(creation.Syntax.SpanStart)?.Name,
        _ => null,
    };

    /// <summary>Ordered: where a value reaches several hooks, the highest wins (<see cref="Combine"/>).</summary>
    private enum InstallReach
    {
        /// <summary>No install of a validation hook is seen from here.</summary>
        None,

        /// <summary>Only a server's hook (client certificates): not a finding.</summary>
        Server,

        /// <summary>A client's hook: the install is reported, naming the hook.</summary>
        Client,
    }

    private const int MaxReachHops = 4;

    /// <summary>
    /// Where a value ends up, seen from this file: the hook it is installed into (past conversions, conditional arms and
    /// <c>??</c>), or the reads of the local, private field or private helper that holds it. The mirror of
    /// <see cref="CallbackResolver.Candidates"/>: what this finds, the install's analysis follows back.
    /// </summary>
    private static InstallReach ReachedInstall(IOperation value, CertificateSymbols symbols, int hops, System.Threading.CancellationToken cancellationToken)
    {
        var top = ValueSinks.Climb(value);

        var consumer = top.Parent;
        var hookType = consumer switch
        {
            IArgumentOperation argument => argument.Parameter?.Type,
            IAssignmentOperation assignment when assignment.Value == top => assignment.Target.Type,
            IEventAssignmentOperation eventAssignment => eventAssignment.EventReference.Type,
            _ => null,
        };
        if (consumer != null && hookType != null && symbols.IsValidationHook(hookType)
            && consumer is IArgumentOperation or IEventAssignmentOperation or IAssignmentOperation { Target: IPropertyReferenceOperation })
        {
            return FindHook(consumer, symbols, out _) is null || ConnectionRole.IsServerSide(consumer) ? InstallReach.Server : InstallReach.Client;
        }

        if (hops >= MaxReachHops || consumer is null || value.SemanticModel is not { } model)
        {
            return InstallReach.None;
        }

        ISymbol? holder = consumer switch
        {
            IVariableInitializerOperation initializer => initializer.InitializedLocal(),
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
            ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } => field.Field,
            IFieldInitializerOperation { InitializedFields.Length: 1 } initializer => initializer.InitializedFields[0],
            IReturnOperation when model.GetEnclosingSymbol(consumer.Syntax.SpanStart) is IMethodSymbol { MethodKind: MethodKind.Ordinary } method => method,
            _ => null,
        };

        var reach = InstallReach.None;
        switch (holder)
        {
            case ILocalSymbol local:
                foreach (var operation in top.Root().Descendants())
                {
                    if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                        && !reference.IsAssignmentTarget())
                    {
                        reach = Combine(reach, ReachedInstall(reference, symbols, hops + 1, cancellationToken));
                    }
                }

                break;
            // A private member's reads, in every part of its type (a partial type's install may be in another file, and is
            // reported there).
            case IFieldSymbol or IMethodSymbol { DeclaredAccessibility: Accessibility.Private } when MemberReaders.AreAllInParts(holder):
                foreach (var read in MemberReaders.InType(holder, model, consumer.Syntax.Span, cancellationToken, everyPart: true))
                {
                    if (!read.IsAssignmentTarget())
                    {
                        reach = Combine(reach, ReachedInstall(read, symbols, hops + 1, cancellationToken));
                    }
                }

                break;
        }

        return reach;
    }

    /// <summary>A client's install anywhere wins (it is reported there); otherwise a server's keeps it from being reported.</summary>
    private static InstallReach Combine(InstallReach a, InstallReach b) => a > b ? a : b;

    /// <summary>What keeps a callback created to be installed later, for the message.</summary>
    private static string Keeper(IDelegateCreationOperation creation)
    {
        var typeName = creation.Type?.Name ?? "validation callback";
        var top = creation.Consumer();
        switch (top)
        {
            case IFieldInitializerOperation { InitializedFields.Length: > 0 } field:
                return Names.Of(field.InitializedFields[0]) + " (a " + typeName + " kept to be installed)";
            case IPropertyInitializerOperation { InitializedProperties.Length: > 0 } property:
                return Names.Of(property.InitializedProperties[0]) + " (a " + typeName + " kept to be installed)";
            case ISimpleAssignmentOperation { Target: IMemberReferenceOperation member }:
                return Names.Of(member.Member) + " (a " + typeName + " kept to be installed)";
            case IVariableInitializerOperation initializer when initializer.InitializedLocal() is { } local:
                return "The local '" + local.Name + "' (a " + typeName + ")";
            case IReturnOperation when creation.SemanticModel?.GetEnclosingSymbol(creation.Syntax.SpanStart) is IMethodSymbol method:
                return "What " + Names.Of(method) + " returns (a " + typeName + ")";
            default:
                return "A " + typeName;
        }
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
            hook is null ? "A certificate validation hook" : Names.Of(hook, reference.Syntax.SyntaxTree),
            GivenACallbackThat + "accepts every certificate (HttpClientHandler.DangerousAcceptAnyServerCertificateValidator)",
            CallbackRemedy));
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
                return verdict.ChainStatusTest is { } tested
                    ? "accepts certificates with " + symbols.SslPolicyErrors.MemberNamesWithin(verdict.AllowedErrors)
                      + " when the chain's status is " + tested + " (a status test identifies no certificate: any self-signed one passes)"
                    : "accepts certificates with " + symbols.SslPolicyErrors.MemberNamesWithin(verdict.AllowedErrors);
        }
    }
}
