using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.CodeFixes.Internal.Certificates;

/// <summary>
/// "Use the platform's validation": takes out what installs a validation callback — the statement, the object-initializer
/// member, or the argument (dropped where an overload without it exists, <c>null</c> otherwise) — together with the
/// private method, local function, local or private field that only this install used.
/// </summary>
internal static class ValidationHookRemoval
{
    /// <summary>True when the install has a shape this fix can take out (a statement, an initializer member, an argument).</summary>
    public static bool CanRemove(IOperation install) => install switch
    {
        IAssignmentOperation or IEventAssignmentOperation when install.Syntax.Parent is ExpressionStatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax } => true,
        IAssignmentOperation when install.Syntax.Parent is InitializerExpressionSyntax => true,
        IArgumentOperation { Parameter: not null, Syntax: ArgumentSyntax } => true,
        _ => false,
    };

    /// <summary>The root without the install (an argument without an overload that drops it becomes <c>null</c>) and the declaration it leaves unused.</summary>
    public static SyntaxNode? Remove(SyntaxNode root, SemanticModel model, IOperation install, IOperation value, CancellationToken cancellationToken)
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
}
