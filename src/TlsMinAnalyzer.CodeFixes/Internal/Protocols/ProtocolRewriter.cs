using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.CodeFixes.Internal.Protocols;

/// <summary>
/// Rewrites protocol values for the TLS001 and TLS005 fixes: deprecated members and integer casts become named current
/// members of the same enum (Tls13 only where the target has it) and non-deprecated parts are kept; given the system
/// default member, deprecated parts become <c>None</c>/<c>SystemDefault</c> instead. Finding the value is
/// <see cref="ProtocolFinding"/>'s job, where to write it <see cref="SharedProtocolWrite"/>'s.
/// </summary>
internal sealed class ProtocolRewriter
{
    private readonly int _deprecatedMask;
    private readonly TlsSymbols _symbols;
    private readonly INamedTypeSymbol _protocolEnum;
    private readonly Document _document;
    private readonly ExpressionSyntax? _enumType;
    private readonly int _modernBits;
    private readonly string? _systemDefault;

    /// <param name="systemDefaultMember">
    /// When given, the rewriter lets the operating system choose: deprecated parts become this member (None/SystemDefault)
    /// instead of Tls12 | Tls13, and non-deprecated parts that are not constants are kept.
    /// </param>
    public ProtocolRewriter(Document document, TlsSymbols symbols, INamedTypeSymbol protocolEnum, ExpressionSyntax? enumType, bool minimumTls13, string? systemDefaultMember = null)
    {
        _systemDefault = systemDefaultMember;
        _deprecatedMask = ProtocolVersions.DeprecatedMaskFor(minimumTls13);
        _symbols = symbols;
        _protocolEnum = protocolEnum;
        _document = document;
        _enumType = enumType;
        _modernBits = ModernBits(protocolEnum) & ~_deprecatedMask;
    }

    /// <summary>How the code spells the enum, when it does.</summary>
    public ExpressionSyntax? EnumTypeSyntax => _enumType;

    public ExpressionSyntax Member(string name)
        => _enumType is null ? FixSyntax.MemberOf(_document, _protocolEnum, name) : FixSyntax.MemberOf(_enumType, name);

    /// <summary>The value with every deprecated version replaced, or null when it writes none.</summary>
    public ExpressionSyntax? Rewrite(IOperation operation)
    {
        var written = ProtocolValues.WrittenBits(operation, _symbols);
        if ((written & _deprecatedMask) == 0)
        {
            return null;
        }

        if (ProtocolValues.IsConstantLeaf(operation, _symbols))
        {
            return Members(written & ~_deprecatedMask);
        }

        switch (operation)
        {
            case IConversionOperation { IsImplicit: true } conversion:
                return Rewrite(conversion.Operand);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Or or BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.Add } binary:
                return RewriteUnion(binary);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.And } mask when operation.Syntax is BinaryExpressionSyntax syntax:
                var left = mask.RightOperand.ConstantValue.HasValue ? Rewrite(mask.LeftOperand) : null;
                var right = left is null ? Rewrite(mask.RightOperand) : null;
                return syntax.WithLeft(Parenthesize(left) ?? syntax.Left).WithRight(Parenthesize(right) ?? syntax.Right);

            case IConditionalOperation conditional when operation.Syntax is ConditionalExpressionSyntax syntax:
                return syntax
                    .WithWhenTrue(Keep(syntax.WhenTrue, Rewrite(conditional.WhenTrue)))
                    .WithWhenFalse(Keep(syntax.WhenFalse, conditional.WhenFalse is null ? null : Rewrite(conditional.WhenFalse)));

            case ICoalesceOperation coalesce when operation.Syntax is BinaryExpressionSyntax syntax:
                return syntax.WithLeft(Keep(syntax.Left, Rewrite(coalesce.Value))).WithRight(Keep(syntax.Right, Rewrite(coalesce.WhenNull)));

