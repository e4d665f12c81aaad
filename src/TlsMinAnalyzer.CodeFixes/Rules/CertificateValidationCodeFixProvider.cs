using System.Linq;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.CodeFixes.Internal;
using TlsMinAnalyzer.CodeFixes.Internal.Certificates;
using TlsMinAnalyzer.Rules;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>
/// TLS002 fixes: (1) remove the override so the platform validates (<see cref="ValidationHookRemoval"/>); (2) keep the
/// hook but make it accept only <c>SslPolicyErrors.None</c> (<see cref="StrictValidationCallback"/>). A server's
/// client-certificate callback gets neither.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, LanguageNames.VisualBasic, Name = nameof(CertificateValidationCodeFixProvider))]
public sealed class CertificateValidationCodeFixProvider : TlsCodeFixProvider
{
    public const string RemoveCallbackKey = "TLS002.UsePlatformValidation";

    private const string RemoveCallbackTitle = "Remove the validation callback (the platform validates the certificate)";
    public const string AcceptOnlyValidKey = "TLS002.AcceptOnlyValidCertificates";

    /// <summary>Its own key: Fix All of the installs' actions must not rewrite kept callbacks, nor the reverse.</summary>
    public const string KeptCallbackAcceptOnlyValidKey = "TLS002.KeptCallbackAcceptsOnlyValidCertificates";

