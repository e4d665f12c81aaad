using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace TlsMinAnalyzer.Operations;

/// <summary>
/// The reads of a private member, found inside its own type: the member's name is looked up token by token, and only
/// tokens with that name are bound. Used where all of a member's uses can be seen from one file (a private member of a
/// type declared in that file only), so a verdict drawn from them belongs to that file, as the IDE needs.
/// </summary>
internal static class MemberReaders
{
    /// <summary>A private member of a type whose every declaration is in <paramref name="tree"/>: all its reads are there.</summary>
    public static bool AreAllIn(ISymbol member, SyntaxTree tree)
    {
        if (member.DeclaredAccessibility != Accessibility.Private || member.ContainingType is not { } type)
        {
            return false;
        }

        foreach (var declaration in type.DeclaringSyntaxReferences)
        {
            if (declaration.SyntaxTree != tree)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A private member of a type declared in source (in one file or as a partial type over several): all its reads are in the type's parts.</summary>
    public static bool AreAllInParts(ISymbol member)
        => member.DeclaredAccessibility == Accessibility.Private && member.ContainingType is { DeclaringSyntaxReferences.IsEmpty: false };

    /// <summary>
    /// Every read of <paramref name="member"/> in its type outside <paramref name="excluded"/>: a field or property
    /// reference, a call of a method, or a method group (a use whose effect is not seen here). Only the type's parts in
    /// <paramref name="model"/>'s file, unless <paramref name="everyPart"/>: then the other files' parts too, each with its
    /// own model (see <see cref="AreAllInParts"/>).
    /// </summary>
    public static IEnumerable<IOperation> InType(ISymbol member, SemanticModel model, TextSpan excluded, CancellationToken cancellationToken, bool everyPart = false)
    {
        foreach (var declaration in member.ContainingType.DeclaringSyntaxReferences)
        {
            var partModel = declaration.SyntaxTree == model.SyntaxTree ? model
                : everyPart ? CompilationSymbols.ModelOf(model, declaration.SyntaxTree)
                : null;
            if (partModel is null)
            {
                continue;
            }

            foreach (var token in declaration.GetSyntax(cancellationToken).Block().DescendantTokens())
            {
                // Visual Basic names are case-insensitive; binding below confirms every candidate.
                if (!string.Equals(token.ValueText, member.Name, System.StringComparison.OrdinalIgnoreCase) || token.Parent is not { } node
                    || (partModel == model && excluded.Contains(token.Span)))
                {
                    continue;
                }

                if (Read(node, member, partModel, cancellationToken) is { } read)
                {
                    yield return read;
                }
            }
        }
    }

    /// <summary>The read at a reference to <paramref name="member"/> (a name found by a reference search).</summary>
    public static IOperation? ReadAt(SyntaxNode node, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
        => Read(node, member, model, cancellationToken);

    /// <summary>The name's own node, or the member access or call it ends (<c>this.Name</c>, <c>Owner.Name(x)</c>).</summary>
    private static IOperation? Read(SyntaxNode node, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        var current = node;
        for (var depth = 0; depth < 3 && current != null; depth++, current = current.Parent)
        {
            switch (model.GetOperation(current, cancellationToken))
            {
                case IFieldReferenceOperation field when SymbolEqualityComparer.Default.Equals(field.Field, member):
                    return field;
                case IPropertyReferenceOperation property when SymbolEqualityComparer.Default.Equals(property.Property, member):
                    return property;
                case IInvocationOperation invocation when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod, member):
                    return invocation;
                case IMethodReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Method, member):
                    // The callee name of a call binds to a method reference too: the call, one level up, is the read.
                    if (current.Parent is { } parent && model.GetOperation(parent, cancellationToken) is IInvocationOperation)
                    {
                        continue;
                    }

                    return reference;
            }
        }

        return null;
    }
}
