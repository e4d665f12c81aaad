using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Operations;

/// <summary>Generic operation-tree helpers shared by the rules and their fixes.</summary>
internal static class OperationTreeExtensions
{
    /// <summary>The operand under every conversion (implicit and explicit casts alike).</summary>
    public static IOperation StripConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The outermost operation (the member body or initializer, lambdas included) that contains <paramref name="operation"/>.</summary>
    public static IOperation Root(this IOperation operation)
    {
        var root = operation;
        while (root.Parent != null)
        {
            root = root.Parent;
        }

        return root;
    }

    /// <summary>
    /// The operation that takes <paramref name="value"/>: its parent past conversions, parentheses and delegate creations
    /// (a lambda or method group handed on as a delegate is still the same value).
    /// </summary>
    public static IOperation? Consumer(this IOperation value)
    {
        var parent = value.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation or IDelegateCreationOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>True when a lambda or local function lies between <paramref name="operation"/> and <paramref name="root"/> (the top when null).</summary>
    public static bool IsInsideFunction(this IOperation operation, IOperation? root = null)
    {
        for (var parent = operation.Parent; parent != null && parent != root; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }
}
