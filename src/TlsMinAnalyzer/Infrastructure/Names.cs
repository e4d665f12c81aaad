using Microsoft.CodeAnalysis;

namespace TlsMinAnalyzer.Infrastructure;

/// <summary>How messages name the settings they talk about: <c>Type.Member</c>, <c>Type.Method(parameter)</c>, <c>new Type(parameter)</c>.</summary>
internal static class Names
{
    /// <summary>The symbol as messages name it; a constructor as the file's language writes it (<c>new</c>, VB's <c>New</c>).</summary>
    public static string Of(ISymbol symbol, SyntaxTree? tree = null)
    {
        switch (symbol)
        {
            case IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter:
                var owner = method.MethodKind == MethodKind.Constructor
                    ? (IsVisualBasic(tree) ? "New " : "new ") + method.ContainingType.Name
                    : method.ContainingType is { } type ? type.Name + "." + method.Name : method.Name;
                return owner + "(" + parameter.Name + ")";
            case IMethodSymbol { AssociatedSymbol: { } associated }:
                return Of(associated, tree);
            case IMethodSymbol method:
                return (method.ContainingType is { } methodOwner ? methodOwner.Name + "." : string.Empty) + method.Name + "()";
            default:
                return symbol.ContainingType is { } containing ? containing.Name + "." + symbol.Name : symbol.Name;
        }
    }

    /// <summary>Code quoted in a message, in the language of the file it is reported in: <c>A | B</c> or <c>A Or B</c>.</summary>
    public static string Or(SyntaxTree? tree, string left, string right)
        => left + (IsVisualBasic(tree) ? " Or " : " | ") + right;

    /// <summary><c>true</c>, or Visual Basic's <c>True</c>.</summary>
    public static string True(SyntaxTree? tree) => IsVisualBasic(tree) ? "True" : "true";

    /// <summary><c>false</c>, or Visual Basic's <c>False</c>.</summary>
    public static string False(SyntaxTree? tree) => IsVisualBasic(tree) ? "False" : "false";

    /// <summary>A named argument as the file's language writes it: <c>useSsl: false</c> or <c>useSsl:=False</c>.</summary>
    public static string NamedArgument(SyntaxTree? tree, string name, bool value)
        => IsVisualBasic(tree) ? name + ":=" + (value ? "True" : "False") : name + ": " + (value ? "true" : "false");

    public static bool IsVisualBasic(SyntaxTree? tree) => tree?.Options.Language == LanguageNames.VisualBasic;
}
