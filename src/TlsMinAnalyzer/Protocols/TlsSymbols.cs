using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Protocols;

/// <summary>The types the rules need, looked up once per compilation and shared by every callback.</summary>
internal sealed class TlsSymbols
{
    private readonly ImmutableArray<(INamedTypeSymbol Type, ProtocolEnum Info)> _protocolEnums;

    private TlsSymbols(ImmutableArray<(INamedTypeSymbol, ProtocolEnum)> protocolEnums, INamedTypeSymbol? servicePointManager, INamedTypeSymbol systemEnum)
    {
        _protocolEnums = protocolEnums;
        ServicePointManager = servicePointManager;
        SystemEnum = systemEnum;
    }

    public INamedTypeSymbol? ServicePointManager { get; }

    public INamedTypeSymbol SystemEnum { get; }

    /// <summary>The bundle, or null when the compilation has none of the protocol enums (then the rules register nothing).</summary>
    public static TlsSymbols? Create(Compilation compilation)
    {
        var found = ImmutableArray.CreateBuilder<(INamedTypeSymbol, ProtocolEnum)>(ProtocolEnums.All.Length);
        foreach (var info in ProtocolEnums.All)
        {
            if (compilation.FindType(info.MetadataName) is { } type)
            {
                found.Add((type, info));
            }
        }

        if (found.Count == 0)
        {
            return null;
        }

        return new TlsSymbols(
            found.ToImmutable(),
            compilation.FindType(ProtocolEnums.ServicePointManagerMetadataName),
            compilation.GetSpecialType(SpecialType.System_Enum));
    }

    /// <summary>The protocol enum that <paramref name="type"/> is, looking through <c>Nullable&lt;T&gt;</c>; else null.</summary>
    [MethodImpl(HotPath.Optimized)]
    public INamedTypeSymbol? AsProtocolEnum(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        if (type.TypeKind != TypeKind.Enum)
        {
            // Most values are classes or other structs: only Nullable<T> (a struct) is asked for its definition.
            if (type.TypeKind != TypeKind.Struct
                || type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T || type is not INamedTypeSymbol { TypeArguments.Length: 1 } nullable)
            {
                return null;
            }

            type = nullable.TypeArguments[0];
        }

        foreach (var entry in _protocolEnums)
        {
            if (SymbolEqualityComparer.Default.Equals(type, entry.Type))
            {
                return entry.Type;
            }
        }

        return null;
    }

    public bool IsProtocolEnum(ITypeSymbol? type) => AsProtocolEnum(type) != null;

    /// <summary>The member that lets the operating system choose, when this compilation's enum has it.</summary>
    public IFieldSymbol? SystemDefaultMember(INamedTypeSymbol protocolEnum)
    {
        foreach (var entry in _protocolEnums)
        {
            if (SymbolEqualityComparer.Default.Equals(protocolEnum, entry.Type))
            {
                return FindMember(protocolEnum, entry.Info.SystemDefaultMember);
            }
        }

        return null;
    }

    /// <summary>The named constant of the enum, or null when this target framework's enum lacks it (e.g. Tls13 on net472).</summary>
    public static IFieldSymbol? FindMember(INamedTypeSymbol protocolEnum, string name)
    {
        foreach (var member in protocolEnum.GetMembers(name))
        {
            if (member is IFieldSymbol { HasConstantValue: true } field)
            {
                return field;
            }
        }

        return null;
    }
}
