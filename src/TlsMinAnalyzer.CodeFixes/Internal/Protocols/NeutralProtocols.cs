using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace TlsMinAnalyzer.CodeFixes.Internal;

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
            return (title, root => Statements.Remove(generator, root, statement));
        }

        var member = NeutralFixes.Member(generator, model, replaced, protocolEnum, systemDefault.Name);
        return (title, root => NeutralFixes.Replace(root, replaced, member));
    }

    /// <summary>The removable <c>ServicePointManager.SecurityProtocol = value</c> statement where the target marks it obsolete.</summary>
    public static SyntaxNode? ObsoleteSettingStatement(SemanticModel model, IOperation? value, TlsSymbols symbols)
        => value != null && Protocols.OperatingSystemChoice.ObsoleteServicePointSetting(value, symbols) is { } assignment
            ? Statements.RemovableOf(model, assignment.Syntax)
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
