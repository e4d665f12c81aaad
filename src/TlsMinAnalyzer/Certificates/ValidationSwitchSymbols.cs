using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Certificates;

/// <summary>
/// The library settings of <see cref="CertificateValidation.Switches"/> and <see cref="CertificateValidation.PlainHooks"/>
/// that this compilation has, by member name: looked up once, and null when it has none (then nothing is registered).
/// </summary>
internal sealed class ValidationSwitchSymbols
{
    private readonly Dictionary<string, List<(INamedTypeSymbol Type, ValidationSwitch Switch, bool PlainHook)>> _byMember;

    private ValidationSwitchSymbols(Dictionary<string, List<(INamedTypeSymbol, ValidationSwitch, bool)>> byMember, bool hasMethods)
    {
        _byMember = byMember;
        HasMethods = hasMethods;
    }

    /// <summary>Some setting is a builder method of a type this compilation has (a call, not an assignment, sets it).</summary>
    public bool HasMethods { get; }

    public static ValidationSwitchSymbols? Create(Compilation compilation)
    {
        var byMember = new Dictionary<string, List<(INamedTypeSymbol, ValidationSwitch, bool)>>();
        var hasMethods = false;
        foreach (var (table, plainHook) in new[] { (CertificateValidation.Switches, false), (CertificateValidation.PlainHooks, true) })
        {
            foreach (var entry in table)
            {
                if (compilation.FindType(entry.TypeMetadataName) is not { } type)
                {
                    continue;
                }

                if (!byMember.TryGetValue(entry.Member, out var owners))
                {
                    byMember[entry.Member] = owners = new List<(INamedTypeSymbol, ValidationSwitch, bool)>();
                }

                owners.Add((type, entry, plainHook));
                foreach (var member in type.GetMembers(entry.Member))
                {
                    hasMethods |= member.Kind == SymbolKind.Method;
                }
            }
        }

        return byMember.Count == 0 ? null : new ValidationSwitchSymbols(byMember, hasMethods);
    }

    /// <summary>The library setting (<see cref="CertificateValidation.Switches"/>) a property or method is, by its declaring type.</summary>
    public ValidationSwitch? FindSwitch(ISymbol member) => Find(member, plainHook: false);

    /// <summary>The hook without an errors parameter (<see cref="CertificateValidation.PlainHooks"/>) a property or builder method is.</summary>
    public bool IsPlainHook(ISymbol member) => Find(member, plainHook: true) is not null;

    private ValidationSwitch? Find(ISymbol member, bool plainHook)
    {
        if (!_byMember.TryGetValue(member.Name, out var owners) || member.ContainingType?.OriginalDefinition is not { } declaring)
        {
            return null;
        }

        foreach (var (type, entry, isPlainHook) in owners)
        {
            if (isPlainHook == plainHook && SymbolEqualityComparer.Default.Equals(type, declaring))
            {
                return entry;
            }
        }

        return null;
    }
}
