using Microsoft.CodeAnalysis;

namespace TlsMinAnalyzer.Infrastructure;

/// <summary>
/// <see cref="Compilation.GetTypeByMetadataName"/>, answered from the merged global namespace where that gives the same
/// answer. The call asks every referenced assembly (a web project references a few hundred) to learn whether the name is
/// ambiguous, even when no assembly has the namespace; the symbol bundles ask it for dozens of library types per
/// compilation, most of which a given project lacks, and the IDE makes a compilation on every edit. The merged namespace,
/// which binding builds anyway, lists the candidates of all non-extern assemblies at once: none means null, one means that
/// type (the documented lookup's answer whenever it finds a single match), and only several take the full lookup, whose
/// rules (this compilation first, then the core library) decide between them.
/// </summary>
internal static class TypeLookup
{
    /// <summary>The type of that metadata name (<c>Namespace.Type</c>, <c>Namespace.Type`1</c>), as <see cref="Compilation.GetTypeByMetadataName"/> answers.</summary>
    public static INamedTypeSymbol? FindType(this Compilation compilation, string metadataName)
    {
        if (metadataName.IndexOf('+') >= 0)
        {
            return compilation.GetTypeByMetadataName(metadataName); // a nested type: not a shape read here
        }

        INamespaceSymbol container = compilation.GlobalNamespace;
        var start = 0;
        for (var dot = metadataName.IndexOf('.'); dot >= 0; dot = metadataName.IndexOf('.', start))
        {
            if (Namespace(container, metadataName.Substring(start, dot - start)) is not { } inner)
            {
                return null;
            }

            container = inner;
            start = dot + 1;
        }

        var name = metadataName.Substring(start);
        var arity = 0;
        var tick = name.IndexOf('`');
        if (tick >= 0)
        {
            if (!int.TryParse(name.Substring(tick + 1), out arity))
            {
                return compilation.GetTypeByMetadataName(metadataName);
            }

            name = name.Substring(0, tick);
        }

        var candidates = container.GetTypeMembers(name, arity);
        return candidates.Length switch
        {
            0 => null,
            1 => candidates[0],
            _ => compilation.GetTypeByMetadataName(metadataName),
        };
    }

    private static INamespaceSymbol? Namespace(INamespaceSymbol container, string name)
    {
        foreach (var member in container.GetMembers(name))
        {
            if (member is INamespaceSymbol found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// True when the type is the top-level, non-generic type of that full name (<c>System.Net.Security.SslStream</c>): what
    /// <c>type.ToDisplayString() == fullName</c> tells for such a name, without building the string on every call.
    /// </summary>
    public static bool HasFullName(this ITypeSymbol? type, string fullName)
    {
        if (type is not INamedTypeSymbol { Arity: 0, ContainingType: null } named || !EndsWith(fullName, fullName.Length, named.Name))
        {
            return false;
        }

        var end = fullName.Length - named.Name.Length;
        for (var container = named.ContainingNamespace; container is { IsGlobalNamespace: false }; container = container.ContainingNamespace)
        {
            if (end == 0 || fullName[end - 1] != '.' || !EndsWith(fullName, end - 1, container.Name))
            {
                return false;
            }

            end -= container.Name.Length + 1;
        }

        return end == 0;
    }

    private static bool EndsWith(string text, int end, string part)
        => end >= part.Length && string.CompareOrdinal(text, end - part.Length, part, 0, part.Length) == 0;
}
