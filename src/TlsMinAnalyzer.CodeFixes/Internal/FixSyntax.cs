using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace TlsMinAnalyzer.CodeFixes.Internal;

/// <summary>Small syntax helpers shared by the fixes.</summary>
internal static class FixSyntax
{
    /// <summary>
    /// <c>Type.Member</c> for a type the code does not spell yet: fully qualified, then reduced by the simplifier to what the
    /// file's usings allow. Parsed as an expression so the tree is the one the parser itself would build.
    /// </summary>
    public static ExpressionSyntax MemberOf(Document document, ITypeSymbol type, string member)
    {
        var typeName = SyntaxGenerator.GetGenerator(document).TypeExpression(type).ToFullString();
        return SyntaxFactory.ParseExpression(typeName + "." + member).WithAdditionalAnnotations(Simplifier.Annotation);
    }

    /// <summary><c>Type.Member</c> reusing the spelling the code already has for the type.</summary>
    public static ExpressionSyntax MemberOf(ExpressionSyntax typeSyntax, string member)
        => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, typeSyntax.WithoutTrivia(), SyntaxFactory.IdentifierName(member));

    /// <summary>
    /// The statement that <paramref name="expression"/> makes up (an expression statement in a block or at top level), or
    /// null when removing it would leave invalid code (an embedded statement such as <c>if (x) call();</c>).
    /// </summary>
    public static SyntaxNode? RemovableStatement(SyntaxNode expression)
    {
        if (expression.Parent is not ExpressionStatementSyntax statement)
        {
            return null;
        }

        SyntaxNode removed = statement.Parent is GlobalStatementSyntax global ? global : statement;
        return removed.Parent is BlockSyntax or CompilationUnitSyntax ? removed : null;
    }

    /// <summary>The root without <paramref name="statement"/>, keeping any preprocessor directives around it balanced.</summary>
    public static SyntaxNode RemoveStatement(SyntaxNode root, SyntaxNode statement)
        => root.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
}
