using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// The protocol-version family, from one pass over the values that reach TLS settings:
/// TLS001, a TLS/SSL version below TLS 1.2 (or below the configured minimum) is enabled; TLS005 (advice), a constant set
/// that enables TLS 1.2 but not TLS 1.3 on a target whose enum has Tls13. A write is judged once: TLS001 when it enables a
/// deprecated version, else TLS005 when it is a pin. Findings go where the value is written, and only when it reaches a TLS
/// setting; comparisons, bit tests, patterns, masks and logging are never reported.
/// </summary>
internal sealed class ProtocolVersionAnalyzer : FamilyAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DeprecatedProtocol, Descriptors.PinnedVersions);

    public override GatedActions[] CreateGates(Compilation compilation, CompilationSymbols symbols, TlsOptionsCache options)
    {
        var protocols = new GatedActions(NameGroups.Protocols, () =>
        {
            if (symbols.Tls is not { } tls)
            {
                return null;
            }

            return ProtocolSettingFinder.Create(
                tls,
                write => Select(write, options.For(write.Value.Syntax.SyntaxTree)),
                (write, bits) => Create(write, bits, tls, options.For(write.Value.Syntax.SyntaxTree))).Actions();
        });
        return new[] { protocols };
    }

    /// <summary>The deprecated bits of the write (TLS001), else TLS 1.2's bits when the write is a pin (TLS005), else 0.</summary>
    private static int Select(ProtocolWrite write, TlsOptions options)
    {
        var deprecated = write.WrittenBits & options.DeprecatedMask;
        if (deprecated != 0)
        {
            return deprecated;
        }

        return (write.WrittenBits & ProtocolVersions.Tls12Bits) != 0
               && (write.WrittenBits & ProtocolVersions.Tls13Bits) == 0
               && write.Value.ConstantValue.HasValue
               && write.ProtocolEnum.FindConstantMember(ProtocolVersions.Tls13Member) is not null
            ? ProtocolVersions.Tls12Bits
            : 0;
    }

    private static Diagnostic? Create(ProtocolWrite write, int bits, TlsSymbols symbols, TlsOptions options)
    {
        var location = write.Value.Syntax.GetLocation();
        if ((bits & options.DeprecatedMask) != 0)
        {
            return CreateDeprecated(location, write.Setting, bits, write.ProtocolEnum, options);
        }

        if (!write.ReachesUnchanged)
        {
            return null; // ORed with other versions before the setting gets it: the final set is not a pin
        }

        var add = "add " + write.ProtocolEnum.Name + "." + ProtocolVersions.Tls13Member;
        var advice = symbols.SystemDefaultMember(write.ProtocolEnum) is { } systemDefault
            ? add + ", or let the operating system choose (" + write.ProtocolEnum.Name + "." + systemDefault.Name + ")"
            : add;
        return Diagnostic.Create(Descriptors.PinnedVersions, location, write.Setting, advice);
    }

    internal static Diagnostic CreateDeprecated(Location location, string setting, int deprecatedBits, INamedTypeSymbol protocolEnum, TlsOptions options)
    {
        var minimum13 = options.MinimumTls13;
        return Diagnostic.Create(
            Descriptors.DeprecatedProtocol,
            location,
            ImmutableDictionary<string, string?>.Empty.Add(TlsOptions.MinimumVersionKey, minimum13 ? "1.3" : "1.2"),
            setting,
            ProtocolVersions.DescribeVersions(deprecatedBits),
            DeprecatedBy(deprecatedBits, options),
            Recommended(protocolEnum, minimum13, location.SourceTree));
    }

    /// <summary>"RFC 8996", and the project's policy when TLS 1.2 is reported because the configured minimum is 1.3.</summary>
    internal static string DeprecatedBy(int deprecatedBits, TlsOptions options)
    {
        var references = ProtocolVersions.DescribeReferences(deprecatedBits);
        if (!options.MinimumTls13 || (deprecatedBits & ProtocolVersions.Tls12Bits) == 0)
        {
            return references;
        }

        var policy = "the project's policy (" + TlsOptions.MinimumVersionKey + " = 1.3)";
        return references.Length == 0 ? policy : references + " and " + policy;
    }

    /// <summary>"SslProtocols.Tls12 | SslProtocols.Tls13" (<c>Or</c> in Visual Basic), Tls12 alone where this target's enum has no Tls13, Tls13 alone at policy 1.3.</summary>
    private static string Recommended(INamedTypeSymbol protocolEnum, bool minimum13, SyntaxTree? tree)
    {
        var tls12 = protocolEnum.Name + "." + ProtocolVersions.Tls12Member;
        var tls13 = protocolEnum.Name + "." + ProtocolVersions.Tls13Member;
        if (protocolEnum.FindConstantMember(ProtocolVersions.Tls13Member) is null)
        {
            return tls12;
        }

        return minimum13 ? tls13 : Names.Or(tree, tls12, tls13);
    }
}
