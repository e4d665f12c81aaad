using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Certificates;

/// <summary>The types TLS006 needs, looked up once per compilation.</summary>
internal sealed class RevocationSymbols
{
    private RevocationSymbols(
        ImmutableArray<(INamedTypeSymbol, string)> booleanSettings,
        ImmutableArray<(INamedTypeSymbol, string)> invertedSettings,
        ImmutableArray<(INamedTypeSymbol, string)> booleanParameters,
        INamedTypeSymbol? revocationMode)
    {
        InvertedSettings = invertedSettings;
        NoCheck = revocationMode is null ? null : EnumExtensions.FindConstantMember(revocationMode, Revocation.NoCheck);
        BooleanSettings = booleanSettings;
        BooleanParameters = booleanParameters;
        RevocationMode = revocationMode;
    }

    public ImmutableArray<(INamedTypeSymbol Type, string Name)> BooleanSettings { get; }

    public ImmutableArray<(INamedTypeSymbol Type, string Name)> BooleanParameters { get; }

    /// <summary>Boolean settings whose <c>true</c> turns checking off (<c>IgnoreCertificateRevocationErrors</c>).</summary>
    public ImmutableArray<(INamedTypeSymbol Type, string Name)> InvertedSettings { get; }

    public INamedTypeSymbol? RevocationMode { get; }

    /// <summary><c>X509RevocationMode.NoCheck</c>, looked up once.</summary>
    public IFieldSymbol? NoCheck { get; }

    /// <summary>The bundle, or null when the compilation has none of the TLS settings.</summary>
    public static RevocationSymbols? Create(Compilation compilation)
    {
        var settings = Resolve(compilation, Revocation.BooleanSettings);
        var inverted = Resolve(compilation, Revocation.InvertedBooleanSettings);
        var parameters = Resolve(compilation, Revocation.BooleanParameters);
        var mode = compilation.FindType(Revocation.RevocationModeMetadataName);
        // TLS006 is about TLS connections: without any TLS-capable client or stream type (HttpClientHandler, SslStream,
        // ServicePointManager, MailKit) there is no connection to weaken, and the rule registers nothing.
        return settings.IsEmpty && parameters.IsEmpty && inverted.IsEmpty
            ? null
            : new RevocationSymbols(settings, inverted, parameters, mode);
    }

    /// <summary>True when some boolean parameter of <see cref="BooleanParameters"/> has that name: the cheap test before its method is asked.</summary>
    public bool IsBooleanParameterName(string name)
    {
        foreach (var (_, known) in BooleanParameters)
        {
            if (known == name)
            {
                return true;
            }
        }

        return false;
    }

    public static bool Matches(ImmutableArray<(INamedTypeSymbol Type, string Name)> table, ISymbol symbol, INamedTypeSymbol? owner)
    {
        foreach (var (type, name) in table)
        {
            if (symbol.Name == name && SymbolEqualityComparer.Default.Equals(owner?.OriginalDefinition, type))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<(INamedTypeSymbol, string)> Resolve(Compilation compilation, ImmutableArray<MemberName> members)
    {
        var builder = ImmutableArray.CreateBuilder<(INamedTypeSymbol, string)>();
        foreach (var member in members)
        {
            if (compilation.FindType(member.TypeMetadataName) is { } type)
            {
                builder.Add((type, member.Name));
            }
        }

        return builder.ToImmutable();
    }
}
