using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TlsMinAnalyzer.Rules;
using TlsMinAnalyzer.Tests.Verifiers;

namespace TlsMinAnalyzer.Tests.Robustness;

/// <summary>The same code gives the same findings whatever the language version, nullable context or concurrency.</summary>
public class ConsistencyTests
{
    [Fact]
    public async Task SampleApp_SameFindingsInEveryLanguageVersion()
    {
        var references = await AnalyzerHarness.ReferencesAsync(References.Net48WithMailKit);
        var sources = Corpus.SampleFiles.Select(f => f.Text).ToList();
        var (baseline, baselineExceptions) = await AnalyzerHarness.AnalyzeAsync(
            AnalyzerHarness.Compile(sources, references, new CSharpParseOptions(LanguageVersion.CSharp7_3)));
        Assert.Empty(baselineExceptions);
        Assert.True(baseline.Length >= 15, "the sample app should have findings for every rule, found " + baseline.Length);

        var versions = Enum.GetValues<LanguageVersion>().Where(v => v >= LanguageVersion.CSharp7_3 && v != LanguageVersion.Default).ToList();
        foreach (var version in versions)
        {
            var compilation = AnalyzerHarness.Compile(sources, references, new CSharpParseOptions(version));
            var (findings, exceptions) = await AnalyzerHarness.AnalyzeAsync(compilation);
            Assert.True(exceptions.Count == 0, version + ":\n" + string.Join("\n", exceptions));
            Assert.Equal(AnalyzerHarness.Lines(baseline), AnalyzerHarness.Lines(findings));
        }
    }

    [Fact]
    public async Task Corpus_SameFindingsWithNullableOnAndOff_AndInOlderLanguageVersions()
    {
        var references = await AnalyzerHarness.ReferencesAsync(References.Net80WithMailKit);
        var compared = 0;
        foreach (var snippet in Corpus.TestSnippets)
        {
            var (enabled, enabledExceptions) = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(new[] { snippet }, references, nullable: NullableContextOptions.Enable));
            var (disabled, disabledExceptions) = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(new[] { snippet }, references, nullable: NullableContextOptions.Disable));
            Assert.Empty(enabledExceptions);
            Assert.Empty(disabledExceptions);
            Assert.Equal(AnalyzerHarness.Lines(enabled), AnalyzerHarness.Lines(disabled));

            // Code that is valid C# 8 must give the same findings there as in the latest version.
            var older = AnalyzerHarness.Compile(new[] { snippet }, references, new CSharpParseOptions(LanguageVersion.CSharp8), NullableContextOptions.Disable);
            if (!older.GetParseDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)
                && !older.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                var (olderFindings, olderExceptions) = await AnalyzerHarness.AnalyzeAsync(older);
                Assert.Empty(olderExceptions);
                Assert.Equal(AnalyzerHarness.Lines(disabled), AnalyzerHarness.Lines(olderFindings));
                compared++;
            }
        }

        Assert.True(compared > 20, "too few snippets were valid C# 8 to compare: " + compared);
    }

    [Fact]
    public async Task ConcurrentAndSequentialAnalysis_GiveTheSameFindings()
    {
        var references = await AnalyzerHarness.ReferencesAsync(References.Net48WithMailKit);
        var compilation = AnalyzerHarness.Compile(Corpus.SampleFiles.Select(f => f.Text), references, new CSharpParseOptions(LanguageVersion.CSharp7_3));
        var (sequential, _) = await AnalyzerHarness.AnalyzeAsync(compilation, concurrent: false);
        for (var run = 0; run < 5; run++)
        {
            var (concurrent, exceptions) = await AnalyzerHarness.AnalyzeAsync(compilation, concurrent: true);
            Assert.Empty(exceptions);
            Assert.Equal(AnalyzerHarness.Lines(sequential), AnalyzerHarness.Lines(concurrent));
        }

        var modern = await AnalyzerHarness.ReferencesAsync(References.Net80WithMailKit);
        foreach (var snippet in Corpus.TestSnippets)
        {
            var single = AnalyzerHarness.Compile(new[] { snippet }, modern);
            var (one, _) = await AnalyzerHarness.AnalyzeAsync(single, concurrent: false);
            var (other, exceptions) = await AnalyzerHarness.AnalyzeAsync(single, concurrent: true);
            Assert.Empty(exceptions);
            Assert.Equal(AnalyzerHarness.Lines(one), AnalyzerHarness.Lines(other));
        }
    }

    /// <summary>
    /// The shipped analyzer runs every family's actions from one dispatch per member. Each family run alone (an analyzer of
    /// that family only) must find exactly what it finds among all of them: no family's action hides, repeats or reorders
    /// another's findings, whichever gates a document opens together.
    /// </summary>
    [Fact]
    public async Task EveryFamilyAlone_FindsExactlyItsShareOfTheSharedDispatch()
    {
        var legacy = await AnalyzerHarness.ReferencesAsync(References.Net48WithMailKit);
        var modern = await AnalyzerHarness.ReferencesAsync(References.Net80WithMailKit);
        var compilations = new List<Compilation> { AnalyzerHarness.Compile(Corpus.SampleFiles.Select(f => f.Text), legacy, new CSharpParseOptions(LanguageVersion.CSharp7_3)) };
        compilations.AddRange(Corpus.TestSnippets.Select(snippet => (Compilation)AnalyzerHarness.Compile(new[] { snippet }, modern)));

        var familiesWithFindings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var compilation in compilations)
        {
            var together = new TlsCodeAnalyzer();
            var alone = TlsCodeAnalyzer.AllFamilies().Select(family => (DiagnosticAnalyzer)new TlsCodeAnalyzer(family)).ToImmutableArray();
            var withAnalyzers = compilation.WithAnalyzers(alone.Add(together));
            var all = await withAnalyzers.GetAnalyzerDiagnosticsAsync(ImmutableArray.Create<DiagnosticAnalyzer>(together), CancellationToken.None);
            var separate = new List<Diagnostic>();
            foreach (var analyzer in alone)
            {
                var found = await withAnalyzers.GetAnalyzerDiagnosticsAsync(ImmutableArray.Create(analyzer), CancellationToken.None);
                Assert.All(found, d => Assert.Contains(d.Descriptor, analyzer.SupportedDiagnostics));
                if (found.Any(d => d.Id.StartsWith("TLS", StringComparison.Ordinal)))
                {
                    familiesWithFindings.Add(string.Join(",", analyzer.SupportedDiagnostics.Select(d => d.Id)));
                }

                separate.AddRange(found);
            }

            Assert.DoesNotContain(all, d => d.Id == "AD0001");
            Assert.Equal(Sorted(separate), Sorted(all));
        }

        Assert.Equal(TlsCodeAnalyzer.AllFamilies().Length, familiesWithFindings.Count);
    }

    private static List<string> Sorted(IEnumerable<Diagnostic> diagnostics)
        => diagnostics.Select(AnalyzerHarness.Describe).OrderBy(line => line, StringComparer.Ordinal).ToList();
}
