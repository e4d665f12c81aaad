using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Rules;

namespace TlsMinAnalyzer.CodeFixes.Internal.Certificates;

/// <summary>
/// "Accept only certificates without policy errors": the callback's own lambda, anonymous method, method or local function
/// gets the body <c>errors == SslPolicyErrors.None</c>; a ready-made accept-all validator becomes such a lambda. Parameter
/// names come from the code, then the delegate, then the parameter's type (never <c>_</c> or Func's positional names).
/// </summary>
internal static class StrictValidationCallback
{
    /// <summary>True when there is a callback body in this document to make strict, or a ready-made validator to replace.</summary>
    public static bool Applies(SyntaxNode root, IOperation value, IOperation? install, CertificateSymbols symbols)
        => CallbackResolver.TryResolve(value, symbols, out var callback)
            ? callback.Definition.Syntax.SyntaxTree == root.SyntaxTree
            : install != null && HookSignature(install, symbols) is { } signature && signature.Parameters.Any(symbols.IsErrorsParameter) && value.Syntax is ExpressionSyntax;

    public static SyntaxNode? Apply(SyntaxNode root, Document document, IOperation value, IOperation? install, CertificateSymbols symbols)
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
        if (install != null && HookSignature(install, symbols) is { } signature)
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

    /// <summary>The invoke signature of the delegate type the install's hook takes.</summary>
    private static IMethodSymbol? HookSignature(IOperation install, CertificateSymbols symbols)
    {
        var hookType = CertificateValidationAnalyzer.FindHook(install, symbols, out _) switch
        {
            IPropertySymbol property => property.Type,
            IParameterSymbol parameter => parameter.Type,
            IEventSymbol @event => @event.Type,
            _ => null,
        };
        return (hookType as INamedTypeSymbol)?.DelegateInvokeMethod;
    }
}
