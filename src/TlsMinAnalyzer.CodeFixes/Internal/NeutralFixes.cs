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

    /// <summary>The root with <paramref name="node"/> replaced and the statements the replacement leaves unused removed.</summary>
    public static SyntaxNode ReplaceRemovingUnused(SyntaxGenerator generator, SyntaxNode root, SyntaxNode node, SyntaxNode replacement, System.Collections.Generic.IReadOnlyList<SyntaxNode> unused)
    {
        if (unused.Count == 0)
        {
            return Replace(root, node, replacement);
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
    public static SyntaxNode? StatementOf(SemanticModel model, SyntaxNode expression)
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
    public static System.Collections.Generic.IReadOnlyList<SyntaxNode> LocalLeftUnused(IOperation value)
    {
        var none = System.Array.Empty<SyntaxNode>();
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
                    if (other.Parent is ISimpleAssignmentOperation { Parent: IExpressionStatementOperation statement } write
                        && write.Target == other
                        && IsPure(write.Value))
                    {
                        removed.Add(StatementOrItsIf(statement).Syntax);
                        break;
                    }

                    return none;
            }
        }

        return declared ? removed : none;
    }

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
    public static SyntaxNode? RemovableStatementOf(SemanticModel model, SyntaxNode expression)
    {
        if (StatementOf(model, expression) is not { } statement
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
    public static SyntaxNode RemoveStatement(SyntaxGenerator generator, SyntaxNode root, SyntaxNode statement)
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

/// <summary>Protocol sets as named members, <c>A Or B</c> in the document's language.</summary>
internal static class NeutralProtocols
{
    /// <summary>
    /// "Let the operating system choose": the title and the edit, where the target has a system-default member
    /// (<c>None</c>, <c>SystemDefault</c>). The value becomes that member, or, where it is assigned to
    /// <c>ServicePointManager.SecurityProtocol</c> and the target marks that obsolete, the assignment is removed (as in C#).
    /// </summary>
    public static (string Title, System.Func<SyntaxNode, SyntaxNode> Apply)? OperatingSystemChoice(SyntaxGenerator generator, SemanticModel model, SyntaxNode replaced, INamedTypeSymbol protocolEnum, TlsSymbols symbols)
    {
        if (symbols.SystemDefaultMember(protocolEnum) is not { } systemDefault)
        {
            return null;
        }

        var title = "Let the operating system choose (" + protocolEnum.Name + "." + systemDefault.Name + ")";
        if (ObsoleteSettingStatement(model, model.GetOperation(replaced), symbols) is { } statement)
        {
            return (title, root => NeutralFixes.RemoveStatement(generator, root, statement));
        }

        var member = NeutralFixes.Member(generator, model, replaced, protocolEnum, systemDefault.Name);
        return (title, root => NeutralFixes.Replace(root, replaced, member));
    }

    /// <summary>The removable <c>ServicePointManager.SecurityProtocol = value</c> statement where the target marks it obsolete.</summary>
    public static SyntaxNode? ObsoleteSettingStatement(SemanticModel model, IOperation? value, TlsSymbols symbols)
        => value != null && Protocols.OperatingSystemChoice.ObsoleteServicePointSetting(value, symbols) is { } assignment
            ? NeutralFixes.RemovableStatementOf(model, assignment.Syntax)
            : null;

    /// <summary>
    /// An OR of values read from elsewhere and constants (<c>configured Or SslProtocols.Tls11</c>): the reads kept, the
    /// constants replaced by their current versions plus <paramref name="modern"/>. Null for any other shape.
    /// </summary>
    public static SyntaxNode? KeepReadParts(SyntaxGenerator generator, SemanticModel model, IOperation value, INamedTypeSymbol protocolEnum, TlsSymbols symbols, bool minimum13, int modern)
    {
        var reads = new System.Collections.Generic.List<SyntaxNode>();
        var constantBits = 0;
        var leaves = new System.Collections.Generic.Stack<IOperation>();
        leaves.Push(value);
        while (leaves.Count > 0)
        {
            var leaf = leaves.Pop().StripConversions();
            if (leaf is IBinaryOperation { OperatorKind: BinaryOperatorKind.Or } or)
            {
                leaves.Push(or.RightOperand);
                leaves.Push(or.LeftOperand);
            }
            else if (leaf.ConstantValue.HasValue)
            {
                constantBits |= ProtocolValues.WrittenBits(leaf, symbols);
            }
            else
            {
                reads.Add(leaf.Syntax.WithoutTrivia());
            }
        }

        if (reads.Count == 0 || constantBits == 0)
        {
            return null;
        }

        // Left-nested, as the language parses a chain of Or.
        var result = reads[0];
        for (var i = 1; i < reads.Count; i++)
        {
            result = generator.BitwiseOrExpression(result, reads[i]);
        }

        foreach (var member in MemberList(generator, model, value.Syntax, protocolEnum, (constantBits & ~TlsMinAnalyzer.Knowledge.ProtocolVersions.DeprecatedMaskFor(minimum13)) | modern))
        {
            result = generator.BitwiseOrExpression(result, member);
        }

        return result;
    }

    /// <summary>
    /// The arms of a conditional (<c>If(legacy, SslProtocols.Tls, SslProtocols.Tls12)</c>, nested too) that are constants
    /// enabling a version in <paramref name="deprecated"/>, each replaced by what <paramref name="replacement"/> makes of
    /// its versions; the other arms stay. Null when the value is no such conditional.
    /// </summary>
    public static System.Func<SyntaxNode, SyntaxNode>? RewriteArms(SyntaxGenerator generator, SemanticModel model, IOperation value, TlsSymbols symbols, System.Func<int, SyntaxNode?> replacement, int deprecated)
    {
        var edits = new System.Collections.Generic.Dictionary<SyntaxNode, SyntaxNode>();
        var pending = new System.Collections.Generic.Stack<IOperation>();
        pending.Push(value);
        var sawConditional = false;
        while (pending.Count > 0)
        {
            var current = pending.Pop().StripConversions();
            if (current is IParenthesizedOperation parenthesized)
            {
                pending.Push(parenthesized.Operand);
            }
            else if (current is IConditionalOperation { WhenFalse: { } whenFalse } conditional)
            {
                sawConditional = true;
                pending.Push(conditional.WhenTrue);
                pending.Push(whenFalse);
            }
            else if (current.ConstantValue.HasValue
                && ProtocolValues.WrittenBits(current, symbols) is var bits && (bits & deprecated) != 0
                && replacement(bits) is { } replaced)
            {
                edits[current.Syntax] = replaced;
            }
        }

        if (!sawConditional || edits.Count == 0)
        {
            return null;
        }

        return root => root.ReplaceNodes(edits.Keys, (original, _) => edits[original].WithTriviaFrom(original).WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation));
    }

    /// <summary><c>E.Tls12 Or E.Tls13</c>: the members of <paramref name="protocolEnum"/> for every version in <paramref name="bits"/>.</summary>
    public static SyntaxNode? Members(SyntaxGenerator generator, SemanticModel model, SyntaxNode replaced, INamedTypeSymbol protocolEnum, int bits)
    {
        SyntaxNode? result = null;
        foreach (var member in MemberList(generator, model, replaced, protocolEnum, bits))
        {
            result = result is null ? member : generator.BitwiseOrExpression(result, member);
        }

        return result;
    }

    private static System.Collections.Generic.IEnumerable<SyntaxNode> MemberList(SyntaxGenerator generator, SemanticModel model, SyntaxNode replaced, INamedTypeSymbol protocolEnum, int bits)
    {
        foreach (var version in TlsMinAnalyzer.Knowledge.ProtocolVersions.All)
        {
            if ((bits & version.Bits) == version.Bits && EnumExtensions.FindConstantMember(protocolEnum, version.MemberName) is not null)
            {
                yield return NeutralFixes.Member(generator, model, replaced, protocolEnum, version.MemberName);
            }
        }
    }
}
