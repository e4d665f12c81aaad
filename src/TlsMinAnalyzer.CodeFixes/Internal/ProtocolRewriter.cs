using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.CodeFixes.Internal;

/// <summary>
/// Rewrites protocol values for the TLS001 and TLS005 fixes: deprecated members and integer casts become named current
/// members of the same enum (Tls13 only where the target has it), non-deprecated parts are kept, and "let the operating
/// system choose" writes <c>None</c>/<c>SystemDefault</c> or removes an obsolete <c>ServicePointManager</c> statement.
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

    /// <summary>
    /// Lets the operating system choose. A constant value is replaced whole; in a value with other parts (a local, a
    /// field, a branch) only the deprecated parts are, so nothing the code still relies on becomes unused.
    /// </summary>
    public static Task<Document> LetOperatingSystemChoose(Document document, SyntaxNode root, ExpressionSyntax node, IOperation value, ProtocolRewriter osRewriter, TlsSymbols symbols)
    {
        var systemDefault = value.ConstantValue.HasValue ? osRewriter.Members(0) : osRewriter.Rewrite(value) ?? osRewriter.Members(0);
        var sink = value.Parent;
        while (sink is IConversionOperation { IsImplicit: true })
        {
            sink = sink.Parent;
        }

        if (sink is IAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
            && IsObsolete(symbols.ServicePointManager)
            && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, symbols.ServicePointManager)
            && assignment.Syntax.Parent is ExpressionStatementSyntax statement)
        {
            SyntaxNode removed = statement.Parent is GlobalStatementSyntax global ? global : statement;
            if (removed.Parent is BlockSyntax or CompilationUnitSyntax)
            {
                return Task.FromResult(document.WithSyntaxRoot(root.RemoveNode(removed, SyntaxRemoveOptions.KeepUnbalancedDirectives)!));
            }
        }

        if (sink is ICompoundAssignmentOperation && sink.Syntax is AssignmentExpressionSyntax compound)
        {
            // "|= None" would change nothing: the operating system's choice means replacing the whole set.
            var simple = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, compound.Left, systemDefault.WithTriviaFrom(compound.Right))
                .WithTriviaFrom(compound)
                .WithAdditionalAnnotations(Formatter.Annotation);
            return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(compound, simple)));
        }

        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(node, systemDefault.WithTriviaFrom(node))));
    }

    private static bool IsObsolete(INamedTypeSymbol? type)
        => type != null && type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute");

    /// <summary>The protocol value a TLS001/TLS005 finding points at: its syntax, its operation and its enum.</summary>
    public static bool TryFindValue(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, out TlsSymbols symbols, out ExpressionSyntax node, out IOperation value, out INamedTypeSymbol protocolEnum)
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
    public static ExpressionSyntax? FindEnumTypeSyntax(SyntaxNode node, SemanticModel model, INamedTypeSymbol protocolEnum, CancellationToken cancellationToken)
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
