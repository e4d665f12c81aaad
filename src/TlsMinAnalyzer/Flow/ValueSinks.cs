using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Flow;

/// <summary>
/// The engine's forward half: from a value where it is written up to the operation that consumes it, through what carries
/// a value unchanged — conversions, parentheses, delegate creations, conditional and switch-expression arms, both sides of
/// <c>??</c> — and the set operators that widen it (<c>|</c>, <c>^</c>, <c>+</c>). The same operations
/// <see cref="ValueSources"/> walks back through; what one finds, the other follows back.
/// </summary>
internal static class ValueSinks
{
    /// <summary>The topmost operation that still carries <paramref name="value"/>; its parent consumes it.</summary>
    public static IOperation Climb(IOperation value) => Climb(value, out _);

    /// <summary>As above; <paramref name="combined"/> says whether the value was ORed (or added) with others on the way.</summary>
    public static IOperation Climb(IOperation value, out bool combined)
    {
        combined = false;
        var current = value;
        while (current.Parent is { } parent && Carries(parent, current))
        {
            combined |= parent is IBinaryOperation;
            current = parent;
        }

        return current;
    }

    private static bool Carries(IOperation parent, IOperation child)
    {
        switch (parent)
        {
            case IConversionOperation or IParenthesizedOperation or IDelegateCreationOperation or ICoalesceOperation:
                return true;
            case IBinaryOperation binary:
                return binary.OperatorKind is BinaryOperatorKind.Or or BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.Add;
            case IConditionalOperation conditional:
                return conditional.Condition != child;
            case ISwitchExpressionArmOperation arm:
                return arm.Value == child;
            case ISwitchExpressionOperation switchExpression:
                return switchExpression.Value != child;
            default:
                return false;
        }
    }
}
