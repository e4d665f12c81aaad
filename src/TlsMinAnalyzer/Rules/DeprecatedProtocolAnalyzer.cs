using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TlsMinAnalyzer.Internal;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// TLS001: a TLS/SSL version below TLS 1.2 (or below the configured minimum) is enabled. A finding is reported once, where
/// the deprecated value is written, and only when the value reaches a TLS setting; comparisons, bit tests, patterns, masks
/// and logging are never reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeprecatedProtocolAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DeprecatedProtocol);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated service clients and scaffolding hide TLS settings too: analyze and report generated code.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);

        context.RegisterCompilationStartAction(start =>
        {
            var symbols = TlsSymbols.Create(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            var options = new TlsOptionsCache(start.Options);
            ProtocolSettingFinder.Register(
                start,
                symbols,
                write => write.WrittenBits & options.For(write.Value.Syntax.SyntaxTree).DeprecatedMask,
                (write, bits) => Create(write.Value.Syntax.GetLocation(), write.Setting, bits, write.ProtocolEnum, options.For(write.Value.Syntax.SyntaxTree)));
        });
    }

    internal static Diagnostic Create(Location location, string setting, int deprecatedBits, INamedTypeSymbol protocolEnum, TlsOptions options)
    {
        var minimum13 = options.MinimumTls13;
        return Diagnostic.Create(
            Descriptors.DeprecatedProtocol,
            location,
            ImmutableDictionary<string, string?>.Empty.Add(TlsOptions.MinimumVersionKey, minimum13 ? "1.3" : "1.2"),
            setting,
            ProtocolVersions.DescribeVersions(deprecatedBits),
            DeprecatedBy(deprecatedBits, options),
            Recommended(protocolEnum, minimum13));
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

    /// <summary>"SslProtocols.Tls12 | SslProtocols.Tls13", Tls12 alone where this target's enum has no Tls13, Tls13 alone at policy 1.3.</summary>
    private static string Recommended(INamedTypeSymbol protocolEnum, bool minimum13)
    {
        var tls12 = protocolEnum.Name + "." + ProtocolVersions.Tls12Member;
        var tls13 = protocolEnum.Name + "." + ProtocolVersions.Tls13Member;
        if (TlsSymbols.FindMember(protocolEnum, ProtocolVersions.Tls13Member) is null)
        {
            return tls12;
        }

        return minimum13 ? tls13 : tls12 + " | " + tls13;
    }
}
