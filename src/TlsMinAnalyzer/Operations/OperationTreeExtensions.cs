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
}