    /// <summary>A library setting that skips validation (TrustServerCertificate = true) set back to validating.</summary>
    public const string TurnValidationOnKey = "TLS002.TurnValidationOn";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CertificateValidationDisabled);

    protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (TryRegisterSwitchFix(context, root, model, diagnostic, SyntaxGenerator.GetGenerator(context.Document))
            || CompilationSymbols.For(model.Compilation).Certificates is not { } symbols)
        {
            return;
        }

        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node
            || model.GetOperation(node, context.CancellationToken) is not { } value)
        {
            return;
        }

        if (FindInstall(value, symbols) is not { } install)
        {
            // A callback kept in a field, property or local and installed elsewhere: its body can be made strict here.
            if (StrictValidationCallback.Applies(root, value, null, symbols))
            {
                Register(
                    context,
                    diagnostic,
                    "Make the kept callback accept only certificates without policy errors (SslPolicyErrors.None)",
                    KeptCallbackAcceptOnlyValidKey,
                    _ => StrictValidationCallback.Apply(root, context.Document, value, null, symbols));
            }

            return;
        }

        // A server's callback judges its clients' certificates: removing it or making it strict changes whom the server accepts.
        if (ConnectionRole.IsServerSide(install))
        {
            return;
        }

        if (ValidationHookRemoval.CanRemove(install))
        {
            Register(
                context,
                diagnostic,
                RemoveCallbackTitle,
                RemoveCallbackKey,
                cancellationToken => ValidationHookRemoval.Remove(root, model, install, value, cancellationToken));
        }

        if (StrictValidationCallback.Applies(root, value, install, symbols))
        {
            Register(
                context,
                diagnostic,
                "Accept only certificates without policy errors (SslPolicyErrors.None)",
                AcceptOnlyValidKey,
                _ => StrictValidationCallback.Apply(root, context.Document, value, install, symbols));
        }
    }

    /// <summary>The assignment, event subscription or argument that installs the value.</summary>
    private static IOperation? FindInstall(IOperation value, CertificateSymbols symbols)
        => value.Consumer() is { } consumer && CertificateValidationAnalyzer.FindHook(consumer, symbols, out _) != null ? consumer : null;

    protected override void RegisterNeutralFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, Microsoft.CodeAnalysis.Editing.SyntaxGenerator generator)
    {
        if (TryRegisterSwitchFix(context, root, model, diagnostic, generator)
            || CompilationSymbols.For(model.Compilation).Certificates is not { } symbols)
        {
            return;
        }

        var node = NeutralFixes.Reported(root, diagnostic);
        if (model.GetOperation(node, context.CancellationToken) is not { } value)
        {
            return;
        }

        var install = FindInstall(value, symbols);
        if (install != null && ConnectionRole.IsServerSide(install))
        {
            return;
        }

        // The assignment or AddHandler statement that installs it: taken out.
        if (install is IAssignmentOperation or IEventAssignmentOperation && Statements.Of(model, install.Syntax) is { } statement)
        {
            // The private method it named (AddressOf TrustAll), or the private field or local that held it (with the writes
            // that only gave it its value), goes too when nothing else uses it.
            var unused = UnusedPrivateMethod(value, model, generator, context.CancellationToken) is { } method
                ? new[] { method }
                : Statements.LeftUnusedBy(value);
            Register(context, diagnostic, RemoveCallbackTitle, RemoveCallbackKey, _ => unused.Count == 0
                ? Statements.Remove(generator, root, statement)
                : generator.RemoveNodes(root, unused.Concat(new[] { statement })));
        }
        else if (install is IArgumentOperation { IsImplicit: false } argument && Arguments.Target(argument.Parent!) is { } target)
        {
            // New SslStream(inner, False, AddressOf Validate): the overload without it, or Nothing where there is none.
            Register(context, diagnostic, RemoveCallbackTitle, RemoveCallbackKey, _ => HasOverloadWithout(target, argument)
                ? generator.RemoveNode(root, argument.Syntax)!
                : NeutralFixes.Replace(root, argument.Value.Syntax, generator.NullLiteralExpression()));
        }

        // The lambda or method in this document: its body becomes errors = SslPolicyErrors.None.
        if (!CallbackResolver.TryResolve(value, symbols, out var callback) || callback.Definition.Syntax.SyntaxTree != root.SyntaxTree)
        {
            return;
        }

        var check = generator.ValueEqualsExpression(
            generator.IdentifierName(callback.Errors.Name),
            generator.MemberAccessExpression(NeutralFixes.TypeName(generator, model, InsideBody(callback), symbols.SslPolicyErrors), "None"));
        SyntaxNode? definition;
        SyntaxNode? strict;
        if (callback.Definition is IAnonymousFunctionOperation lambda)
        {
            definition = lambda.Syntax;
            strict = generator.ValueReturningLambdaExpression(System.Linq.Enumerable.Select(lambda.Symbol.Parameters, p => generator.LambdaParameter(p.Name)), check);
        }
        else
        {
            definition = generator.GetDeclaration(callback.Definition.Syntax);
            strict = definition is null ? null : generator.WithStatements(definition, new[] { generator.ReturnStatement(check) });
        }

        if (definition is null || strict is null)
        {
            return;
        }

        Register(
            context,
            diagnostic,
            install is null ? "Make the kept callback accept only certificates without policy errors (SslPolicyErrors.None)" : "Accept only certificates without policy errors (SslPolicyErrors.None)",
            install is null ? KeptCallbackAcceptOnlyValidKey : AcceptOnlyValidKey,
            _ => NeutralFixes.Replace(root, definition, strict));
    }

    /// <summary>
    /// A builder call taken out of its chain (<c>.WithAllowUntrustedCertificates()</c>, <c>.WithCertificateValidationHandler(...)</c>):
    /// its statement removed when it stands alone, else the call replaced by its receiver when both have the builder's type.
    /// </summary>
    private static void RegisterBuilderCallRemoval(CodeFixContext context, Diagnostic diagnostic, string title, string key, SyntaxGenerator generator, SyntaxNode root, SemanticModel model, IInvocationOperation call, IOperation receiver)
    {
        if (call.Parent is IExpressionStatementOperation && Statements.Of(model, call.Syntax) is { } statement)
        {
            Register(context, diagnostic, title, key, _ => Statements.Remove(generator, root, statement));
        }
        else if (SymbolEqualityComparer.Default.Equals(receiver.Type, call.Type))
        {
            Register(context, diagnostic, title, key, _ => root.ReplaceNode(call.Syntax, receiver.Syntax.WithTriviaFrom(call.Syntax)));
        }
    }

    /// <summary>
    /// A library's validation switch (<see cref="CertificateValidationAnalyzer.TryFindSwitchValue"/>), in either language: the value
    /// becomes the validating one (<c>false</c>, <c>true</c>, <c>SslPolicyErrors.None</c>), and a builder call that relies
    /// on its parameter's default (<c>WithAllowUntrustedCertificates()</c>) is taken out of the chain. True when the
    /// finding is a switch's, whether or not a fix could be offered.
    /// </summary>
    private static bool TryRegisterSwitchFix(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, SyntaxGenerator generator)
    {
        var node = NeutralFixes.Reported(root, diagnostic);
        if (model.GetOperation(node, context.CancellationToken) is not { } reported)
        {
            return false;
        }

        // LDAP's VerifyServerCertificate = (connection, certificate) => true: without it, the platform validates.
        if (reported.Consumer() is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } hook } } plain
            && CompilationSymbols.For(model.Compilation).ValidationSwitches?.IsPlainHook(hook) == true)
        {
            if (Statements.RemovableOf(model, plain.Syntax) is { } statement)
            {
                Register(context, diagnostic, RemoveCallbackTitle, RemoveCallbackKey, _ => Statements.Remove(generator, root, statement));
            }

            return true;
        }

        // MQTTnet's builder.WithCertificateValidationHandler(_ => true): the call goes, the chain continues from its receiver.
        if (reported.Consumer() is IArgumentOperation { Parent: IInvocationOperation { TargetMethod: { } hookMethod, Instance: { } receiver } hookCall }
            && CompilationSymbols.For(model.Compilation).ValidationSwitches?.IsPlainHook(hookMethod) == true)
        {
            RegisterBuilderCallRemoval(context, diagnostic, RemoveCallbackTitle, RemoveCallbackKey, generator, root, model, hookCall, receiver);
            return true;
        }

        var setting = reported is IInvocationOperation ? reported : reported.Consumer() is { } consumer ? consumer is IArgumentOperation { Parent: { } call } ? call : consumer : null;
        if (setting is null
            || CompilationSymbols.For(model.Compilation).ValidationSwitches is not { } known
            || !CertificateValidationAnalyzer.TryFindSwitchValue(setting, known, out var entry, out var member, out var value, out var defaulted))
        {
            return false;
        }

        var title = "Turn certificate validation back on";
        if (defaulted && setting is IInvocationOperation { Instance: { } builder } invocation)
        {
            // WithAllowUntrustedCertificates(): the call goes; the chain continues from its receiver.
            RegisterBuilderCallRemoval(context, diagnostic, title + " (remove " + member.Name + ")", TurnValidationOnKey, generator, root, model, invocation, builder);
            return true;
        }

        if (defaulted)
        {
            return true;
        }

        SyntaxNode? safe = entry.Kind switch
        {
            Knowledge.ValidationSwitchKind.OffWhenTrue => generator.FalseLiteralExpression(),
            Knowledge.ValidationSwitchKind.OffWhenFalse => generator.TrueLiteralExpression(),
            Knowledge.ValidationSwitchKind.OffWhenNone => value.StripConversions().Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } mode && entry.SafeMember is { } safeMember
                                                          && EnumExtensions.FindConstantMember(mode, safeMember) is not null
                ? NeutralFixes.Member(generator, model, value.Syntax, mode, safeMember)
                : null,
            _ => CompilationSymbols.For(model.Compilation).Certificates is { } certificates
                ? NeutralFixes.Member(generator, model, value.Syntax, certificates.SslPolicyErrors, "None")
                : null,
        };
        if (safe is null)
        {
            return true;
        }

        var unused = Statements.LeftUnusedBy(value);
        var written = setting is IInvocationOperation ? member.Name + "(" + safe.NormalizeWhitespace() + ")" : member.Name + " = " + safe.NormalizeWhitespace();
        Register(context, diagnostic, title + " (" + written + ")", TurnValidationOnKey,
            _ => Statements.ReplaceRemovingUnused(generator, root, value.Syntax, safe, unused));
        return true;
    }

    /// <summary>A position inside the callback's body, where its parameters are in scope (they may hide a type's name in VB).</summary>
    private static int InsideBody(ResolvedCallback callback)
    {
        foreach (var operation in callback.Body.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } returned })
            {
                return returned.Syntax.SpanStart;
            }
        }

        return callback.Body.Syntax.SpanStart;
    }

    /// <summary>The argument is the call's last one, and the method has an overload that takes exactly the arguments before it.</summary>
    private static bool HasOverloadWithout(IMethodSymbol target, IArgumentOperation argument)
    {
        var arguments = Arguments.Of(argument.Parent!);
        var index = arguments.IndexOf(argument);
        if (index != arguments.Length - 1 || argument.Parameter is null || argument.Parameter.Ordinal != index)
        {
            return false;
        }

        var candidates = target.MethodKind == MethodKind.Constructor ? target.ContainingType.InstanceConstructors.CastArray<ISymbol>() : target.ContainingType.GetMembers(target.Name);
        foreach (var candidate in candidates)
        {
            if (candidate is IMethodSymbol overload && overload.Parameters.Length == index)
            {
                var same = true;
                for (var i = 0; i < index && same; i++)
                {
                    same = SymbolEqualityComparer.Default.Equals(overload.Parameters[i].Type, target.Parameters[i].Type);
                }

                if (same)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The declaration of the private method a method group names, when this group is its only use in its type (all in this file).</summary>
    private static SyntaxNode? UnusedPrivateMethod(IOperation value, SemanticModel model, SyntaxGenerator generator, System.Threading.CancellationToken cancellationToken)
    {
        var target = value.StripConversions() is IDelegateCreationOperation creation ? creation.Target : value.StripConversions();
        if (target is not IMethodReferenceOperation { Method: { DeclaredAccessibility: Accessibility.Private, MethodKind: MethodKind.Ordinary } method }
            || !MemberReaders.AreAllIn(method, model.SyntaxTree)
            || method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var uses = 0;
        foreach (var _ in MemberReaders.InType(method, model, default, cancellationToken))
        {
            uses++;
        }

        return uses == 1 ? generator.GetDeclaration(method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken)) : null;
    }
}
