using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace TlsMinAnalyzer.Infrastructure;

/// <summary>
/// <see cref="Compilation.GetTypeByMetadataName"/>, answered from the merged global namespace where that gives the same
/// answer. The call asks every referenced assembly (a web project references a few hundred) to learn whether the name is
/// ambiguous, even when no assembly has the namespace; the symbol bundles ask it for dozens of library types per
/// compilation, most of which a given project lacks, and the IDE makes a compilation on every edit. The merged namespace,
/// which binding builds anyway, lists the candidates of all non-extern assemblies at once: none means null, one means that
/// type (the documented lookup's answer whenever it finds a single match), and only several take the full lookup, whose
/// rules (this compilation first, then the core library) decide between them. The compilation's own types are looked up
/// first on every call; the references' answers are shared by compilations with the same references (see ReferenceAnswers).
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

        // The compilation's own type comes first, as in the documented lookup; only the answer from the references is shared.
        if (compilation.Assembly.GetTypeByMetadataName(metadataName) is { } own)
        {
            return own;
        }

        return ReferenceAnswers.For(compilation) is { } shared
            ? shared.GetOrAdd(metadataName, compilation)
            : FromReferences(compilation, metadataName);
    }

    /// <summary>The answer when the compilation's own assembly lacks the type: the references decide.</summary>
    private static INamedTypeSymbol? FromReferences(Compilation compilation, string metadataName)
    {
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

    /// <summary>
    /// The references' answers, shared by the compilations that have the same references bound to the same assembly symbols:
    /// the IDE makes a compilation on every edit and the analyzer driver clones the one it analyzes, and both keep the
    /// references and their symbols, so the answers hold for each of them and the lookups run once, not per compilation.
    /// Only metadata references are shared (a project reference's symbols live with that project's compilation, which a
    /// shared entry must not keep alive). The few recent reference sets are kept per first reference.
    /// </summary>
    private sealed class ReferenceAnswers
    {
        private const int KeptPerFirstReference = 4;
        private static readonly ConditionalWeakTable<Compilation, ReferenceAnswers?> PerCompilation = new ConditionalWeakTable<Compilation, ReferenceAnswers?>();
        private static readonly ConditionalWeakTable<Compilation, ReferenceAnswers?>.CreateValueCallback FindCallback = Find;
        private static readonly ConditionalWeakTable<MetadataReference, List<ReferenceAnswers>> PerFirstReference = new ConditionalWeakTable<MetadataReference, List<ReferenceAnswers>>();

        private readonly MetadataReference[] _references;
        private readonly ImmutableArray<IAssemblySymbol> _assemblies;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _answers = new ConcurrentDictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);

        private ReferenceAnswers(MetadataReference[] references, ImmutableArray<IAssemblySymbol> assemblies)
        {
            _references = references;
            _assemblies = assemblies;
        }

        public INamedTypeSymbol? GetOrAdd(string metadataName, Compilation compilation)
        {
            if (!_answers.TryGetValue(metadataName, out var answer))
            {
                answer = _answers.GetOrAdd(metadataName, FromReferences(compilation, metadataName));
            }

            return answer;
        }

        public static ReferenceAnswers? For(Compilation compilation)
            => PerCompilation.GetValue(compilation, FindCallback);

        private static ReferenceAnswers? Find(Compilation compilation)
        {
            var references = compilation.References.ToArray();
            if (references.Length == 0)
            {
                return null;
            }

            foreach (var reference in references)
            {
                if (reference is not PortableExecutableReference)
                {
                    return null;
                }
            }

            var assemblies = compilation.SourceModule.ReferencedAssemblySymbols;
            var kept = PerFirstReference.GetValue(references[0], _ => new List<ReferenceAnswers>());
            lock (kept)
            {
                foreach (var candidate in kept)
                {
                    if (candidate.Matches(references, assemblies))
                    {
                        return candidate;
                    }
                }

                var created = new ReferenceAnswers(references, assemblies);
                if (kept.Count == KeptPerFirstReference)
                {
                    kept.RemoveAt(0);
                }

                kept.Add(created);
                return created;
            }
        }

        private bool Matches(MetadataReference[] references, ImmutableArray<IAssemblySymbol> assemblies)
            => SameItems(references, _references) && SameItems(assemblies, _assemblies);

        private static bool SameItems<T>(IReadOnlyList<T> one, IReadOnlyList<T> other)
            where T : class
        {
            if (one.Count != other.Count)
            {
                return false;
            }

            for (var i = 0; i < one.Count; i++)
            {
                if (!ReferenceEquals(one[i], other[i]))
                {
                    return false;
                }
            }

            return true;
        }
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
