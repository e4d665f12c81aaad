using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.CodeFixes.Internal.Protocols;

/// <summary>
/// "Let the operating system choose": <c>SslProtocols.None</c> / <c>SecurityProtocolType.SystemDefault</c> in place of
/// the deprecated versions, a compound <c>|=</c> made a plain assignment, and a <c>ServicePointManager.SecurityProtocol</c>
/// statement removed outright where the target marks <c>ServicePointManager</c> obsolete.
/// </summary>
internal static class OperatingSystemChoice
{
    /// <summary>
    /// Lets the operating system choose. A constant value is replaced whole; in a value with other parts (a local, a
    /// field, a branch) only the deprecated parts are, so nothing the code still relies on becomes unused.
    /// </summary>
    public static SyntaxNode Apply(SyntaxNode root, ExpressionSyntax node, IOperation value, ProtocolRewriter osRewriter, TlsSymbols symbols)
    {
        var (target, replacement) = Edit(node, value, osRewriter, symbols);
        return replacement is null ? FixSyntax.RemoveStatement(root, target) : root.ReplaceNode(target, replacement);
    }

    /// <summary>The node to change and what it becomes (null: remove the statement), so that several edits can share one root.</summary>
    public static (SyntaxNode Target, SyntaxNode? Replacement) Edit(ExpressionSyntax node, IOperation value, ProtocolRewriter osRewriter, TlsSymbols symbols)
    {
        var systemDefault = value.ConstantValue.HasValue ? osRewriter.Members(0) : osRewriter.Rewrite(value) ?? osRewriter.Members(0);
        if (ObsoleteServicePointSetting(value, symbols) is { } assignment && FixSyntax.RemovableStatement(assignment.Syntax) is { } statement)
        {
            return (statement, null);
        }

        var sink = value.Parent;
        while (sink is IConversionOperation { IsImplicit: true })
        {
            sink = sink.Parent;
        }

        if (sink is ICompoundAssignmentOperation && sink.Syntax is AssignmentExpressionSyntax compound)
        {
            // "|= None" would change nothing: the operating system's choice means replacing the whole set.
            var simple = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, compound.Left, systemDefault.WithTriviaFrom(compound.Right))
                .WithTriviaFrom(compound)
                .WithAdditionalAnnotations(Formatter.Annotation);
            return (compound, simple);
        }

        return (node, systemDefault.WithTriviaFrom(node));
    }

    /// <summary>
    /// The <c>ServicePointManager.SecurityProtocol = value</c> assignment (either language) whose value is
    /// <paramref name="value"/>, when the target marks <c>ServicePointManager</c> obsolete: there the operating system's
    /// choice is the default, and letting it choose means removing the assignment.
    /// </summary>
    public static IAssignmentOperation? ObsoleteServicePointSetting(IOperation value, TlsSymbols symbols)
    {
        var sink = value.Parent;
        while (sink is IConversionOperation { IsImplicit: true })
        {
            sink = sink.Parent;
        }

        return sink is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
            && IsObsolete(symbols.ServicePointManager)
            && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, symbols.ServicePointManager)
                ? assignment
                : null;
    }

    internal static bool IsObsolete(INamedTypeSymbol? type)
        => type != null && type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute");
}
