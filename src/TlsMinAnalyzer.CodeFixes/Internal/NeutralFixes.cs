using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace TlsMinAnalyzer.CodeFixes.Internal;

/// <summary>
/// Edits built with <see cref="SyntaxGenerator"/> and operations only, so they produce idiomatic code in whichever language
/// the document is in (<c>A Or B</c>, <c>True</c>, <c>Function(...) x = y</c> in Visual Basic). The fixes use them where
/// their C#-syntax rewriting cannot run: in Visual Basic documents.
/// </summary>
internal static class NeutralFixes
{
    /// <summary>The node a finding is reported on.</summary>
    public static SyntaxNode Reported(SyntaxNode root, Diagnostic diagnostic)
        => root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

    /// <summary>
    /// <c>Type.Member</c>, spelled the way the replaced expression spells the type when it is a member of it (an alias or a
    /// qualified name stays), otherwise the type's simplest name in this document.
    /// </summary>
    public static SyntaxNode Member(SyntaxGenerator generator, SemanticModel model, SyntaxNode replaced, INamedTypeSymbol type, string member)
    {
        if (model.GetOperation(replaced) is IFieldReferenceOperation { Instance: null } field
            && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, type)
            && replaced.ChildNodes().FirstOrDefault() is { } typeName
            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(typeName).Symbol, type))
        {
            return generator.MemberAccessExpression(typeName.WithoutTrivia(), member);
        }

        return generator.MemberAccessExpression(TypeName(generator, model, replaced.SpanStart, type), member);
    }

    /// <summary>
    /// The type's simple name where it means the type at <paramref name="position"/>; otherwise its namespace-qualified name.
    /// In Visual Basic a parameter named like its type (<c>sslPolicyErrors As SslPolicyErrors</c>, names being
    /// case-insensitive) hides the type, and <c>SslPolicyErrors.None</c> would read the parameter.
    /// </summary>
    public static SyntaxNode TypeName(SyntaxGenerator generator, SemanticModel model, int position, INamedTypeSymbol type)
    {
        var found = model.LookupSymbols(position, name: type.Name);
        if (found.Length == 1 && SymbolEqualityComparer.Default.Equals(found[0], type))
        {
            return generator.IdentifierName(type.Name);
        }

        if (type.ContainingType != null || type.ContainingNamespace is null || type.ContainingNamespace.IsGlobalNamespace)
        {
            // A nested or global type: the generator's fully qualified name, simplified where the document allows.
            return generator.TypeExpression(type).WithAdditionalAnnotations(Simplifier.Annotation);
        }

        SyntaxNode? name = null;
        foreach (var part in type.ContainingNamespace.ToDisplayString().Split('.'))
        {
            name = name is null ? generator.IdentifierName(part) : generator.MemberAccessExpression(name, part);
        }

        return name is null ? generator.IdentifierName(type.Name) : generator.MemberAccessExpression(name, type.Name);
    }

    /// <summary>The root with <paramref name="node"/> replaced, trivia kept, the new code formatted and simplified.</summary>
    public static SyntaxNode Replace(SyntaxNode root, SyntaxNode node, SyntaxNode replacement)
        => root.ReplaceNode(node, replacement.WithTriviaFrom(node).WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation));
}
