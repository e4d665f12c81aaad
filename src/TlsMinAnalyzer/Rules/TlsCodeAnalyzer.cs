using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// The analyzer of C# and Visual Basic code, as Roslyn sees it: every rule family's analyzer (<see cref="FamilyAnalyzer"/>)
/// in one registration. Each family keeps its own pass, descriptors and knowledge; what they share is the driver's
/// per-member work, which Roslyn does once per <c>DiagnosticAnalyzer</c> (see <see cref="GatedDispatch"/>). Concurrent
/// execution; generated code analyzed and reported (generated service clients hide TLS settings). Config files have their
/// own analyzers (<c>*ConfigAnalyzer</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class TlsCodeAnalyzer : DiagnosticAnalyzer
{
    private readonly FamilyAnalyzer[] _families;

    public TlsCodeAnalyzer()
        : this(AllFamilies())
    {
    }

    /// <summary>Some families only: what the tests use to compare each family alone with all of them together.</summary>
    internal TlsCodeAnalyzer(params FamilyAnalyzer[] families)
    {
        _families = families;
        SupportedDiagnostics = families.SelectMany(f => f.SupportedDiagnostics).Distinct().ToImmutableArray();
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>A new instance of every family's analyzer, in the order their actions run on an operation.</summary>
    internal static FamilyAnalyzer[] AllFamilies() => new FamilyAnalyzer[]
    {
        new ProtocolVersionAnalyzer(),
        new CertificateValidationAnalyzer(),
        new MailConnectionAnalyzer(),
        new RevocationCheckAnalyzer(),
        new CompatibilitySwitchAnalyzer(),
        new NullEncryptionAnalyzer(),
    };

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = CompilationSymbols.For(start.Compilation);
            var options = new TlsOptionsCache(start.Options);
            var gates = new List<GatedActions>();
            foreach (var family in _families)
            {
                if (!IsTurnedOff(family, start.Compilation.Options))
                {
                    gates.AddRange(family.CreateGates(start.Compilation, symbols, options));
                }
            }

            GatedDispatch.Register(start, gates.ToArray());
        });
    }

    /// <summary>
    /// True when the project suppresses every rule of the family (<c>NoWarn</c>, a rule set): Roslyn would have skipped an
    /// analyzer of that family alone, so the family registers nothing. A severity set per file in <c>.editorconfig</c> is not
    /// visible here (compilers since 3.8 pass it through an API the 3.7 floor lacks); the family then runs and its findings
    /// are dropped.
    /// </summary>
    internal static bool IsTurnedOff(FamilyAnalyzer family, CompilationOptions options)
    {
        foreach (var descriptor in family.SupportedDiagnostics)
        {
            if (!options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out var report) || report != ReportDiagnostic.Suppress)
            {
                return false;
            }
        }

        return true;
    }
}