            case ISwitchExpressionOperation switchExpression when operation.Syntax is SwitchExpressionSyntax syntax:
                var replacements = new Dictionary<SyntaxNode, ExpressionSyntax>();
                foreach (var arm in switchExpression.Arms)
                {
                    if (arm.Syntax is SwitchExpressionArmSyntax armSyntax && Rewrite(arm.Value) is { } rewritten)
                    {
                        replacements[armSyntax.Expression] = rewritten.WithTriviaFrom(armSyntax.Expression);
                    }
                }

                return syntax.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);

            default:
                return Members(written & ~_deprecatedMask);
        }
    }

    private ExpressionSyntax RewriteUnion(IBinaryOperation binary)
    {
        var leaves = new List<IOperation>();
        Flatten(binary, leaves);

        var kept = new List<ExpressionSyntax>();
        var namedBits = 0;
        foreach (var leaf in leaves)
        {
            var leafBits = ProtocolValues.WrittenBits(leaf, _symbols);
            if (ProtocolValues.IsConstantLeaf(leaf, _symbols))
            {
                namedBits |= leafBits & ~_deprecatedMask;
            }
            else if ((leafBits & _deprecatedMask) != 0)
            {
                kept.Add(Parenthesize(Rewrite(leaf))!);
            }
            else
            {
                kept.Add(((ExpressionSyntax)leaf.Syntax).WithoutTrivia());
            }
        }

        // Left to right, as written: the parts that stay, then the named versions (or, letting the OS choose, nothing more).
        if (_systemDefault != null)
        {
            return kept.Count == 0 ? Member(_systemDefault).WithAdditionalAnnotations(Formatter.Annotation) : Join(kept);
        }

        kept.AddRange(MemberList(namedBits));
        return Join(kept);
    }

    private static void Flatten(IOperation operation, List<IOperation> leaves)
    {
        if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Or or BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.Add } binary)
        {
            Flatten(binary.LeftOperand, leaves);
            Flatten(binary.RightOperand, leaves);
        }
        else if (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            Flatten(conversion.Operand, leaves);
        }
        else
        {
            leaves.Add(operation);
        }
    }

    /// <summary>Tls12 | Tls13 (as the target has them) plus any other current version already named.</summary>
    public ExpressionSyntax Members(int keptBits)
        => _systemDefault != null ? Member(_systemDefault).WithAdditionalAnnotations(Formatter.Annotation) : Join(MemberList(keptBits));

    private List<ExpressionSyntax> MemberList(int keptBits)
    {
        var members = new List<ExpressionSyntax>();
        foreach (var version in ProtocolVersions.All)
        {
            if ((version.Bits & _deprecatedMask) == 0 && ((keptBits | _modernBits) & version.Bits) == version.Bits
                && EnumExtensions.FindConstantMember(_protocolEnum, version.MemberName) is not null)
            {
                members.Add(Member(version.MemberName));
            }
        }

        return members;
    }

    /// <summary>a | b | c, left-associative as the parser would build it.</summary>
    private static ExpressionSyntax Join(List<ExpressionSyntax> parts)
    {
        var result = parts[0];
        for (var i = 1; i < parts.Count; i++)
        {
            result = SyntaxFactory.BinaryExpression(SyntaxKind.BitwiseOrExpression, result, parts[i]);
        }

        return result.WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static int ModernBits(INamedTypeSymbol protocolEnum)
    {
        var bits = 0;
        foreach (var version in ProtocolVersions.All)
        {
            if (!version.IsDeprecated && EnumExtensions.FindConstantMember(protocolEnum, version.MemberName) is not null)
            {
                bits |= version.Bits;
            }
        }

        return bits;
    }

    private static ExpressionSyntax Keep(ExpressionSyntax original, ExpressionSyntax? rewritten)
        => rewritten is null ? original : Parenthesize(rewritten)!.WithTriviaFrom(original);

    private static ExpressionSyntax? Parenthesize(ExpressionSyntax? expression)
        => expression is BinaryExpressionSyntax or ConditionalExpressionSyntax
            ? SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia())
            : expression;
}
