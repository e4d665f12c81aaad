using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace TlsMinAnalyzer.CodeFixes.Internal;

/// <summary>
/// Statements in either language, through operations and <see cref="SyntaxGenerator"/>: the statement an expression makes
/// up, removing one (its comment lines kept, so Fix All can remove neighbours too), and the statements a fix leaves unused
/// (a local that only carried the value it replaced) removed with it, without leaving a blank line where a block opens.
/// </summary>
internal static class Statements
{
    /// <summary>The root with <paramref name="node"/> replaced and the statements the replacement leaves unused removed.</summary>
    public static SyntaxNode ReplaceRemovingUnused(SyntaxGenerator generator, SyntaxNode root, SyntaxNode node, SyntaxNode replacement, System.Collections.Generic.IReadOnlyList<SyntaxNode> unused)
    {
        if (unused.Count == 0)
        {
            return NeutralFixes.Replace(root, node, replacement);
        }

        // Statements removed from the top of a block take the blank line after them too, so the block does not open on one.
        var blankLineAfter = unused
            .Where(statement => StartsBlock(statement, unused))
            .Select(statement => LastOfRun(statement, unused).GetLastToken().GetNextToken())
            .Where(token => token.RawKind != 0 && StartsWithBlankLine(token.LeadingTrivia))
            .ToList();
        var tracked = root.TrackNodes(unused.Concat(new[] { node }).Concat(blankLineAfter.Select(token => token.Parent!)));
        foreach (var token in blankLineAfter)
        {
            if (tracked.GetCurrentNode(token.Parent!) is { } owner && owner.FindToken(token.SpanStart) is var current && current.Span == token.Span)
            {
                tracked = tracked.ReplaceToken(current, current.WithLeadingTrivia(WithoutFirstBlankLine(current.LeadingTrivia)));
            }
        }

        tracked = tracked.ReplaceNode(tracked.GetCurrentNode(node)!, replacement.WithTriviaFrom(node).WithAdditionalAnnotations(Formatter.Annotation));
        foreach (var statement in unused)
        {
            if (tracked.GetCurrentNode(statement) is { } current)
            {
                tracked = generator.RemoveNode(tracked, current, SyntaxRemoveOptions.KeepNoTrivia)!;
            }
        }

        return tracked;
    }

    /// <summary>The statement comes first in its block (after the block's header line in VB), or after removed ones that do.</summary>
    private static bool StartsBlock(SyntaxNode statement, System.Collections.Generic.IReadOnlyList<SyntaxNode> removed)
    {
        if (statement.Parent is not { } parent)
        {
            return false;
        }

        SyntaxNode? previous = null;
        foreach (var sibling in parent.ChildNodes())
        {
            if (sibling == statement)
            {
                break;
            }

            previous = sibling;
        }

        return previous is null
               || previous.SpanStart == parent.SpanStart // VB: the Sub/If header that opens the block
               || (removed.Contains(previous) && StartsBlock(previous, removed));
    }

    /// <summary>The last statement of the run of removed statements that <paramref name="statement"/> begins.</summary>
    private static SyntaxNode LastOfRun(SyntaxNode statement, System.Collections.Generic.IReadOnlyList<SyntaxNode> removed)
    {
        var last = statement;
        var following = false;
        foreach (var sibling in statement.Parent!.ChildNodes())
        {
            if (sibling == statement)
            {
                following = true;
                continue;
            }

            if (following)
            {
                if (!removed.Contains(sibling))
                {
                    break;
                }

                last = sibling;
            }
        }

        return last;
    }

    private static bool IsLineBreak(SyntaxTrivia trivia) => trivia.ToFullString() is "\n" or "\r\n";

    private static bool StartsWithBlankLine(SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            if (IsLineBreak(item))
            {
                return true;
            }

            if (!string.IsNullOrWhiteSpace(item.ToFullString()))
            {
                return false;
            }
        }

