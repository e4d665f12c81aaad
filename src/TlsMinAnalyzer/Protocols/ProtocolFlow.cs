using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Protocols;

/// <summary>Where a protocol value ends up.</summary>
internal enum DestinationKind
{
    /// <summary>Read, compared, masked, logged: nothing is enabled.</summary>
    None,

    /// <summary>A TLS setting: a member, parameter or return value typed with a protocol enum.</summary>
    Setting,

    /// <summary>A local (or by-value parameter): it enables something only if one of its own uses does.</summary>
    Variable,
}

internal readonly struct Destination
{
    public Destination(DestinationKind kind, ISymbol? symbol)
    {
        Kind = kind;
        Symbol = symbol;
    }

    public DestinationKind Kind { get; }

    /// <summary>The setting's member or parameter, or the variable; null for a return value or array element.</summary>
    public ISymbol? Symbol { get; }

    public static Destination Nowhere => default;
}

/// <summary>
/// Follows a protocol value up the operation tree (<see cref="ValueSinks.Climb(IOperation, out bool)"/>) to where it is finally used, and decides whether that use turns the
/// versions on (a setting) or only reads them (comparison, bit test, pattern, mask, <c>HasFlag</c>, logging, <c>nameof</c>).
/// </summary>
internal static class ProtocolFlow
{
    private const int MaxVariableHops = 8;

    /// <summary>Classifies the parent that receives <paramref name="value"/> directly.</summary>
    public static Destination Classify(IOperation parent, IOperation value, TlsSymbols symbols)
    {
        switch (parent)
        {
            case ISimpleAssignmentOperation simple when simple.Value == value:
                return ClassifyAssignmentTarget(simple.Target, symbols);

            case ICompoundAssignmentOperation compound when compound.Value == value:
                return compound.OperatorKind is BinaryOperatorKind.Or or BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.Add
                    ? ClassifyAssignmentTarget(compound.Target, symbols)
                    : Destination.Nowhere;

            case IVariableInitializerOperation initializer
                when initializer.InitializedLocal() is { } local && symbols.IsProtocolEnum(local.Type):
                return new Destination(DestinationKind.Variable, local);

            case IFieldInitializerOperation fieldInitializer
                when fieldInitializer.InitializedFields.Length > 0 && symbols.IsProtocolEnum(fieldInitializer.InitializedFields[0].Type):
                return new Destination(DestinationKind.Setting, fieldInitializer.InitializedFields[0]);

            case IPropertyInitializerOperation propertyInitializer
                when propertyInitializer.InitializedProperties.Length > 0 && symbols.IsProtocolEnum(propertyInitializer.InitializedProperties[0].Type):
                return new Destination(DestinationKind.Setting, propertyInitializer.InitializedProperties[0]);

            case IParameterInitializerOperation parameterInitializer when symbols.IsProtocolEnum(parameterInitializer.Parameter.Type):
                return new Destination(DestinationKind.Setting, parameterInitializer.Parameter);

            case IArgumentOperation argument
                when argument.Parameter is { RefKind: RefKind.None or RefKind.In } parameter
                     && symbols.IsProtocolEnum(parameter.OriginalDefinition.Type):
                // OriginalDefinition: a generic T (List<T>.Add, Assert.Equal<T>, HashSet<T>.Contains) is not a setting.
                return new Destination(DestinationKind.Setting, parameter);

            case IReturnOperation { ReturnedValue: { } returned } when returned == value && symbols.IsProtocolEnum(returned.Type):
                return new Destination(DestinationKind.Setting, null);

            default:
                return Destination.Nowhere;
        }
    }

    /// <summary>Climbs from a value through operations that carry it unchanged or widened, and classifies where it lands.</summary>
    public static Destination FindDestination(IOperation value, TlsSymbols symbols) => FindDestination(value, symbols, out _);

    /// <summary>As above; <paramref name="combined"/> says whether the value was ORed (or added) with others on the way.</summary>
    public static Destination FindDestination(IOperation value, TlsSymbols symbols, out bool combined)
    {
        var top = ValueSinks.Climb(value, out combined);
        if (top.Parent is not { } consumer)
        {
            return Destination.Nowhere;
        }

        combined |= consumer is ICompoundAssignmentOperation;
        return Classify(consumer, top, symbols);
    }

    /// <summary>True when some use of <paramref name="variable"/> within <paramref name="root"/> reaches a setting.</summary>
    public static bool HasEnablingUse(ISymbol variable, IOperation root, TlsSymbols symbols) => HasEnablingUse(variable, root, symbols, 0, out _);

    /// <summary>
    /// As above; <paramref name="unchanged"/> says whether some use reaches a setting as it is, not ORed with other versions
    /// first (<c>var set = Tls12; handler.SslProtocols = set | Tls13;</c> pins nothing).
    /// </summary>
    public static bool HasEnablingUse(ISymbol variable, IOperation root, TlsSymbols symbols, out bool unchanged) => HasEnablingUse(variable, root, symbols, 0, out unchanged);

    private static bool HasEnablingUse(ISymbol variable, IOperation root, TlsSymbols symbols, int hops, out bool unchanged)
    {
        unchanged = false;
        if (hops > MaxVariableHops)
        {
            return false;
        }

        var enables = false;
        foreach (var operation in root.Descendants())
        {
            if (!IsReferenceTo(operation, variable) || operation.IsAssignmentTarget())
            {
                continue;
            }

            var destination = FindDestination(operation, symbols, out var combined);
            if (destination.Kind == DestinationKind.Setting)
            {
                enables = true;
                unchanged |= !combined;
            }
            else if (destination.Kind == DestinationKind.Variable
                     && !SymbolEqualityComparer.Default.Equals(destination.Symbol, variable)
                     && HasEnablingUse(destination.Symbol!, root, symbols, hops + 1, out var nextUnchanged))
            {
                enables = true;
                unchanged |= !combined && nextUnchanged;
            }

            if (enables && unchanged)
            {
                return true;
            }
        }

        return enables;
    }

    private static Destination ClassifyAssignmentTarget(IOperation target, TlsSymbols symbols)
    {
        if (!symbols.IsProtocolEnum(target.Type))
        {
            return Destination.Nowhere;
        }

        switch (target)
        {
            case ILocalReferenceOperation local:
                return new Destination(DestinationKind.Variable, local.Local);
            case IParameterReferenceOperation { Parameter.RefKind: RefKind.None } parameter:
                return new Destination(DestinationKind.Variable, parameter.Parameter);
            case IParameterReferenceOperation parameter:
                return new Destination(DestinationKind.Setting, parameter.Parameter);
            case IPropertyReferenceOperation property when !property.Property.ContainingType.IsAnonymousType
                                                           && property.Property.OriginalDefinition.Type is not ITypeParameterSymbol:
                // OriginalDefinition: a collection's element (Dictionary<string, SslProtocols>["tls1.0"], a display-name
                // table) is a value stored, not a setting.
                return new Destination(DestinationKind.Setting, property.Property);
            case IFieldReferenceOperation field:
                return new Destination(DestinationKind.Setting, field.Field);
            case IArrayElementReferenceOperation:
                return new Destination(DestinationKind.Setting, null);
            default:
                return Destination.Nowhere;
        }
    }

    private static bool IsReferenceTo(IOperation operation, ISymbol variable) => operation switch
    {
        ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, variable),
        IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, variable),
        _ => false,
    };
}
