using Microsoft.CodeAnalysis;

namespace TlsMinAnalyzer.Infrastructure;

/// <summary>How messages name the settings they talk about: <c>Type.Member</c>, <c>Type.Method(parameter)</c>, <c>new Type(parameter)</c>.</summary>
internal static class Names
{
    public static string Of(ISymbol symbol)
    {
        switch (symbol)
        {
            case IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter:
                var owner = method.MethodKind == MethodKind.Constructor
                    ? "new " + method.ContainingType.Name
                    : method.ContainingType is { } type ? type.Name + "." + method.Name : method.Name;
                return owner + "(" + parameter.Name + ")";
            case IMethodSymbol { AssociatedSymbol: { } associated }:
                return Of(associated);
            case IMethodSymbol method:
                return (method.ContainingType is { } methodOwner ? methodOwner.Name + "." : string.Empty) + method.Name + "()";
            default:
                return symbol.ContainingType is { } containing ? containing.Name + "." + symbol.Name : symbol.Name;
        }
    }
}