        return false;
    }

    private static SyntaxTriviaList WithoutFirstBlankLine(SyntaxTriviaList trivia)
    {
        for (var i = 0; i < trivia.Count; i++)
        {
            if (IsLineBreak(trivia[i]))
            {
                var rest = trivia;
                for (var removed = 0; removed <= i; removed++)
                {
                    rest = rest.RemoveAt(0);
                }

                return rest;
            }
        }

        return trivia;
    }

    /// <summary>The statement that consists of this expression alone (a call or an assignment statement), or null.</summary>
    public static SyntaxNode? Of(SemanticModel model, SyntaxNode expression)
    {
        for (var node = expression; node != null; node = node.Parent)
        {
            switch (model.GetOperation(node))
            {
                case IExpressionStatementOperation statement when statement.Operation.Syntax.Span.Contains(expression.Span):
                    return node;
                case IEventAssignmentOperation { Parent: IExpressionStatementOperation statement }:
                    return statement.Syntax;
                case null:
                case IInvocationOperation:
                case IAssignmentOperation:
                case IConversionOperation:
                case IEventReferenceOperation:
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The statements that only give its value to the local <paramref name="value"/> reads, when that read is the local's
    /// only one: its declaration, and each plain <c>x = value</c> statement, or the <c>if</c> around it when that is all
    /// the <c>if</c> does (<c>var check = true; if (settings.Offline) { check = false; }</c>). A fix that replaces the read
    /// removes them, so nothing is left assigned but unused (CS0219/BC42024 break builds that treat warnings as errors).
    /// Empty when the local is read elsewhere, or written in a way that cannot simply go (a call, <c>ref</c>, <c>+=</c>).
    /// </summary>
    public static System.Collections.Generic.IReadOnlyList<SyntaxNode> LeftUnusedBy(IOperation value)
    {
        var none = System.Array.Empty<SyntaxNode>();
        if (value.StripConversions() is IFieldReferenceOperation fieldRead)
        {
            return FieldLeftUnusedBy(fieldRead) ?? (System.Collections.Generic.IReadOnlyList<SyntaxNode>)none;
        }

        if (value.StripConversions() is not ILocalReferenceOperation { Local: { } local } read)
        {
            return none;
        }

        var removed = new System.Collections.Generic.List<SyntaxNode>();
        var declared = false;
        foreach (var operation in read.Root().Descendants())
        {
            switch (operation)
            {
                case IVariableDeclarationGroupOperation { Declarations.Length: 1, Parent: IBlockOperation } group
                    when group.Declarations[0].Declarators.Length == 1 && SymbolEqualityComparer.Default.Equals(group.Declarations[0].Declarators[0].Symbol, local):
                    var initializer = group.Declarations[0].Initializer ?? group.Declarations[0].Declarators[0].Initializer;
                    if (initializer != null && !IsPure(initializer.Value))
                    {
                        return none;
                    }

                    removed.Add(group.Syntax);
                    declared = true;
                    break;
                case ILocalReferenceOperation other when other != read && SymbolEqualityComparer.Default.Equals(other.Local, local):
                    if (PlainWrite(other) is { } write)
                    {
                        removed.Add(write);
                        break;
                    }

                    return none;
            }
        }

        return declared ? removed : none;
    }

    /// <summary>
    /// As <see cref="LeftUnusedBy"/>, for a private field of a type declared only in this file whose only read this is
    /// (<c>_checkRevocation</c> kept by the constructor for one call): its declaration, when it declares nothing else and
    /// its initializer does nothing, and every plain assignment of it (or the <c>if</c> that only does that), so that no
    /// field is left assigned but unused (CS0414). Null when it is read elsewhere or written in another way.
    /// </summary>
    private static System.Collections.Generic.IReadOnlyList<SyntaxNode>? FieldLeftUnusedBy(IFieldReferenceOperation read)
    {
        var field = read.Field;
        if (field.IsConst || read.SemanticModel is not { } model || !MemberReaders.AreAllIn(field, model.SyntaxTree)
            || field.DeclaringSyntaxReferences.Length != 1 || field.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        var declarator = field.DeclaringSyntaxReferences[0].GetSyntax();
        if (ValueFlow.Initializer(declarator, model) is { } initializer && !IsPure(initializer))
        {
            return null;
        }

        // The whole field declaration (the member of the type), when this field is all it declares.
        SyntaxNode? declaration = null;
        for (var current = declarator; current.Parent != null && declaration is null; current = current.Parent)
        {
            if (model.GetDeclaredSymbol(current.Parent) is INamedTypeSymbol)
            {
                declaration = current;
            }
        }

        if (declaration is null || declaration.DescendantNodes().Any(node => node != declarator && model.GetDeclaredSymbol(node) is IFieldSymbol other && !SymbolEqualityComparer.Default.Equals(other, field)))
        {
            return null;
        }

        var removed = new System.Collections.Generic.List<SyntaxNode> { declaration };
        foreach (var other in MemberReaders.InType(field, model, read.Syntax.Span, System.Threading.CancellationToken.None))
        {
            if (PlainWrite(other) is { } write)
            {
                removed.Add(write);
                continue;
            }

            return null;
        }

        return removed;
    }

    /// <summary>
    /// The statement to remove with a reference that is the target of a plain <c>x = value</c> statement whose value does
    /// nothing: the statement, or the <c>if</c> that only does that. Null for any other use.
    /// </summary>
    private static SyntaxNode? PlainWrite(IOperation reference)
        => reference.Parent is ISimpleAssignmentOperation { Parent: IExpressionStatementOperation statement } write
           && write.Target == reference
           && IsPure(write.Value)
            ? StatementOrItsIf(statement).Syntax
            : null;

    /// <summary>The <c>if</c> (without else, with a condition that does nothing) whose only statement this is; else the statement.</summary>
    private static IOperation StatementOrItsIf(IOperation statement)
    {
        var body = statement.Parent is IBlockOperation { Operations.Length: 1 } block ? block : statement;
        return body.Parent is IConditionalOperation { WhenFalse: null, Parent: IBlockOperation } conditional
               && conditional.WhenTrue == body
               && IsPure(conditional.Condition)
            ? conditional
            : statement;
    }

    /// <summary>A value whose evaluation changes nothing: constants, reads and delegates, combined by operators.</summary>
    private static bool IsPure(IOperation value)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IAnonymousFunctionOperation)
            {
                break; // making a delegate runs none of its body
            }

            if (operation is IInvocationOperation or IObjectCreationOperation or IAssignmentOperation or IIncrementOrDecrementOperation
                or IAwaitOperation or IDynamicInvocationOperation)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The statement of <paramref name="expression"/> when it stands on its own line(s) in a block, so that removing it
    /// leaves valid code (not the body of a single-line <c>If ... Then</c>).
    /// </summary>
    public static SyntaxNode? RemovableOf(SemanticModel model, SyntaxNode expression)
    {
        if (Of(model, expression) is not { } statement
            || model.GetOperation(statement) is not { Parent: IBlockOperation })
        {
            return null;
        }

        var text = statement.SyntaxTree.GetText();
        var line = text.Lines.GetLineFromPosition(statement.SpanStart);
        for (var position = line.Start; position < statement.SpanStart; position++)
        {
            if (!char.IsWhiteSpace(text[position]))
            {
                return null;
            }
        }

        return statement;
    }

    /// <summary>
    /// The root without the statement. Its leading comment lines stay; a statement with none goes with its indentation and
    /// line end only, so that Fix All can remove neighbouring statements too (kept trivia would move onto the next
    /// statement, and the two edits would overlap).
    /// </summary>
    public static SyntaxNode Remove(SyntaxGenerator generator, SyntaxNode root, SyntaxNode statement)
    {
        var leading = statement.GetLeadingTrivia();
        var lastLineBreak = -1;
        for (var i = 0; i < leading.Count; i++)
        {
            if (IsLineBreak(leading[i]))
            {
                lastLineBreak = i;
            }
        }

        if (leading.All(trivia => string.IsNullOrWhiteSpace(trivia.ToFullString())) || lastLineBreak < 0)
        {
            return generator.RemoveNode(root, statement, SyntaxRemoveOptions.KeepNoTrivia)!;
        }

        // The comment lines stay where they are: they move to the end of the previous line (whose text is unchanged), not
        // onto the next statement, which Fix All may be removing too.
        var commentLines = leading;
        while (commentLines.Count > lastLineBreak + 1)
        {
            commentLines = commentLines.RemoveAt(commentLines.Count - 1);
        }

        var previous = statement.GetFirstToken().GetPreviousToken();
        if (previous.RawKind == 0)
        {
            return generator.RemoveNode(root, statement, SyntaxRemoveOptions.KeepLeadingTrivia)!;
        }

        var tracked = root.TrackNodes(statement);
        var previousToken = tracked.FindToken(previous.SpanStart);
        tracked = tracked.ReplaceToken(previousToken, previousToken.WithTrailingTrivia(previousToken.TrailingTrivia.AddRange(commentLines)));
        return generator.RemoveNode(tracked, tracked.GetCurrentNode(statement)!, SyntaxRemoveOptions.KeepNoTrivia)!;
    }
}
