using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using CSharpSyntaxTree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree;
using SyntaxKind = Microsoft.CodeAnalysis.CSharp.SyntaxKind;
using Microsoft.CodeAnalysis.VisualBasic;
using TlsMinAnalyzer.Tests.Meta;
using TlsMinAnalyzer.Tests.Verifiers;

namespace TlsMinAnalyzer.Tests.Robustness;

/// <summary>
/// The robustness suite for Visual Basic: every VB snippet of the VB tests and every file of the VB sample, damaged
/// (truncated, tokens removed, blocks left open) and analyzed with no analyzer exception allowed; and the same findings in
/// every VB language version from 9 (Visual Studio 2008) on, with Option Strict on and off.
/// </summary>
public class VisualBasicRobustnessTests
{
    private static readonly Regex Markup = new Regex(@"\{\|(#\d+|TLS\d{3}):|\|\}|\[\||\|\]", RegexOptions.Compiled);

    /// <summary>The VB sources of the VB tests (markup removed) and of the VB sample.</summary>
    private static IReadOnlyList<string> Sources()
    {
        var sources = new List<string>();
        foreach (var file in Directory.GetFiles(Repository.PathOf("tests", "TlsMinAnalyzer.Tests", "VisualBasic"), "*.cs").OrderBy(f => f, StringComparer.Ordinal))
        {
            foreach (var literal in CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>())
            {
                var text = Markup.Replace(literal.Token.ValueText, string.Empty);
                if (literal.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) && text.Contains("End ", StringComparison.Ordinal))
                {
                    sources.Add(text);
                }
            }
        }

        sources.AddRange(Directory.GetFiles(Repository.PathOf("samples", "LegacyMailerVB"), "*.vb").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText));
        return sources;
    }

    private static async Task<ImmutableArray<MetadataReference>> ReferencesAsync()
    {
        await References.EnsureResolvedAsync();
        var framework = await References.Net48.AddAssemblies(ImmutableArray.Create("Microsoft.VisualBasic"))
            .ResolveAsync(LanguageNames.VisualBasic, CancellationToken.None);
        return framework.AddRange(References.Net48WithMailKit.Libraries);
    }

    private static Compilation Compile(string source, ImmutableArray<MetadataReference> references, LanguageVersion version = LanguageVersion.Latest, OptionStrict strict = OptionStrict.On)
        => VisualBasicCompilation.Create(
            "VisualBasicRobustness",
            new[] { VisualBasicSyntaxTree.ParseText(source, new VisualBasicParseOptions(version), "File0.vb") },
            references,
            new VisualBasicCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                globalImports: GlobalImport.Parse("Microsoft.VisualBasic", "System", "System.Collections.Generic", "System.Linq", "System.Threading.Tasks"),
                optionStrict: strict));

    [Fact]
    public async Task DamagedVisualBasic_DoesNotThrow()
    {
        var sources = Sources();
        Assert.True(sources.Count > 20, "the corpus should hold the VB tests' snippets and the VB sample, found " + sources.Count);
        var references = await ReferencesAsync();
        var seed = 3;
        foreach (var source in sources)
        {
            foreach (var variant in Damage(source, seed++))
            {
                var (_, exceptions) = await AnalyzerHarness.AnalyzeAsync(Compile(variant, references));
                Assert.True(exceptions.Count == 0, variant + "\n" + string.Join("\n", exceptions));
            }
        }
    }

    [Fact]
    public async Task Findings_AreTheSameInEveryVisualBasicVersion_AndUnderOptionStrictOff()
    {
        var references = await ReferencesAsync();
        var checkedSources = 0;
        foreach (var source in Sources())
        {
            var latest = await FindingsAsync(Compile(source, references));
            if (latest is null)
            {
                continue; // a snippet that needs a newer language or another target: compared only where it compiles
            }

            checkedSources++;
            foreach (var version in new[] { LanguageVersion.VisualBasic9, LanguageVersion.VisualBasic14, LanguageVersion.VisualBasic15_5, LanguageVersion.VisualBasic16_9 })
            {
                if (await FindingsAsync(Compile(source, references, version)) is { } older)
                {
                    Assert.True(latest.SequenceEqual(older), "VB " + version + " differs:\n" + string.Join("\n", older) + "\nlatest:\n" + string.Join("\n", latest) + "\n" + source);
                }
            }

            if (await FindingsAsync(Compile(source, references, strict: OptionStrict.Off)) is { } strictOff)
            {
                Assert.True(latest.SequenceEqual(strictOff), "Option Strict Off differs:\n" + string.Join("\n", strictOff) + "\n" + source);
            }
        }

        Assert.True(checkedSources > 10, "too few sources compiled cleanly to compare: " + checkedSources);
    }

    /// <summary>The findings as lines, or null when the code does not compile (another language version, another target).</summary>
    private static async Task<IReadOnlyList<string>?> FindingsAsync(Compilation compilation)
    {
        if (compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return null;
        }

        var (findings, exceptions) = await AnalyzerHarness.AnalyzeAsync(compilation);
        Assert.Empty(exceptions);
        return AnalyzerHarness.Lines(findings);
    }

    /// <summary>Truncations, token deletions, and a block statement's end removed or doubled; deterministic per seed.</summary>
    private static IEnumerable<string> Damage(string source, int seed)
    {
        var random = new Random(seed);
        for (var i = 1; i <= 6; i++)
        {
            yield return source.Substring(0, source.Length * i / 7);
        }

        var tokens = VisualBasicSyntaxTree.ParseText(source).GetRoot().DescendantTokens().ToList();
        for (var i = 0; i < 6 && tokens.Count > 0; i++)
        {
            var removed = tokens[random.Next(tokens.Count)];
            yield return new StringBuilder(source).Remove(removed.SpanStart, removed.Span.Length).ToString();
        }

        foreach (var end in new[] { "End Sub", "End Function", "End With", "End Using", "End If", "End Class" })
        {
            var at = source.IndexOf(end, StringComparison.Ordinal);
            if (at >= 0)
            {
                yield return source.Remove(at, end.Length);
                yield return source.Insert(at, end + "\n");
            }
        }
    }
}
