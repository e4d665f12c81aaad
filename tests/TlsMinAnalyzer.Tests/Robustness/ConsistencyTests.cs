using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
}
