using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Certificates;

/// <summary>
/// The library settings of <see cref="CertificateValidation.Switches"/> and <see cref="CertificateValidation.PlainHooks"/>
/// that this compilation has, by member name: looked up once, and null when it has none (then nothing is registered).
/// </summary>
internal sealed class ValidationSwitchSymbols
{
    private readonly Dictionary<string, List<(INamedTypeSymbol Type, ValidationSwitch Switch)>> _byMember;

    private ValidationSwitchSymbols(Dictionary<string, List<(INamedTypeSymbol, ValidationSwitch)>> byMember, bool hasMethods)
    {
        _byMember = byMember;
        HasMethods = hasMethods;
    }

    /// <summary>Some setting is a builder method (a call, not an assignment, sets it).</summary>
    public bool HasMethods { get; }

    public static ValidationSwitchSymbols? Create(Compilation compilation)
    {
        var byMember = new Dictionary<string, List<(INamedTypeSymbol, ValidationSwitch)>>();
        var hasMethods = false;
        foreach (var table in new[] { CertificateValidation.Switches, CertificateValidation.PlainHooks })
        {
            foreach (var entry in table)
            {
                if (compilation.GetTypeByMetadataName(entry.TypeMetadataName) is not { } type)
                {
                    continue;
                }

                if (!byMember.TryGetValue(entry.Member, out var owners))
                {
                    byMember[entry.Member] = owners = new List<(INamedTypeSymbol, ValidationSwitch)>();
                }

                owners.Add((type, entry));
                hasMethods |= entry.Member.StartsWith("With", System.StringComparison.Ordinal);
            }
        }

        return byMember.Count == 0 ? null : new ValidationSwitchSymbols(byMember, hasMethods);
    }

    /// <summary>The entry for a property or method of one of the types, by its declaring type.</summary>
    public ValidationSwitch? Find(ISymbol member, ImmutableArray<ValidationSwitch> table)
    {
        if (!_byMember.TryGetValue(member.Name, out var owners) || member.ContainingType?.OriginalDefinition is not { } declaring)
        {
            return null;
        }

        foreach (var (type, entry) in owners)
        {
            if (SymbolEqualityComparer.Default.Equals(type, declaring) && table.Contains(entry))
            {
                return entry;
            }
        }

        return null;
    }
}
