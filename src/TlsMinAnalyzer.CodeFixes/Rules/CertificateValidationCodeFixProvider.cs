using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using TlsMinAnalyzer.CodeFixes.Internal;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Rules;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>
/// TLS002 fixes: (1) remove the override so the platform validates — the statement, the initializer member, or the
/// <c>SslStream</c> constructor argument — together with a callback method, local or private field left unused;
/// (2) keep the hook but make it accept only <c>SslPolicyErrors.None</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CertificateValidationCodeFixProvider)), Shared]
public sealed class CertificateValidationCodeFixProvider : TlsCodeFixProvider
{
    public const string RemoveCallbackKey = "TLS002.UsePlatformValidation";
    public const string AcceptOnlyValidKey = "TLS002.AcceptOnlyValidCertificates";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CertificateValidationDisabled);

    protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (CompilationSymbols.For(model.Compilation).Certificates is not { } symbols)
        {
            return;
        }

        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node
            || model.GetOperation(node, context.CancellationToken) is not { } value
            || FindInstall(value, symbols) is not { } install)
        {
            return;
        }

        if (RemoveInstall(root, model, install, value, context.CancellationToken) is { } removed)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Use the platform's certificate validation", _ => Task.FromResult(context.Document.WithSyntaxRoot(removed)), RemoveCallbackKey),
                diagnostic);
        }

        if (AcceptOnlyValid(root, context.Document, value, install, symbols) is { } strict)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Accept only certificates without policy errors", _ => Task.FromResult(context.Document.WithSyntaxRoot(strict)), AcceptOnlyValidKey),
                diagnostic);
        }
    }

    /// <summary>The assignment, event subscription or argument that installs the value.</summary>
    private static IOperation? FindInstall(IOperation value, CertificateSymbols symbols)
    {
        for (var current = value.Parent; current != null; current = current.Parent)
        {
            if (current is IConversionOperation or IDelegateCreationOperation)
            {
                continue;
            }

            return CertificateValidationAnalyzer.FindHook(current, symbols, out _) is null ? null : current;
        }

        return null;
    }

    private static SyntaxNode? RemoveInstall(SyntaxNode root, SemanticModel model, IOperation install, IOperation value, CancellationToken cancellationToken)
    {
        var toRemove = new List<SyntaxNode>();
        SyntaxNode? replaceArgument = null;
        switch (install)
        {
            case IAssignmentOperation or IEventAssignmentOperation when install.Syntax.Parent is ExpressionStatementSyntax statement:
                toRemove.Add(statement.Parent is GlobalStatementSyntax global ? global : statement);
                break;
            case IAssignmentOperation when install.Syntax.Parent is InitializerExpressionSyntax:
                toRemove.Add(install.Syntax);
                break;
            case IArgumentOperation { Parameter: { } parameter } argument when argument.Syntax is ArgumentSyntax argumentSyntax:
                if (HasOverloadWithout(parameter))
                {
                    toRemove.Add(argumentSyntax);
                }
                else
                {
                    replaceArgument = argumentSyntax;
                }

                break;
            default:
                return null;
        }

        if (toRemove.Count == 0 && replaceArgument is null)
        {
            return null;
        }

        // The callback's own declaration, when nothing else uses it any more.
        var declaration = UnusedDeclaration(root, model, value, install.Syntax, cancellationToken);
        if (declaration != null && !toRemove.Any(n => n.Contains(declaration)))
        {
            toRemove.Add(declaration);
        }

        var tracked = root.TrackNodes(toRemove.Concat(replaceArgument is null ? Enumerable.Empty<SyntaxNode>() : new[] { replaceArgument }));
        if (replaceArgument is ArgumentSyntax original)
        {
            var current = tracked.GetCurrentNode(original)!;
            tracked = tracked.ReplaceNode(current, current.WithExpression(SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression).WithTriviaFrom(current.Expression)));
        }

        foreach (var node in toRemove)
        {
            var current = tracked.GetCurrentNode(node);
            if (current != null)
            {
                tracked = tracked.RemoveNode(current, SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
            }
        }

        return tracked;
    }

    /// <summary>True when the method has an overload with the same parameters except the callback one (SslStream's constructors).</summary>
    private static bool HasOverloadWithout(IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return false;
        }

        var wanted = method.Parameters.Where(p => !SymbolEqualityComparer.Default.Equals(p, parameter)).Select(p => p.Type).ToList();
        var candidates = method.MethodKind == MethodKind.Constructor
            ? method.ContainingType.InstanceConstructors
            : method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().ToImmutableArray();
        return candidates.Any(c => c.Parameters.Length == wanted.Count
            && c.Parameters.Select(p => p.Type).Zip(wanted, (a, b) => SymbolEqualityComparer.Default.Equals(a, b)).All(same => same));
    }

    /// <summary>A private method, local or private field holding the callback that nothing but this install uses.</summary>
    private static SyntaxNode? UnusedDeclaration(SyntaxNode root, SemanticModel model, IOperation value, SyntaxNode install, CancellationToken cancellationToken)
    {
        var stripped = OperationTreeExtensions.StripConversions(value);
        if (stripped is IDelegateCreationOperation creation)
        {
            stripped = creation.Target;
        }

        ISymbol? symbol = stripped switch
        {
            IMethodReferenceOperation { Method: { DeclaredAccessibility: Accessibility.Private } method } => method,
            IMethodReferenceOperation { Method: { MethodKind: MethodKind.LocalFunction } method } => method,
            ILocalReferenceOperation local => local.Local,
            IFieldReferenceOperation { Field: { DeclaredAccessibility: Accessibility.Private } field } => field,
            _ => null,
        };
        if (symbol is null || symbol.DeclaringSyntaxReferences.Length != 1 || symbol.DeclaringSyntaxReferences[0].SyntaxTree != root.SyntaxTree
            || symbol.ContainingType?.DeclaringSyntaxReferences.Length > 1)
        {
            return null;
        }

        foreach (var identifier in root.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText == symbol.Name
                && !install.Span.Contains(identifier.Span)
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol))
            {
                return null; // still used elsewhere
            }
        }

        var declaration = symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        switch (declaration)
        {
            case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement } }:
                return statement;
            case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } }:
                return field;
            case MethodDeclarationSyntax or LocalFunctionStatementSyntax:
                return declaration;
            default:
                return null;
        }
    }

    private static SyntaxNode? AcceptOnlyValid(SyntaxNode root, Document document, IOperation value, IOperation install, CertificateSymbols symbols)
    {
        var none = FixSyntax.MemberOf(document, symbols.SslPolicyErrors, "None");

        if (CallbackResolver.TryResolve(value, symbols, out var callback))
        {
            var definition = callback.Definition.Syntax;
            if (definition.SyntaxTree != root.SyntaxTree)
            {
                return null;
            }

            var errorsName = callback.Errors.Name;
            var check = SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, SyntaxFactory.IdentifierName(errorsName), none);
            SyntaxNode? rewritten = definition switch
            {
                AnonymousFunctionExpressionSyntax lambda => Lambda(lambda, callback, none),
                MethodDeclarationSyntax method => method.ExpressionBody != null
                    ? method.WithExpressionBody(SyntaxFactory.ArrowExpressionClause(check))
                    : method.WithBody(SyntaxFactory.Block(SyntaxFactory.ReturnStatement(check))),
                LocalFunctionStatementSyntax local => local.ExpressionBody != null
                    ? local.WithExpressionBody(SyntaxFactory.ArrowExpressionClause(check))
                    : local.WithBody(SyntaxFactory.Block(SyntaxFactory.ReturnStatement(check))),
                _ => null,
            };
            return rewritten is null ? null : root.ReplaceNode(definition, rewritten.WithTriviaFrom(definition).WithAdditionalAnnotations(Formatter.Annotation));
        }

        // A ready-made accept-all validator: put a strict lambda in its place.
        var hookType = CertificateValidationAnalyzer.FindHook(install, symbols, out _) switch
        {
            IPropertySymbol property => property.Type,
            IParameterSymbol parameter => parameter.Type,
            IEventSymbol @event => @event.Type,
            _ => null,
        };
        if (hookType is INamedTypeSymbol { DelegateInvokeMethod: { } signature })
        {
            var errors = signature.Parameters.FirstOrDefault(symbols.IsErrorsParameter);
            if (errors is null || value.Syntax is not ExpressionSyntax expression)
            {
                return null;
            }

            var parameters = SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(signature.Parameters.Select(p => SyntaxFactory.Parameter(SyntaxFactory.Identifier(NameFor(p, null))))));
            var lambda = SyntaxFactory.ParenthesizedLambdaExpression(
                parameters,
                SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, SyntaxFactory.IdentifierName(NameFor(errors, null)), none));
            return root.ReplaceNode(expression, lambda.WithTriviaFrom(expression).WithAdditionalAnnotations(Formatter.Annotation));
        }

        return null;
    }

    /// <summary>The same lambda or anonymous method, as a lambda whose body is the strict check.</summary>
    private static SyntaxNode Lambda(AnonymousFunctionExpressionSyntax lambda, ResolvedCallback callback, ExpressionSyntax none)
    {
        var function = (IAnonymousFunctionOperation)callback.Definition;
        var delegateSignature = (function.Parent?.Type as INamedTypeSymbol)?.DelegateInvokeMethod;
        ParameterListSyntax parameters;
        switch (lambda)
        {
            case ParenthesizedLambdaExpressionSyntax parenthesized:
                parameters = parenthesized.ParameterList;
                break;
            case SimpleLambdaExpressionSyntax simple:
                parameters = SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(simple.Parameter));
                break;
            case AnonymousMethodExpressionSyntax { ParameterList: { } list }:
                parameters = list;
                break;
            default:
                // "delegate { return true; }" names no parameters: take the delegate's names.
                parameters = SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(
                    function.Symbol.Parameters.Select(p => SyntaxFactory.Parameter(SyntaxFactory.Identifier(NameFor(p, delegateSignature))))));
                break;
        }

        // A discarded "_" cannot be read: give the errors parameter a name.
        var index = callback.Errors.Ordinal;
        var errorsName = parameters.Parameters[index].Identifier.ValueText;
        if (errorsName == "_")
        {
            errorsName = "sslPolicyErrors";
            var renamed = parameters.Parameters[index].WithIdentifier(SyntaxFactory.Identifier(errorsName));
            parameters = parameters.WithParameters(parameters.Parameters.Replace(parameters.Parameters[index], renamed));
        }

        var check = SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, SyntaxFactory.IdentifierName(errorsName), none);
        return SyntaxFactory.ParenthesizedLambdaExpression(parameters.WithoutTrailingTrivia(), check)
            .WithAsyncKeyword(lambda.AsyncKeyword);
    }

    /// <summary>A readable parameter name: the declared one, the delegate's, or one after its type for Func's arg1..argN.</summary>
    private static string NameFor(IParameterSymbol parameter, IMethodSymbol? signature)
    {
        foreach (var candidate in new[] { parameter.Name, signature != null && parameter.Ordinal < signature.Parameters.Length ? signature.Parameters[parameter.Ordinal].Name : null })
        {
            if (candidate != null && SyntaxFacts.IsValidIdentifier(candidate) && !IsPositionalName(candidate))
            {
                return candidate;
            }
        }

        switch (parameter.Type.Name)
        {
            case "SslPolicyErrors": return "sslPolicyErrors";
            case "X509Certificate":
            case "X509Certificate2": return "certificate";
            case "X509Chain": return "chain";
            case "HttpRequestMessage": return "request";
            case "Object": return "sender";
            default: return "arg" + (parameter.Ordinal + 1);
        }
    }

    private static bool IsPositionalName(string name)
        => name.StartsWith("arg", System.StringComparison.Ordinal) && name.Length > 3 && name.Skip(3).All(char.IsDigit);
}
