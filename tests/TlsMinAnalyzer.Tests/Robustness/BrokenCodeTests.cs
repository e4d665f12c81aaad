using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using TlsMinAnalyzer.Tests.Meta;
using TlsMinAnalyzer.Tests.Verifiers;

namespace TlsMinAnalyzer.Tests.Robustness;

/// <summary>
/// Analyzers run on every keystroke, so they see half-typed code all the time. None may throw (AD0001): damaged variants of
/// the sample app and of hand-written edge cases are analyzed with deterministic seeds and a bounded number of variants.
/// </summary>
public class BrokenCodeTests
{
    private const int VariantsPerFile = 60;

    private static readonly string[] EdgeCases =
    {
        "class C { void M(System.Net.Http.HttpClientHandler h) { h.SslProtocols = ; } }",
        "class C { void M() { System.Net.ServicePointManager.SecurityProtocol = System.Net.SecurityProtocolType. } }",
        "class C { void M() { System.Net.ServicePointManager.SecurityProtocol |= (System.Net.SecurityProtocolType) } }",
        "using System.Security.Authentication; class C { SslProtocols P => (SslProtocols)\"x\"; SslProtocols Q => (SslProtocols)1e9; }",
        "using System.Security.Authentication; class C { SslProtocols P = SslProtocols.Tls | ; void M(SslProtocols p = ) {} }",
        "using System; using System.Security.Authentication; class C { object P = Enum.Parse(typeof(SslProtocols), null); object Q = Enum.Parse(typeof(SslProtocols)); }",
        "using System; using System.Security.Authentication; class C { void M() { Enum.TryParse<SslProtocols>(\"Tls\", out ); Enum.TryParse(\"Tls\", out SslProtocols p); } }",
        "using System.Security.Authentication; class C { SslProtocols M(bool b) => b switch { true => SslProtocols.Tls, }; SslProtocols N() => (SslProtocols)long.MaxValue; SslProtocols O() => unchecked((SslProtocols)(-1)); }",
        "using System.Security.Authentication; class C { void M() { var (a, b) = (SslProtocols.Tls, SslProtocols.Tls11); SslProtocols x = default; x = x = SslProtocols.Tls; } }",
        "using System.Security.Authentication; class C { SslProtocols this[int i] { get => SslProtocols.Tls; set { } } void M() { this[0] = SslProtocols.Tls11; } }",
        "using System.Security.Authentication; partial class C { partial void M(SslProtocols p = SslProtocols.Tls); }",
        "using System.Security.Authentication; class C { SslProtocols P => throw null; SslProtocols Q { get { return; } } }",
        "using System.Security.Authentication; class C { void M() { SslProtocols Local() => SslProtocols.Tls; var f = delegate { return SslProtocols.Ssl3; }; } }",
        "using System.Security.Authentication; enum E { A = SslProtocols.Tls } class C { const SslProtocols X = Y; const SslProtocols Y = X; }",
    };

    public static IEnumerable<object[]> SampleFiles() => Corpus.SampleFiles.Select(f => new object[] { f.Name });

    [Fact]
    public async Task EdgeCases_DoNotThrow()
    {
        var references = await AnalyzerHarness.ReferencesAsync(References.Net80);
        foreach (var source in EdgeCases)
        {
            var (_, exceptions) = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(new[] { source }, references));
            Assert.True(exceptions.Count == 0, source + "\n" + string.Join("\n", exceptions));
        }
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task DamagedSampleFile_DoesNotThrow(string fileName)
    {
        var source = File.ReadAllText(Repository.PathOf("samples", "LegacyMailer", fileName));
        var references = await AnalyzerHarness.ReferencesAsync(References.Net48WithMailKit);
        // string.GetHashCode is randomised per process; a sum of the characters is a stable seed.
        foreach (var variant in Damage(source, seed: fileName.Sum(c => c)))
        {
            var (_, exceptions) = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(new[] { variant }, references, new CSharpParseOptions(LanguageVersion.CSharp7_3)));
            Assert.True(exceptions.Count == 0, variant + "\n" + string.Join("\n", exceptions));
        }
    }

    [Fact]
    public async Task DamagedTestSnippets_DoNotThrow()
    {
        // Every snippet of every rule test, damaged a few ways each: what the IDE sees while someone types.
        Assert.True(Corpus.TestSnippets.Count > 100, "the corpus should hold the rule tests' snippets, found " + Corpus.TestSnippets.Count);
        var references = await AnalyzerHarness.ReferencesAsync(References.Net80WithMailKit);
        var seed = 1;
        foreach (var snippet in Corpus.TestSnippets)
        {
            foreach (var variant in Damage(snippet, seed++).Where((_, i) => i % 10 == 0))
            {
                var (_, exceptions) = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(new[] { variant }, references));
                Assert.True(exceptions.Count == 0, variant + "\n" + string.Join("\n", exceptions));
            }
        }
    }

    [Fact]
    public async Task DamagedEdgeCases_DoNotThrow()
    {
        var references = await AnalyzerHarness.ReferencesAsync(References.Net80);
        var seed = 17;
        foreach (var source in EdgeCases)
        {
            foreach (var variant in Damage(source, seed++).Take(20))
            {
                var (_, exceptions) = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(new[] { variant }, references));
                Assert.True(exceptions.Count == 0, variant + "\n" + string.Join("\n", exceptions));
            }
        }
    }

    /// <summary>Truncations at spread-out points, random token deletions and unbalanced braces; deterministic per seed.</summary>
    internal static IEnumerable<string> Damage(string source, int seed)
    {
        var random = new Random(seed);
        var third = VariantsPerFile / 3;
        for (var i = 1; i <= third; i++)
        {
            yield return source.Substring(0, source.Length * i / (third + 1));
        }

        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().ToList();
        for (var i = 0; i < third && tokens.Count > 0; i++)
        {
            var builder = new StringBuilder(source);
            var removed = tokens[random.Next(tokens.Count)];
            builder.Remove(removed.SpanStart, removed.Span.Length);
            var second = tokens[random.Next(tokens.Count)];
            if (second.SpanStart > removed.SpanStart)
            {
                builder.Remove(second.SpanStart - removed.Span.Length, Math.Min(second.Span.Length, builder.Length - (second.SpanStart - removed.Span.Length)));
            }

            yield return builder.ToString();
        }

        for (var i = 0; i < third; i++)
        {
            var position = random.Next(source.Length + 1);
            yield return source.Insert(position, random.Next(2) == 0 ? "{" : "}");
        }
    }
}
