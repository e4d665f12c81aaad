using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Protocols;

/// <summary>
/// Methods that map their caller's input to a protocol set — a parser of wire versions (<c>0x0301 => SslProtocols.Tls</c>),
/// a name-to-version table, <c>legacy ? Tls : Tls12</c> on a parameter. Their returns are reads: a mapping enables nothing
/// until its result reaches a setting, and then the finding belongs there, where the caller's value decides
/// (<see cref="ProtocolSettingFinder"/> reports it at the call). Private mappings are judged by their callers in their own
/// type, as private constants are.
/// </summary>
internal static class ProtocolMappings
{
    /// <summary>True when the return's value is chosen by a switch, conditional or <c>if</c> on the method's own parameters.</summary>
    public static bool IsMappingReturn(IOperation returned, IMethodSymbol method)
    {
        // The returned value itself (version switch { ... }), or a switch, conditional or if around the return.
        for (var current = returned.StripConversions(); current != null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return false;
                case ISwitchOperation { Value: { } governing } when ReadsParameter(governing, method):
                case ISwitchExpressionOperation { Value: { } switched } when ReadsParameter(switched, method):
                case IConditionalOperation { Condition: { } condition } when ReadsParameter(condition, method):
                    return true;
            }

            if (current is IReturnOperation { ReturnedValue: { } value } && value != returned && current != returned)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>
    /// The versions a mapping method of the compilation can return (any file), or 0 when the method is not a mapping: every
    /// protocol-writing return of a mapping is chosen by its parameters.
    /// </summary>
    public static int MappedBits(IInvocationOperation call, TlsSymbols symbols)
    {
        var method = call.TargetMethod;
        if (method.DeclaredAccessibility == Accessibility.Private || method.IsAbstract || method.IsVirtual || method.IsOverride
            || call.SemanticModel is not { } model
            || OperationTreeExtensions.BodyOf(method, model, out _) is not { } body)
        {
            return 0;
        }

        var bits = 0;
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is not IReturnOperation { ReturnedValue: { } returned } || operation.IsInsideFunction(body))
            {
                continue;
            }

            var written = ProtocolValues.WrittenBits(returned, symbols);
            if (written == 0)
            {
                continue;
            }

            if (!IsMappingReturn(returned, method))
            {
                return 0; // written unconditionally: reported at its return already
            }

            bits |= written;
        }

        return bits;
    }

    private static bool ReadsParameter(IOperation governing, IMethodSymbol method)
    {
        foreach (var operation in governing.DescendantsAndSelf())
        {
            if (operation is IParameterReferenceOperation { Parameter: { } parameter } && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method))
            {
                return true;
            }
        }

        return false;
    }
}
