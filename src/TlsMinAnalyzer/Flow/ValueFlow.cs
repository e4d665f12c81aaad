using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Flow;

/// <summary>Simple, local value flow: what a local holds when it is written exactly once, and constants through it.</summary>
internal static class ValueFlow
{
    /// <summary>The value a local gets, when it gets exactly one (its initializer or a single plain assignment).</summary>
    public static bool TrySingleWrite(ILocalReferenceOperation reference, out IOperation written)
    {
        written = null!;
        var writes = 0;
        foreach (var operation in OperationTreeExtensions.Root(reference).Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                    if (declarator.Initializer != null)
                    {
                        written = declarator.Initializer.Value;
                        writes++;
                    }

                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                    written = assignment.Value;
                    writes += assignment is ISimpleAssignmentOperation ? 1 : 2;
                    break;
                case IArgumentOperation { Value: ILocalReferenceOperation passed, Parameter.RefKind: RefKind.Ref or RefKind.Out }
                    when SymbolEqualityComparer.Default.Equals(passed.Local, reference.Local):
                    writes += 2;
                    break;
            }
        }

        return writes == 1;
    }

    /// <summary>The constant an expression has, looking through conversions and a single-write local.</summary>
    public static Optional<object?> Constant(IOperation? operation)
    {
        for (var hops = 0; operation != null && hops < 4; hops++)
        {
            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue;
            }

            operation = OperationTreeExtensions.StripConversions(operation);
            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue;
            }

            if (operation is not ILocalReferenceOperation local || !TrySingleWrite(local, out operation))
            {
                break;
            }
        }

        return default;
    }
}
