using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.CodeFixes.Internal.Protocols;

/// <summary>The protocol value a TLS001/TLS005 finding points at, and how the code already spells its enum.</summary>
internal static class ProtocolFinding
{
    /// <summary>The protocol value a TLS001/TLS005 finding points at: its syntax, its operation and its enum.</summary>
    public static bool TryFind(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, out TlsSymbols symbols, out ExpressionSyntax node, out IOperation value, out INamedTypeSymbol protocolEnum)
    {
        symbols = null!;
        node = null!;
        value = null!;
        protocolEnum = null!;
        if (CompilationSymbols.For(model.Compilation).Tls is not { } found
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression
            || model.GetOperation(expression) is not { } operation
            || found.AsProtocolEnum(model.GetTypeInfo(expression).ConvertedType) is not { } enumType)
        {
            return false;
        }

        (symbols, node, value, protocolEnum) = (found, expression, operation, enumType);
        return true;
    }

    /// <summary>The way the code already names the enum (alias, short or qualified name), so the fix writes it the same way.</summary>
    public static ExpressionSyntax? EnumTypeSyntax(SyntaxNode node, SemanticModel model, INamedTypeSymbol protocolEnum, CancellationToken cancellationToken)
    {
        foreach (var candidate in node.DescendantNodesAndSelf())
        {
            if (candidate is TypeSyntax or MemberAccessExpressionSyntax
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(candidate, cancellationToken).Symbol, protocolEnum)
                && candidate is ExpressionSyntax expression)
            {
                return expression.WithoutTrivia();
            }
        }

        return null;
    }
}
