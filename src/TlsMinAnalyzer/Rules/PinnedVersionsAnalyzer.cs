using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TlsMinAnalyzer.Internal;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// TLS005 (advice): a constant protocol set that enables TLS 1.2 but not TLS 1.3, on a target whose enum has Tls13. Not
/// reported where TLS001 reports the same expression, nor on targets without Tls13, where Tls12 is the best possible pin.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PinnedVersionsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PinnedVersions);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
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
                write => IsPin(write, options.For(write.Value.Syntax.SyntaxTree)) ? ProtocolVersions.Tls12Bits : 0,
                (write, _) => Diagnostic.Create(
                    Descriptors.PinnedVersions,
                    write.Value.Syntax.GetLocation(),
                    write.Setting,
                    Advice(write.ProtocolEnum, symbols)));
        });
    }

    private static bool IsPin(ProtocolWrite write, TlsOptions options)
        => (write.WrittenBits & options.DeprecatedMask) == 0
           && (write.WrittenBits & ProtocolVersions.Tls12Bits) != 0
           && (write.WrittenBits & ProtocolVersions.Tls13Bits) == 0
           && write.Value.ConstantValue.HasValue
           && TlsSymbols.FindMember(write.ProtocolEnum, ProtocolVersions.Tls13Member) is not null;

    private static string Advice(INamedTypeSymbol protocolEnum, TlsSymbols symbols)
    {
        var add = "add " + protocolEnum.Name + "." + ProtocolVersions.Tls13Member;
        return symbols.SystemDefaultMember(protocolEnum) is { } systemDefault
            ? add + ", or let the operating system choose (" + protocolEnum.Name + "." + systemDefault.Name + ")"
            : add;
    }
}
